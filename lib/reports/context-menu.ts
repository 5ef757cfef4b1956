import { browser } from 'wxt/browser';
import { t } from '../i18n/t';
import { handleReportMessages } from '../messaging/report-messages';
import { extensionIdentity } from '../messaging/sender';
import type { ReportPrefill } from './report';
import { createStartReportHandler, openReportPage, startReport } from './start-report';

/** Id of the "Report a health claim" context menu entry. */
export const REPORT_MENU_ID = 'claimnote-report-claim';

/** The parts of `contextMenus.onClicked` data a report needs (same shape in Chrome and Firefox). */
export interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
  pageUrl?: string;
  frameUrl?: string;
}

/**
 * Turns a click on the context menu entry into report prefill: the selected text as the quote,
 * and the address of the frame it was selected in (falling back to the page, then the tab).
 * @param info click data from `contextMenus.onClicked`
 * @param tabUrl the tab's address, when the browser shares it
 * @returns prefill, or `undefined` when the click was on another extension's entry
 */
export function prefillFromMenuClick(info: MenuClick, tabUrl?: string): ReportPrefill | undefined {
  if (info.menuItemId !== REPORT_MENU_ID) return undefined;
  const pageUrl = info.frameUrl ?? info.pageUrl ?? tabUrl;
  return {
    kind: 'missed-claim',
    ...(info.selectionText ? { quote: info.selectionText } : {}),
    ...(pageUrl ? { pageUrl } : {}),
  };
}

/**
 * Handles a click on the context menu entry: saves a draft report and opens the report page.
 * @param info click data from `contextMenus.onClicked`
 * @param tabUrl the tab's address, when the browser shares it
 * @param claimListVersion version of the bundled claim list
 * @returns the new report's id, or `undefined` for other menu entries
 */
export async function onReportMenuClicked(
  info: MenuClick,
  tabUrl: string | undefined,
  claimListVersion: string,
): Promise<string | undefined> {
  const prefill = prefillFromMenuClick(info, tabUrl);
  return prefill ? startReport(prefill, claimListVersion) : undefined;
}

/**
 * Background wiring for reports: the "Report a health claim" entry on selected text, and the
 * handler for note cards' and the popup's start-report messages. Called once from the
 * background through setup-reports.ts, which supplies the bundled claim list's version.
 * @param claimListVersion version recorded in every report started here
 */
export function registerReportEntryPoints(claimListVersion: string): void {
  handleReportMessages(
    createStartReportHandler({
      self: extensionIdentity(),
      start: (prefill) => startReport(prefill, claimListVersion),
      reopen: openReportPage,
    }),
  );
  // Firefox for Android has no context menus; note cards and the popup still start reports.
  const menus = browser.contextMenus as typeof browser.contextMenus | undefined;
  if (!menus) return;
  // Recreated at every background start: Chrome keeps menus across restarts but Firefox's MV2
  // background does not, and removeAll() first avoids Chrome's duplicate-id error.
  void menus
    .removeAll()
    .then(() => menus.create({ id: REPORT_MENU_ID, title: t('contextMenuReport'), contexts: ['selection'] }))
    .catch(() => undefined);
  menus.onClicked.addListener((info, tab) => {
    void onReportMenuClicked(info, tab?.url, claimListVersion);
  });
}
