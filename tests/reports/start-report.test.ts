import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleReportMessages, START_REPORT } from '../../lib/messaging/report-messages';
import type { ExtensionIdentity, MessageSender } from '../../lib/messaging/sender';
import type { ReportPrefill } from '../../lib/reports/report';
import { ReportListFullError } from '../../lib/reports/report-store';
import {
  REPORT_START_WINDOW_MS,
  REPORT_STARTS_PER_TAB,
  REPORT_STARTS_TOTAL,
  ReportStartGuard,
} from '../../lib/reports/start-guard';
import { createStartReportHandler } from '../../lib/reports/start-report';

const SELF: ExtensionIdentity = { id: 'claimnote-test', baseUrl: 'moz-extension://5e1f-uuid/' };
const contentScript = (tabId: number, url = 'https://clinic.test/pumps', frameId = 0): MessageSender => ({
  id: SELF.id,
  url,
  tab: { id: tabId },
  frameId,
});
const popup: MessageSender = { id: SELF.id, url: `${SELF.baseUrl}popup.html` };
const note = (claimId = 'treats-cancer', pageUrl = 'https://forged.test/'): ReportPrefill => ({
  kind: 'wrong-warning',
  claimId,
  quote: 'Pumps cure cancer.',
  pageUrl,
});

/** A handler with a fake clock and fake actions that record what they were asked to do. */
function setup(options: { start?: (prefill: ReportPrefill) => Promise<string> } = {}) {
  let clock = 1_000_000;
  const started: ReportPrefill[] = [];
  const reopened: string[] = [];
  const handler = createStartReportHandler({
    self: SELF,
    start:
      options.start ??
      (async (prefill) => {
        started.push(prefill);
        return `r-${started.length}`;
      }),
    reopen: async (id) => {
      reopened.push(id);
    },
    guard: new ReportStartGuard({ now: () => clock }),
  });
  return {
    handler,
    started,
    reopened,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

describe('start-report from a content script', () => {
  it("saves the sender's page address, not the one in the message", async () => {
    const { handler, started } = setup();
    await handler(note(), contentScript(1, 'https://clinic.test/pumps?x=1'));
    expect(started).toEqual([{ ...note(), pageUrl: 'https://clinic.test/pumps?x=1' }]);
    // With no address in the message, too.
    const { pageUrl: _omitted, ...withoutUrl } = note('other-claim');
    await handler(withoutUrl, contentScript(1, 'https://clinic.test/b'));
    expect(started[1]?.pageUrl).toBe('https://clinic.test/b');
  });

  it('makes one draft for the same page and claim within the window, and reopens it', async () => {
    const { handler, started, reopened, advance } = setup();
    expect(await handler(note(), contentScript(1))).toBe('r-1');
    expect(await handler(note(), contentScript(1))).toBe('r-1');
    // Concurrent duplicates share the first draft too.
    advance(REPORT_START_WINDOW_MS + 1);
    const [a, b] = await Promise.all([handler(note(), contentScript(1)), handler(note(), contentScript(1))]);
    expect([a, b]).toEqual(['r-2', 'r-2']);
    expect(started).toHaveLength(2);
    expect(reopened).toEqual(['r-1', 'r-2']);
    // Another claim on the page, or the same claim on another page, is another report.
    expect(await handler(note('other-claim'), contentScript(1))).toBe('r-3');
    expect(await handler(note(), contentScript(2, 'https://elsewhere.test/'))).toBe('r-4');
  });

  it('caps the starts per tab per minute, and lets the tab start again a minute later', async () => {
    const { handler, started, advance } = setup();
    for (let i = 0; i < REPORT_STARTS_PER_TAB; i++) await handler(note(`claim-${i}`), contentScript(1));
    await expect(handler(note('one-more'), contentScript(1))).rejects.toThrow(/Too many reports/);
    // Reopening a draft counts too: each one opens a tab.
    await expect(handler(note('claim-0'), contentScript(1))).rejects.toThrow(/Too many reports/);
    // Other tabs are not held up by one page.
    expect(await handler(note('one-more'), contentScript(2))).toMatch(/^r-/);
    expect(started).toHaveLength(REPORT_STARTS_PER_TAB + 1);
    advance(REPORT_START_WINDOW_MS);
    expect(await handler(note('one-more'), contentScript(1))).toMatch(/^r-/);
  });

  it('caps the starts of all tabs together', async () => {
    const { handler, started } = setup();
    for (let tab = 0; tab < REPORT_STARTS_TOTAL; tab++)
      await handler(note(), contentScript(tab, `https://t${tab}.test/`));
    await expect(handler(note(), contentScript(99, 'https://t99.test/'))).rejects.toThrow(/Too many reports/);
    expect(started).toHaveLength(REPORT_STARTS_TOTAL);
  });

  it('lets the reader retry after a start failed, without reopening a draft that was never saved', async () => {
    let fail = true;
    const { handler, reopened } = setup({
      start: async () => {
        if (fail) throw new ReportListFullError();
        return 'r-ok';
      },
    });
    await expect(handler(note(), contentScript(1))).rejects.toThrow(ReportListFullError);
    fail = false;
    expect(await handler(note(), contentScript(1))).toBe('r-ok');
    expect(reopened).toEqual([]);
  });
});

describe('start-report from other senders', () => {
  it('takes the page address from the popup, which read it from the tabs API, without the page limit', async () => {
    const { handler, started } = setup();
    for (let i = 0; i < REPORT_STARTS_PER_TAB + 2; i++) {
      await handler({ kind: 'missed-claim', pageUrl: 'https://a.test/' }, popup);
    }
    expect(started).toHaveLength(REPORT_STARTS_PER_TAB + 2);
    expect(started[0]?.pageUrl).toBe('https://a.test/');
  });

  it('refuses other extensions and senders without a tab or address', async () => {
    const { handler, started } = setup();
    const senders: MessageSender[] = [
      { id: 'other', url: 'chrome-extension://other/popup.html' },
      { id: SELF.id, tab: { id: 1 } },
      {},
    ];
    for (const sender of senders)
      await expect(handler(note(), sender)).rejects.toThrow(/can only be started/);
    expect(started).toEqual([]);
  });
});

describe('start-report responses', () => {
  let stop: (() => void) | undefined;
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => stop?.());

  const send = async (sender: MessageSender) =>
    (
      await fakeBrowser.runtime.onMessage.trigger({ type: START_REPORT, prefill: note() }, sender as never)
    )[0];

  it('passes the sender to the starter and names why a start failed', async () => {
    const { handler } = setup({ start: () => Promise.reject(new ReportListFullError()) });
    stop = handleReportMessages(handler);
    expect(await send(contentScript(1))).toMatchObject({ ok: false, reason: 'storage-full' });
    expect(await send({})).toMatchObject({ ok: false, reason: 'refused' });
  });

  it('reports a browser quota error as storage full', async () => {
    stop = handleReportMessages(() => Promise.reject(new Error('QUOTA_BYTES quota exceeded')));
    expect(await send(popup)).toMatchObject({ ok: false, reason: 'storage-full' });
  });

  it('reports the rate limit as such', async () => {
    const { handler } = setup();
    stop = handleReportMessages(handler);
    for (let i = 0; i < REPORT_STARTS_PER_TAB; i++) await send(contentScript(1));
    expect(await send(contentScript(1))).toMatchObject({ ok: false, reason: 'rate-limited' });
  });
});
