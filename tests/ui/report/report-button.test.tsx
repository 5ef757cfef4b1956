// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { handleReportMessages } from '../../../lib/messaging/report-messages';
import type { ReportPrefill } from '../../../lib/reports/report';
import { ReportListFullError } from '../../../lib/reports/report-store';
import { ReportStartRateLimitedError } from '../../../lib/reports/start-guard';
import { ReportButton, reportButtonCss } from '../../../lib/ui/note/report-button';
import { createReportGate } from '../../../lib/ui/note/report-gate';
import { trustEventsByDefault, untrusted } from '../../page/own-ui';
import { useUiTestContainer } from '../ui-test-container';

const container = useUiTestContainer();
trustEventsByDefault();
/** A gate on a clock the test moves. */
const now = 0;
const gate = () => createReportGate({ now: () => now });

const flush = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 10)));

let stop: (() => void) | undefined;

afterEach(() => {
  stop?.();
});

describe('ReportButton', () => {
  it('asks the background to start a report about this note, and says the form opened', async () => {
    const received: ReportPrefill[] = [];
    stop = handleReportMessages(async (prefill) => {
      received.push(prefill);
      return 'r-1';
    });
    await act(() =>
      render(
        <ReportButton
          claimId="treats-cancer"
          quote="Pumps cure cancer."
          pageUrl="https://a.test/p?x=1"
          gate={gate()}
        />,
        container(),
      ),
    );
    const button = container().querySelector<HTMLButtonElement>('button[data-claimnote="report"]');
    expect(button?.textContent).toBe('Report a problem with this note');
    await act(() => button?.click());
    await flush();
    expect(received).toEqual([
      {
        kind: 'wrong-warning',
        claimId: 'treats-cancer',
        quote: 'Pumps cure cancer.',
        pageUrl: 'https://a.test/p?x=1',
      },
    ]);
    expect(container().querySelector('[data-claimnote="report-status"]')?.textContent).toBe(
      'Report form opened in a new tab.',
    );
  });

  it('tells the reader when the background could not start the report', async () => {
    stop = handleReportMessages(() => Promise.reject(new Error('storage full')));
    await act(() =>
      render(
        <ReportButton claimId="treats-cancer" quote="q" pageUrl="https://a.test/" gate={gate()} />,
        container(),
      ),
    );
    await act(() => container().querySelector<HTMLButtonElement>('button[data-claimnote="report"]')?.click());
    await flush();
    expect(container().querySelector('[data-claimnote="report-status"]')?.textContent).toBe(
      'Could not open the report form. Please try again.',
    );
  });

  it('starts a report on a page whose address is over 8,192 characters (issue 10)', async () => {
    const received: ReportPrefill[] = [];
    stop = handleReportMessages(async (prefill) => {
      received.push(prefill);
      return 'r-long';
    });
    const pageUrl = `https://a.test/article?ref=${'x'.repeat(9000)}`;
    await act(() =>
      render(<ReportButton claimId="treats-cancer" quote="q" pageUrl={pageUrl} gate={gate()} />, container()),
    );
    await act(() => container().querySelector<HTMLButtonElement>('button[data-claimnote="report"]')?.click());
    await flush();
    expect(received).toHaveLength(1);
    expect(container().querySelector('[data-claimnote="report-status"]')?.textContent).toBe(
      'Report form opened in a new tab.',
    );
  });

  it('starts nothing on a forged click, and one report for a burst of real clicks', async () => {
    const received: ReportPrefill[] = [];
    stop = handleReportMessages(async (prefill) => {
      received.push(prefill);
      return `r-${received.length}`;
    });
    await act(() =>
      render(
        <ReportButton claimId="treats-cancer" quote="q" pageUrl="https://a.test/" gate={gate()} />,
        container(),
      ),
    );
    const button = () => container().querySelector<HTMLButtonElement>('button[data-claimnote="report"]');
    await act(() => {
      button()?.dispatchEvent(untrusted(new MouseEvent('click', { bubbles: true })));
    });
    await flush();
    expect(received).toEqual([]);
    for (let click = 0; click < 5; click += 1) {
      await act(() => button()?.click());
      await flush();
    }
    expect(received).toHaveLength(1);
    expect(container().querySelector('[data-claimnote="report-status"]')?.textContent).toBe(
      'Report form opened in a new tab.',
    );
  });

  it.each([
    ['a full report list', () => new ReportListFullError(), /storage is full/],
    ['the browser quota', () => new Error('QUOTA_BYTES quota exceeded'), /storage is full/],
    ['the rate limit', () => new ReportStartRateLimitedError(), /Wait a minute/],
  ])(
    'says what went wrong when the start failed because of %s, not "please try again"',
    async (_l, error, text) => {
      stop = handleReportMessages(() => Promise.reject(error()));
      await act(() =>
        render(
          <ReportButton claimId="treats-cancer" quote="q" pageUrl="https://a.test/" gate={gate()} />,
          container(),
        ),
      );
      await act(() =>
        container().querySelector<HTMLButtonElement>('button[data-claimnote="report"]')?.click(),
      );
      await flush();
      const status = container().querySelector('[data-claimnote="report-status"]')?.textContent ?? '';
      expect(status).toMatch(text);
      expect(status).not.toContain('Please try again');
    },
  );

  it('exports its styles for the note card’s shadow root', () => {
    expect(reportButtonCss).toContain('.cn-report__button');
  });
});
