import { browser } from 'wxt/browser';
import { classifySender, type ExtensionIdentity, type MessageSender } from '../messaging/sender';
import { createDraftReport, type ReportPrefill } from './report';
import { saveReport } from './report-store';
import { ReportStartGuard } from './start-guard';

/**
 * Address of the report page for one stored report.
 * @param reportId id of a stored report
 * @returns the extension URL of entrypoints/report with the id in the query
 */
export function reportPageUrl(reportId: string): string {
  return `${browser.runtime.getURL('/report.html')}?id=${encodeURIComponent(reportId)}`;
}

/**
 * Opens the report page of a stored report in a new tab next to the current one.
 * @param reportId id of a stored report
 */
export async function openReportPage(reportId: string): Promise<void> {
  await browser.tabs.create({ url: reportPageUrl(reportId), active: true });
}

/**
 * Starts a report: saves it as a draft first (so it is listed on the options page even if the
 * page never opens), then opens the report page in a new tab next to the current one.
 * Runs in extension contexts only (background, popup, options); content scripts send
 * `requestStartReport` instead.
 * @param prefill quote, page URL, claim id and kind known when the report starts
 * @param claimListVersion version of the claim list in use
 * @returns the new report's id
 */
export async function startReport(prefill: ReportPrefill, claimListVersion: string): Promise<string> {
  const draft = createDraftReport(prefill, claimListVersion);
  await saveReport(draft);
  await openReportPage(draft.id);
  return draft.id;
}

/** Thrown for a start-report message from a sender that is neither an extension page nor a content script. */
export class ReportStartRefusedError extends Error {
  constructor() {
    super('Reports can only be started from Claimnote or a page it runs on.');
    this.name = 'ReportStartRefusedError';
  }
}

/** What {@link createStartReportHandler} needs; injected so tests can use fakes and a clock. */
export interface StartReportHandlerOptions {
  self: ExtensionIdentity;
  /** Saves a draft and opens its page (normally {@link startReport} with the claim list version). */
  start(prefill: ReportPrefill): Promise<string>;
  /** Opens an existing draft's page again (normally {@link openReportPage}). */
  reopen(reportId: string): Promise<void>;
  /** De-duplication and rate limit for content-script starts. */
  guard?: ReportStartGuard;
}

/**
 * The background's answer to start-report messages. The popup (an extension page) names the
 * page itself, read from `tabs.query`. A note card runs in the page's renderer, so for a
 * content script the page address is the sender's, whatever the message says, and starts go
 * through the guard: one draft per page and claim per minute, a few starts per tab per minute.
 * @param options identity, actions and guard
 * @returns a handler for `handleReportMessages`
 */
export function createStartReportHandler(
  options: StartReportHandlerOptions,
): (prefill: ReportPrefill, sender: MessageSender) => Promise<string> {
  const guard = options.guard ?? new ReportStartGuard();
  return async (prefill, sender) => {
    const from = classifySender(sender, options.self);
    if (from.kind === 'extension-page') return options.start(prefill);
    if (from.kind !== 'content-script') throw new ReportStartRefusedError();
    const { pageUrl: _ignored, ...rest } = prefill;
    const fromPage: ReportPrefill = { ...rest, pageUrl: from.url };
    return guard.run({
      tabId: from.tabId,
      key: JSON.stringify([from.url, prefill.claimId ?? '', prefill.kind ?? '']),
      start: () => options.start(fromPage),
      reopen: options.reopen,
    });
  };
}
