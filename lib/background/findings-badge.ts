import {
  FINDINGS_URL_MAX,
  FRAME_FINDINGS,
  type FrameFindings,
  frameFindingsMessageSchema,
  frameFindingsSchema,
  GET_TAB_FINDINGS,
  getTabFindingsMessageSchema,
  hasMessageType,
  type TabFindingsResponse,
} from '../messaging/messages';
import { classifySender, type ExtensionIdentity, type MessageSender } from '../messaging/sender';
import { capUrl } from '../url/cap-url';
import { badgeText, TabFindingsStore } from './tab-findings';

/** Where the badge goes: the browser's action API, injected so tests can watch it. */
export interface BadgeSink {
  setText(tabId: number, text: string): void;
}

/**
 * Keeps tab findings across restarts of the background (an MV3 service worker stops when
 * idle and loses its memory); `storage.session` in the extension, absent in tests.
 */
export interface FindingsPersistence {
  save(tabId: number, frames: FrameFindings[]): Promise<void>;
  load(tabId: number): Promise<FrameFindings[] | undefined>;
  remove(tabId: number): Promise<void>;
}

/** The background's findings logic, separate from the browser events that drive it. */
export interface FindingsBackground {
  /**
   * Handles a runtime message. Returns a promise for the messages it owns and `undefined` for
   * others, so other listeners (report messages) can answer those.
   */
  handleMessage(message: unknown, sender: MessageSender): Promise<unknown> | undefined;
  /** Handles `tabs.onUpdated`: a tab that starts loading a page loses its old findings. */
  handleTabUpdated(tabId: number, change: { status?: string }): void;
  /** Handles `tabs.onRemoved`. */
  handleTabRemoved(tabId: number): void;
}

/**
 * Creates the background's findings handler: stores each frame's report, sets the tab's badge
 * to the sum over its frames, answers the popup, and clears on navigation.
 *
 * Findings are page data (addresses with their queries, quoted sentences), so only extension
 * pages may read them, and a content script may only report its own frame: tab, frame and
 * address come from the sender the browser names, never from the message.
 * @param self this extension, to tell its pages from content scripts
 * @param badge where badge text goes
 * @param persistence optional store that survives background restarts
 * @returns handlers to wire to browser events
 */
export function createFindingsBackground(
  self: ExtensionIdentity,
  badge: BadgeSink,
  persistence?: FindingsPersistence,
): FindingsBackground {
  const store = new TabFindingsStore();

  const update = (tabId: number) => {
    badge.setText(tabId, badgeText(store.count(tabId)));
    void persistence?.save(tabId, store.frames(tabId)).catch(() => undefined);
  };

  const restore = async (tabId: number) => {
    if (store.has(tabId) || persistence === undefined) return;
    const frames = await persistence.load(tabId).catch(() => undefined);
    // A report may have arrived while storage was read; it is newer than the saved copy.
    if (store.has(tabId) || frames === undefined) return;
    for (const frame of frames) {
      const parsed = frameFindingsSchema.safeParse(frame);
      if (parsed.success) store.setFrame(tabId, parsed.data);
    }
  };

  return {
    handleMessage(message, sender) {
      if (!hasMessageType(message, [FRAME_FINDINGS, GET_TAB_FINDINGS])) return undefined;
      const from = classifySender(sender, self);
      const report = frameFindingsMessageSchema.safeParse(message);
      if (report.success) {
        if (from.kind !== 'content-script') return Promise.resolve({ ok: false });
        const { tabId, frameId } = from;
        // An address too long for the store keeps at least its origin, so the popup can name the frame.
        const url = capUrl(from.url, FINDINGS_URL_MAX) ?? originOf(from.url);
        return restore(tabId).then(() => {
          store.setFrame(tabId, { frameId, url, count: report.data.count, findings: report.data.findings });
          update(tabId);
          return { ok: true };
        });
      }
      const query = getTabFindingsMessageSchema.safeParse(message);
      if (query.success) {
        // A content script asking is a page asking: it gets nothing, not even whether a tab exists.
        if (from.kind !== 'extension-page') return Promise.resolve({ ok: false });
        const tabId = query.data.tabId;
        return restore(tabId).then((): TabFindingsResponse => ({ frames: store.frames(tabId) }));
      }
      return Promise.resolve({ ok: false });
    },
    handleTabUpdated(tabId, change) {
      if (change.status !== 'loading') return;
      store.clearTab(tabId);
      badge.setText(tabId, '');
      void persistence?.remove(tabId).catch(() => undefined);
    },
    handleTabRemoved(tabId) {
      store.clearTab(tabId);
      void persistence?.remove(tabId).catch(() => undefined);
    },
  };
}

/** `https://host/` for an address, or `''` when it does not parse (then the popup shows no address). */
function originOf(raw: string): string {
  try {
    const { origin } = new URL(raw);
    return origin === 'null' ? '' : `${origin}/`;
  } catch {
    return '';
  }
}
