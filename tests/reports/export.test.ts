import { describe, expect, it } from 'vitest';
import { exportFileName, exportReportsJson, REPORT_EXPORT_FORMAT } from '../../lib/reports/export';
import type { StoredReport } from '../../lib/reports/report';

const base: StoredReport = {
  id: 'r1',
  kind: 'missed-claim',
  quote: 'A pump cures chronic pain for good.',
  pageUrl: 'https://blog.example/pumps?utm=x#c3',
  includeQueryAndFragment: false,
  claimListVersion: '2026-11-20+abc',
  createdAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-11-25T10:05:00.000Z',
  status: 'submitted-opened',
};

describe('exportReportsJson', () => {
  const now = new Date('2026-11-25T13:00:00.000Z');

  it('writes a versioned document with every report and field', () => {
    const parsed = JSON.parse(exportReportsJson([base, { ...base, id: 'r2', status: 'draft' }], now));
    expect(parsed.format).toBe(REPORT_EXPORT_FORMAT);
    expect(parsed.version).toBe(1);
    expect(parsed.exportedAt).toBe('2026-11-25T13:00:00.000Z');
    expect(parsed.reports.map((r: StoredReport) => [r.id, r.status])).toEqual([
      ['r1', 'submitted-opened'],
      ['r2', 'draft'],
    ]);
    expect(parsed.reports[0]).toEqual({ ...base, pageUrl: 'https://blog.example/pumps' });
  });

  it('follows each report’s choice about the query string and fragment', () => {
    const parsed = JSON.parse(exportReportsJson([{ ...base, includeQueryAndFragment: true }], now));
    expect(parsed.reports[0].pageUrl).toBe('https://blog.example/pumps?utm=x#c3');
  });

  it('strips the query even from a draft whose address is not http(s)', () => {
    const parsed = JSON.parse(
      exportReportsJson([{ ...base, pageUrl: 'chrome-extension://id/p.html?secret=1' }], now),
    );
    expect(parsed.reports[0].pageUrl).toBe('chrome-extension://id/p.html');
  });

  it('exports an empty list as a valid document', () => {
    expect(JSON.parse(exportReportsJson([], now)).reports).toEqual([]);
  });

  it('names the file by date', () => {
    expect(exportFileName(now)).toBe('claimnote-reports-2026-11-25.json');
  });
});
