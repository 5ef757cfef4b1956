import { REPORTS_MAX, reports } from '../storage/storage';
import type { StoredReport } from './report';

/**
 * Local report list operations. Reports are written to `local:reports` as soon as they are
 * started and after every edit, so a closed form or a failed submit loses nothing.
 */

/** Thrown when the list is full of reports that were never submitted. */
export class ReportListFullError extends Error {
  constructor() {
    super(`The report list is full (${REPORTS_MAX}); export and delete some reports first.`);
    this.name = 'ReportListFullError';
  }
}

/** @returns every stored report, newest first */
export async function listReports(): Promise<StoredReport[]> {
  return reports.getValue();
}

/**
 * @param id report id
 * @returns the stored report, or `undefined` if it was deleted or never existed
 */
export async function getReport(id: string): Promise<StoredReport | undefined> {
  return (await reports.getValue()).find((report) => report.id === id);
}

/**
 * Inserts a report or replaces the one with the same id, keeping the list newest first.
 * When the list is full, the oldest already-submitted report makes room.
 * @param report the report to store
 * @throws ReportListFullError when the list is full and nothing was submitted yet
 * @throws ZodError when the report does not fit the stored schema
 */
export async function saveReport(report: StoredReport): Promise<void> {
  await reports.update((list) => {
    const index = list.findIndex((r) => r.id === report.id);
    if (index !== -1) return list.map((r, i) => (i === index ? report : r));
    const next = [report, ...list];
    if (next.length <= REPORTS_MAX) return next;
    // The list is newest first, so the last submitted entry is the oldest one.
    const oldestSubmitted = next.findLastIndex((r) => r.status === 'submitted-opened');
    if (oldestSubmitted === -1) throw new ReportListFullError();
    return next.filter((_, i) => i !== oldestSubmitted);
  });
}

/**
 * Deletes a report. Deleting a report that does not exist is not an error.
 * @param id report id
 */
export async function deleteReport(id: string): Promise<void> {
  await reports.update((list) => list.filter((r) => r.id !== id));
}

/**
 * Watches the report list in every extension context.
 * @param cb called with the full list, newest first, after each change
 * @returns a function that stops watching
 */
export function watchReports(cb: (list: StoredReport[]) => void): () => void {
  return reports.watch(cb);
}
