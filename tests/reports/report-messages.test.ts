import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleReportMessages, requestStartReport, START_REPORT } from '../../lib/messaging/report-messages';
import type { ReportPrefill } from '../../lib/reports/report';

let stop: (() => void) | undefined;

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  stop?.();
  stop = undefined;
});

describe('start-report messages', () => {
  it('hands a note card’s prefill to the background and returns the new report id', async () => {
    const received: ReportPrefill[] = [];
    stop = handleReportMessages(async (prefill) => {
      received.push(prefill);
      return 'report-7';
    });
    const prefill = {
      kind: 'wrong-warning' as const,
      claimId: 'treats-cancer',
      quote: 'q',
      pageUrl: 'https://a.test/',
    };
    expect(await requestStartReport(prefill)).toEqual({ ok: true, reportId: 'report-7' });
    expect(received).toEqual([prefill]);
  });

  it('answers with an error when starting fails', async () => {
    stop = handleReportMessages(async () => {
      throw new Error('quota');
    });
    const response = await requestStartReport({ quote: 'q' });
    expect(response.ok).toBe(false);
  });

  it('rejects malformed start-report messages without calling the starter', async () => {
    let calls = 0;
    stop = handleReportMessages(async () => {
      calls++;
      return 'x';
    });
    const response = await fakeBrowser.runtime.sendMessage({
      type: START_REPORT,
      prefill: { claimId: 'Not Kebab' },
    });
    expect(response).toEqual({ ok: false, error: 'invalid start-report message', reason: 'invalid' });
    expect(calls).toBe(0);
  });
});
