import { describe, expect, it } from 'vitest';
import { createFindingsBackground, type FindingsPersistence } from '../../lib/background/findings-badge';
import { badgeText } from '../../lib/background/tab-findings';
import type { FindingSummary, FrameFindings } from '../../lib/messaging/messages';

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
  findings: Array.from({ length: count }, (_, i) => finding(i)),
});

function setup(persistence?: FindingsPersistence) {
  const badges = new Map<number, string>();
  const background = createFindingsBackground(
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
    await background.handleMessage(report(2), { tab: { id: 1 }, frameId: 0 });
    await background.handleMessage(report(3, 'https://embed.test/'), { tab: { id: 1 }, frameId: 5 });
    expect(badges.get(1)).toBe('5');
  });

  it("replaces a frame's count when that frame reports again", async () => {
    const { background, badges } = setup();
    await background.handleMessage(report(2), { tab: { id: 1 }, frameId: 0 });
    await background.handleMessage(report(4), { tab: { id: 1 }, frameId: 0 });
    expect(badges.get(1)).toBe('4');
    await background.handleMessage(report(0), { tab: { id: 1 }, frameId: 0 });
    expect(badges.get(1)).toBe('');
  });

  it('keeps tabs apart', async () => {
    const { background, badges } = setup();
    await background.handleMessage(report(2), { tab: { id: 1 }, frameId: 0 });
    await background.handleMessage(report(1), { tab: { id: 2 }, frameId: 0 });
    expect([badges.get(1), badges.get(2)]).toEqual(['2', '1']);
  });

  it('clears a tab when it starts loading a new page, not on other updates', async () => {
    const { background, badges } = setup();
    await background.handleMessage(report(2), { tab: { id: 1 }, frameId: 0 });
    background.handleTabUpdated(1, { status: 'complete' });
    expect(badges.get(1)).toBe('2');
    background.handleTabUpdated(1, { status: 'loading' });
    expect(badges.get(1)).toBe('');
    expect(await background.handleMessage({ type: 'claimnote:get-tab-findings', tabId: 1 }, {})).toEqual({
      frames: [],
    });
  });

  it("answers the popup with each frame's findings, top frame first", async () => {
    const { background } = setup();
    await background.handleMessage(report(1, 'https://embed.test/'), { tab: { id: 1 }, frameId: 9 });
    await background.handleMessage(report(2), { tab: { id: 1 }, frameId: 0 });
    const answer = (await background.handleMessage({ type: 'claimnote:get-tab-findings', tabId: 1 }, {})) as {
      frames: FrameFindings[];
    };
    expect(answer.frames.map((f) => [f.frameId, f.findings.length])).toEqual([
      [0, 2],
      [9, 1],
    ]);
  });

  it('ignores malformed reports and reports without a tab, and leaves other messages alone', async () => {
    const { background, badges } = setup();
    await background.handleMessage(
      { ...report(1), findings: [{ index: 'x' }] },
      { tab: { id: 1 }, frameId: 0 },
    );
    await background.handleMessage(report(1), { frameId: 0 });
    expect(badges.size).toBe(0);
    expect(background.handleMessage({ type: 'claimnote:start-report' }, { tab: { id: 1 } })).toBeUndefined();
  });

  it('restores findings after a background restart, so the popup still lists them', async () => {
    const persistence = memoryPersistence();
    const first = setup(persistence);
    await first.background.handleMessage(report(2), { tab: { id: 4 }, frameId: 0 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const restarted = setup(persistence);
    const answer = (await restarted.background.handleMessage(
      { type: 'claimnote:get-tab-findings', tabId: 4 },
      {},
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
    await background.handleMessage({ ...report(3), count: 1200 }, { tab: { id: 1 }, frameId: 0 });
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
