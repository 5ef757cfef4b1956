import { browser } from 'wxt/browser';
import {
  requestPageState,
  requestReveal,
  requestSetNotesHidden,
  requestTabFindings,
} from '../../messaging/client';
import type { PageState, TabFindingsResponse } from '../../messaging/messages';
import { setSitePaused } from '../../storage/storage';

/** What the popup does to the outside world; injected so the component can be tested alone. */
export interface PopupApi {
  /** Id of the tab the popup belongs to, or undefined (no tab, e.g. a devtools window). */
  activeTabId(): Promise<number | undefined>;
  pageState(tabId: number): Promise<PageState>;
  tabFindings(tabId: number): Promise<TabFindingsResponse>;
  reveal(tabId: number, frameId: number, index: number): Promise<boolean>;
  setNotesHidden(tabId: number, hidden: boolean): Promise<void>;
  setSitePaused(hostname: string, paused: boolean): Promise<void>;
  /** Closes the popup (after revealing a finding, so the page is in view). */
  close(): void;
}

/**
 * The popup's real API: the active tab through `tabs.query` (works with no "tabs" permission,
 * since only the id is needed), messages to its content scripts and the background, and the
 * pause list in storage.
 */
export const browserPopupApi: PopupApi = {
  async activeTabId() {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id;
  },
  pageState: requestPageState,
  tabFindings: requestTabFindings,
  async reveal(tabId, frameId, index) {
    return (await requestReveal(tabId, frameId, index)).ok;
  },
  setNotesHidden: requestSetNotesHidden,
  setSitePaused,
  close: () => window.close(),
};
