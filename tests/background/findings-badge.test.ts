import { describe, expect, it } from 'vitest';
import { createFindingsBackground, type FindingsPersistence } from '../../lib/background/findings-badge';
import { badgeText } from '../../lib/background/tab-findings';
import { type FindingSummary, FRAME_FINDINGS_MAX, type FrameFindings } from '../../lib/messaging/messages';
import type { ExtensionIdentity, MessageSender } from '../../lib/messaging/sender';

const SELF: ExtensionIdentity = { id: 'claimnote-test', baseUrl: 'chrome-extension://claimnote-test/' };
/** A content script's sender, as the browser fills it in. */
const contentScript = (tabId: number, frameId = 0, url = 'https://a.test/'): MessageSender => ({
  id: SELF.id,
  url,
  tab: { id: tabId },
  frameId,
});
const popup: MessageSender = { id: SELF.id, url: `${SELF.baseUrl}popup.html` };

const finding = (index: number): FindingSummary => ({
  index,
  claimId: 'side-effects-rare',
  verdict: 'false',
  quote: `Sentence ${index}.`,
});
const report = (count: number, url = 'https://a.test/') => ({
  type: 'claimnote:frame-findings',
  url,
  count,
  findings: Array.from({ length: Math.min(count, FRAME_FINDINGS_MAX) }, (_, i) => finding(i)),
});

function setup(persistence?: FindingsPersistence) {
  const badges = new Map<number, string>();
  const background = createFindingsBackground(
    SELF,
    { setText: (tabId, text) => badges.set(tabId, text) },
    persistence,
  );
  return { background, badges };
}

function memoryPersistence(): FindingsPersistence & { data: Map<number, FrameFindings[]> } {
  const data = new Map<number, FrameFindings[]>();
  return {
    data,
    save: async (tabId, frames) => void data.set(tabId, frames),
    load: async (tabId) => data.get(tabId),
    remove: async (tabId) => void data.delete(tabId),
  };
}

describe('findings badge', () => {
  it('shows the sum of findings over the frames of a tab', async () => {
    const { background, badges } = setup();
    await background.handleMessage(report(2), contentScript(1, 0));
    await background.handleMessage(report(3), contentScript(1, 5, 'https://embed.test/'));
    expect(badges.get(1)).toBe('5');
  });

  it("replaces a frame's count when that frame reports again", async () => {
    const { background, badges } = setup();
    await background.handleMessage(report(2), contentScript(1, 0));
    await background.handleMessage(report(4), contentScript(1, 0));
    expect(badges.get(1)).toBe('4');
    await background.handleMessage(report(0), contentScript(1, 0));
    expect(badges.get(1)).toBe('');
  });

  it('keeps tabs apart', async () => {
    const { background, badges } = setup();
    await background.handleMessage(report(2), contentScript(1, 0));
    await background.handleMessage(report(1), contentScript(2, 0));
    expect([badges.get(1), badges.get(2)]).toEqual(['2', '1']);
  });

  it('clears a tab when it starts loading a new page, not on other updates', async () => {
    const { background, badges } = setup();
    await background.handleMessage(report(2), contentScript(1, 0));
    background.handleTabUpdated(1, { status: 'complete' });
    expect(badges.get(1)).toBe('2');
    background.handleTabUpdated(1, { status: 'loading' });
    expect(badges.get(1)).toBe('');
    expect(await background.handleMessage({ type: 'claimnote:get-tab-findings', tabId: 1 }, popup)).toEqual({
      frames: [],
    });
  });

  it("answers the popup with each frame's findings, top frame first", async () => {
    const { background } = setup();
    await background.handleMessage(report(1), contentScript(1, 9, 'https://embed.test/'));
    await background.handleMessage(report(2), contentScript(1, 0));
    const answer = (await background.handleMessage(
      { type: 'claimnote:get-tab-findings', tabId: 1 },
      popup,
    )) as {
      frames: FrameFindings[];
    };
    expect(answer.frames.map((f) => [f.frameId, f.findings.length])).toEqual([
      [0, 2],
      [9, 1],
    ]);
  });

  it('ignores malformed reports and reports without a tab, and leaves other messages alone', async () => {
    const { background, badges } = setup();
    await background.handleMessage({ ...report(1), findings: [{ index: 'x' }] }, contentScript(1, 0));
    await background.handleMessage(report(1), { id: SELF.id, url: 'https://a.test/', frameId: 0 });
    expect(badges.size).toBe(0);
    expect(background.handleMessage({ type: 'claimnote:start-report' }, contentScript(1))).toBeUndefined();
  });

  it('restores findings after a background restart, so the popup still lists them', async () => {
    const persistence = memoryPersistence();
    const first = setup(persistence);
    await first.background.handleMessage(report(2), contentScript(4, 0));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const restarted = setup(persistence);
    const answer = (await restarted.background.handleMessage(
      { type: 'claimnote:get-tab-findings', tabId: 4 },
      popup,
    )) as {
      frames: FrameFindings[];
    };
    expect(answer.frames[0]?.findings).toHaveLength(2);
    restarted.background.handleTabRemoved(4);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(persistence.data.has(4)).toBe(false);
  });
});

