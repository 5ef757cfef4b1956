import { browser } from 'wxt/browser';
import {
  type FindingSummary,
  FRAME_FINDINGS,
  type FrameFindingsMessage,
  GET_PAGE_STATE,
  GET_TAB_FINDINGS,
  type PageState,
  pageStateSchema,
  REVEAL_FINDING,
  type RevealResponse,
  revealResponseSchema,
  SET_NOTES_HIDDEN,
  type TabFindingsResponse,
  tabFindingsResponseSchema,
} from './messages';

/**
 * Typed senders for the messages in messages.ts. Replies are parsed, so a caller gets either a
 * well-formed value or an exception.
 */

/**
 * Tells the background this frame's findings (content script).
 * @param url the frame's address
 * @param count number of findings in the frame
 * @param findings the first FRAME_FINDINGS_MAX findings, in text order
 */
export async function sendFrameFindings(
  url: string,
  count: number,
  findings: FindingSummary[],
): Promise<void> {
  const message: FrameFindingsMessage = { type: FRAME_FINDINGS, url, count, findings };
  await browser.runtime.sendMessage(message);
}

/**
 * Asks the background for the findings of every frame of a tab (popup).
 * @param tabId the tab
 * @throws when the reply is malformed
 */
export async function requestTabFindings(tabId: number): Promise<TabFindingsResponse> {
  return tabFindingsResponseSchema.parse(
    await browser.runtime.sendMessage({ type: GET_TAB_FINDINGS, tabId }),
  );
}

/**
 * Asks the top frame's content script for the page state (popup).
 * @param tabId the tab
 * @throws when no content script answers (browser pages, store pages) or the reply is malformed
 */
export async function requestPageState(tabId: number): Promise<PageState> {
  const reply: unknown = await browser.tabs.sendMessage(tabId, { type: GET_PAGE_STATE }, { frameId: 0 });
  return pageStateSchema.parse(reply);
}

/**
 * Asks a frame to scroll to one of its findings and open its note (popup).
 * @param tabId the tab
 * @param frameId the frame that reported the finding
 * @param index the finding's index in that frame
 */
export async function requestReveal(tabId: number, frameId: number, index: number): Promise<RevealResponse> {
  const reply: unknown = await browser.tabs.sendMessage(tabId, { type: REVEAL_FINDING, index }, { frameId });
  return revealResponseSchema.parse(reply);
}

/**
 * Hides or shows the notes in every frame of a tab (popup).
 * @param tabId the tab
 * @param hidden true to hide
 */
export async function requestSetNotesHidden(tabId: number, hidden: boolean): Promise<void> {
  await browser.tabs.sendMessage(tabId, { type: SET_NOTES_HIDDEN, hidden });
}
