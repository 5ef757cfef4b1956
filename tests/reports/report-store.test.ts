import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDraftReport, type StoredReport } from '../../lib/reports/report';
import {
  deleteReport,
  getReport,
  listReports,
  ReportListFullError,
  saveReport,
  watchReports,
} from '../../lib/reports/report-store';
import { REPORTS_MAX } from '../../lib/storage/storage';

let counter = 0;
const draft = (quote = 'Pumps never need refills.'): StoredReport =>
  createDraftReport({ quote, pageUrl: 'https://a.test/p' }, 'v1', new Date(), () => `id-${++counter}`);

beforeEach(() => {
  fakeBrowser.reset();
});

describe('report store', () => {
  it('lists new reports first and replaces a report saved again', async () => {
    const first = draft('first');
    const second = draft('second');
    await saveReport(first);
    await saveReport(second);
    expect((await listReports()).map((r) => r.quote)).toEqual(['second', 'first']);
    await saveReport({ ...first, quote: 'first, edited', status: 'saved' });
    expect((await listReports()).map((r) => [r.quote, r.status])).toEqual([
      ['second', 'draft'],
      ['first, edited', 'saved'],
    ]);
    expect((await getReport(first.id))?.quote).toBe('first, edited');
  });

  it('deletes a report, and ignores deleting one that is gone', async () => {
    const kept = draft();
    const removed = draft();
    await saveReport(kept);
    await saveReport(removed);
    await deleteReport(removed.id);
    await deleteReport('no-such-id');
    expect((await listReports()).map((r) => r.id)).toEqual([kept.id]);
    expect(await getReport(removed.id)).toBeUndefined();
  });

  it('makes room by dropping the oldest submitted report when full', async () => {
    const oldSubmitted = { ...draft(), status: 'submitted-opened' as const };
    const rest = Array.from({ length: REPORTS_MAX - 1 }, () => draft());
    // Stored newest first: the submitted report is the oldest.
    await fakeBrowser.storage.local.set({ reports: [...rest.reverse(), oldSubmitted] });
    const newest = draft('newest');
    await saveReport(newest);
    const list = await listReports();
    expect(list).toHaveLength(REPORTS_MAX);
    expect(list[0]?.id).toBe(newest.id);
    expect(list.some((r) => r.id === oldSubmitted.id)).toBe(false);
  });

  it('refuses to drop unsent reports when full', async () => {
    await fakeBrowser.storage.local.set({ reports: Array.from({ length: REPORTS_MAX }, () => draft()) });
    await expect(saveReport(draft())).rejects.toThrow(ReportListFullError);
    expect(await listReports()).toHaveLength(REPORTS_MAX);
  });

  it('tells watchers in other views about new reports', async () => {
    const seen: number[] = [];
    const stop = watchReports((list) => seen.push(list.length));
    await saveReport(draft());
    await new Promise((resolve) => setTimeout(resolve, 0));
    stop();
    expect(seen).toEqual([1]);
  });
});