describe('badge count beyond the listed findings', () => {
  it('uses the reported count, not the length of the (capped) list', async () => {
    const { background, badges } = setup();
    await background.handleMessage(report(1200), contentScript(1, 0));
    expect(badges.get(1)).toBe('999+');
  });
});

describe('badgeText', () => {
  it.each([
    [0, ''],
    [1, '1'],
    [42, '42'],
    [1000, '999+'],
  ])('%i → "%s"', (count, text) => {
    expect(badgeText(count)).toBe(text);
  });
});

describe('findings messages from untrusted senders', () => {
  const query = (tabId: number) => ({ type: 'claimnote:get-tab-findings', tabId });

  it("refuses a content script that asks for another tab's findings, and for its own", async () => {
    const { background } = setup();
    await background.handleMessage(report(2), contentScript(1, 0, 'https://clinic.test/p?session=42#x'));
    const answers = [
      await background.handleMessage(query(1), contentScript(2)),
      await background.handleMessage(query(1), contentScript(1)),
    ];
    for (const answer of answers) {
      expect(answer).toEqual({ ok: false });
      expect(JSON.stringify(answer)).not.toContain('clinic.test');
    }
    // The popup still gets them.
    const popupAnswer = (await background.handleMessage(query(1), popup)) as { frames: FrameFindings[] };
    expect(popupAnswer.frames[0]?.url).toBe('https://clinic.test/p?session=42#x');
  });

  it('answers extension pages opened in a tab, but not other extensions or senders without an address', async () => {
    const { background } = setup();
    await background.handleMessage(report(1), contentScript(1));
    const reportPage = { id: SELF.id, url: `${SELF.baseUrl}report.html?id=r`, tab: { id: 7 }, frameId: 0 };
    expect(await background.handleMessage(query(1), reportPage)).toMatchObject({ frames: [{ count: 1 }] });
    const refused = [
      { id: 'other-extension', url: 'chrome-extension://other-extension/popup.html' },
      { id: SELF.id },
      {},
      // A page whose address merely contains the extension's base URL.
      { id: SELF.id, url: `https://evil.test/?${SELF.baseUrl}`, tab: { id: 2 } },
    ];
    for (const sender of refused)
      expect(await background.handleMessage(query(1), sender)).toEqual({ ok: false });
  });

  it('takes the frame address and frame id from the sender, never from the message', async () => {
    const { background } = setup();
    await background.handleMessage(
      report(1, 'https://forged.test/elsewhere'),
      contentScript(3, 4, 'https://real.test/a'),
    );
    const answer = (await background.handleMessage(query(3), popup)) as { frames: FrameFindings[] };
    expect(answer.frames.map((f) => [f.frameId, f.url])).toEqual([[4, 'https://real.test/a']]);
    // A message cannot name a tab either: extra fields make it malformed.
    expect(await background.handleMessage({ ...report(1), tabId: 9 }, contentScript(3))).toEqual({
      ok: false,
    });
  });

  it('refuses frame findings from extension pages', async () => {
    const { background, badges } = setup();
    expect(await background.handleMessage(report(2), { ...popup, tab: { id: 1 } })).toEqual({ ok: false });
    expect(badges.size).toBe(0);
  });

  it('keeps a frame whose address is too long, without its query and fragment', async () => {
    const { background } = setup();
    const long = `https://long.test/page?q=${'x'.repeat(9000)}#frag`;
    await background.handleMessage(report(1, long), contentScript(1, 0, long));
    const answer = (await background.handleMessage(query(1), popup)) as { frames: FrameFindings[] };
    expect(answer.frames[0]?.url).toBe('https://long.test/page');
  });

  it.each([
    ['a negative count', { ...report(0), count: -1 }],
    ['a fractional count', { ...report(2), count: 1.5 }],
    ['an absurd count', { ...report(2), count: 1e9 }],
    ['infinity', { ...report(2), count: Number.POSITIVE_INFINITY }],
    ['a count above the listed findings', { ...report(2), count: 5 }],
    ['a count below the listed findings', { ...report(3), count: 1 }],
    ['a list of the first findings with gaps', { ...report(2), findings: [finding(0), finding(3)] }],
    ['a count given as a string', { ...report(2), count: '2' }],
  ])('rejects %s and leaves the badge as it was', async (_label, message) => {
    const { background, badges } = setup();
    await background.handleMessage(report(2), contentScript(1));
    expect(await background.handleMessage(message, contentScript(1))).toEqual({ ok: false });
    expect(badges.get(1)).toBe('2');
  });
});
