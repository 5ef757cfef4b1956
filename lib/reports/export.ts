import { type StoredReport, sharedPageUrl } from './report';

/** Identifies the file format, so a later import can recognise and migrate it. */
export const REPORT_EXPORT_FORMAT = 'claimnote-reports';
export const REPORT_EXPORT_VERSION = 1;

/** One report as exported: the stored fields, with the page address as the reader chose to share it. */
export type ExportedReport = Omit<StoredReport, 'pageUrl'> & { pageUrl: string };

/** The exported file's shape. */
export interface ReportExport {
  format: typeof REPORT_EXPORT_FORMAT;
  version: typeof REPORT_EXPORT_VERSION;
  /** ISO 8601 timestamp. */
  exportedAt: string;
  reports: ExportedReport[];
}

/** Address without query and fragment even when it is not a valid http(s) URL (drafts). */
function stripLoosely(raw: string): string {
  return raw.split(/[?#]/, 1)[0] ?? '';
}

/**
 * Builds the JSON document a reader downloads from the options page. Page addresses follow
 * each report's "include query string and fragment" choice, as on submit.
 * @param reports stored reports, in the order to export
 * @param now clock, for tests
 * @returns pretty-printed JSON text
 */
export function exportReportsJson(reports: readonly StoredReport[], now: Date = new Date()): string {
  const document: ReportExport = {
    format: REPORT_EXPORT_FORMAT,
    version: REPORT_EXPORT_VERSION,
    exportedAt: now.toISOString(),
    reports: reports.map((report) => ({
      ...report,
      pageUrl:
        sharedPageUrl(report.pageUrl, report.includeQueryAndFragment) ??
        (report.includeQueryAndFragment ? report.pageUrl : stripLoosely(report.pageUrl)),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * File name for an export, dated so several exports do not overwrite each other.
 * @param now clock, for tests
 * @returns e.g. `claimnote-reports-2026-11-25.json`
 */
export function exportFileName(now: Date = new Date()): string {
  return `claimnote-reports-${now.toISOString().slice(0, 10)}.json`;
}
