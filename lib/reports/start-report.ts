import { browser } from 'wxt/browser';
import { createDraftReport, type ReportPrefill } from './report';
import { saveReport } from './report-store';

/**
 * Address of the report page for one stored report.
 * @param reportId id of a stored report
 * @returns the extension URL of entrypoints/report with the id in the query
 */
export function reportPageUrl(reportId: string): string {
  return `${browser.runtime.getURL('/report.html')}?id=${encodeURIComponent(reportId)}`;
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
  await browser.tabs.create({ url: reportPageUrl(draft.id), active: true });
  return draft.id;
}
