import { browser } from 'wxt/browser';
import type { FrameFindings } from '../messaging/messages';
import { extensionIdentity } from '../messaging/sender';
import { createFindingsBackground, type FindingsPersistence } from './findings-badge';

/** Badge colour: dark red, readable with the white badge text in both toolbar themes. */
const BADGE_COLOR = '#b91c1c';

function sessionPersistence(): FindingsPersistence | undefined {
  const session = browser.storage?.session;
  if (session === undefined) return undefined;
  const key = (tabId: number) => `claimnote:tab-findings:${tabId}`;
  return {
    async save(tabId, frames) {
      await session.set({ [key(tabId)]: frames });
    },
    async load(tabId) {
      const stored = await session.get(key(tabId));
      const frames = stored[key(tabId)];
      return Array.isArray(frames) ? (frames as FrameFindings[]) : undefined;
    },
    async remove(tabId) {
      await session.remove(key(tabId));
    },
  };
}

/**
 * Wires the findings badge to the browser: content-script reports, popup queries, navigation
 * and tab removal. Uses `tabs.onUpdated` for the loading status, which needs no "tabs" or
 * "webNavigation" permission.
 */
export function registerFindingsBadge(): void {
  // MV3 has `action`, Firefox's MV2 build `browserAction`.
  const action = browser.action ?? browser.browserAction;
  const background = createFindingsBackground(
    extensionIdentity(),
    {
      setText(tabId, text) {
        void action?.setBadgeText({ tabId, text }).catch(() => undefined);
        if (text !== '')
          void action?.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR }).catch(() => undefined);
      },
    },
    sessionPersistence(),
  );
  browser.runtime.onMessage.addListener((message, sender) =>
    background.handleMessage(message, {
      id: sender.id,
      url: sender.url,
      tab: sender.tab,
      frameId: sender.frameId,
    }),
  );
  browser.tabs.onUpdated.addListener((tabId, change) => background.handleTabUpdated(tabId, change));
  browser.tabs.onRemoved.addListener((tabId) => background.handleTabRemoved(tabId));
}
