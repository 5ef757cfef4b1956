// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createRelevanceGate } from '../../lib/matching/relevance-gate';
import { type BootHandoff, watchForRelevance } from '../../lib/page/relevance-watch';
import { mount } from './mount';
import { virtualClock } from './virtual-clock';

const gate = createRelevanceGate({
  open: ['intrathecal', 'baclofen'],
  pump: ['pump'],
  pumpContext: ['morphin'],
  otherDevice: [],
});
let invalidate: (() => void) | undefined;
afterEach(() => invalidate?.());

function watch(afterBoot?: BootHandoff) {
  const env = virtualClock();
  invalidate = env.invalidate;
  let calls = 0;
  const stop = watchForRelevance({
    document,
    window,
    gate,
    lifecycle: env.lifecycle,
    slices: env.slices,
    onRelevant: () => {
      calls += 1;
    },
    flushDelayMs: 5,
    ...(afterBoot === undefined ? {} : { afterBoot }),
  });
  return { calls: () => calls, invalidate: env.invalidate, stop, clock: env };
}
const append = (tag: string, text: string) =>
  document.body.append(Object.assign(document.createElement(tag), { textContent: text }));

describe('watchForRelevance', () => {
  it('reports a page that is relevant from the start, once', async () => {
    mount('<p>Her baclofen pump was refilled.</p>');
    const watcher = watch();
    await watcher.clock.runUntilIdle();
    expect(watcher.calls()).toBe(1);
    append('p', 'More intrathecal news');
    await watcher.clock.runUntilIdle();
    expect(watcher.calls()).toBe(1);
  });

  it('stays quiet on an irrelevant page, then reports when relevant text is added', async () => {
    mount('<p>Tomatoes need sun.</p>');
    const watcher = watch();
    await watcher.clock.runUntilIdle();
    append('p', 'Compost well.');
    await watcher.clock.runUntilIdle();
    expect(watcher.calls()).toBe(0);
    append('p', 'An intrathecal pump…');
    await watcher.clock.runUntilIdle();
    expect(watcher.calls()).toBe(1);
  });

  it('notices text that changes in place', async () => {
    const body = mount('<p>Tomatoes need sun.</p>');
    const watcher = watch();
    await watcher.clock.runUntilIdle();
    const text = body.querySelector('p')?.firstChild as Text;
    text.data = 'Baclofen pumps';
    await watcher.clock.runUntilIdle();
    expect(watcher.calls()).toBe(1);
  });

  it('opens on a pump word only with its context in the same text', async () => {
    mount('<p>The pump is quiet.</p>');
    const watcher = watch();
    await watcher.clock.runUntilIdle();
    expect(watcher.calls()).toBe(0);
    append('p', 'Morphine dosing');
    await watcher.clock.runUntilIdle();
    expect(watcher.calls()).toBe(0);
    append('p', 'The pump holds morphine.');
    await watcher.clock.runUntilIdle();
    expect(watcher.calls()).toBe(1);
  });

  it('ignores relevant words added inside a script', async () => {
    mount('<p>Tomatoes need sun.</p>');
    const watcher = watch();
    await watcher.clock.runUntilIdle();
    append('script', '"intrathecal"');
    await watcher.clock.runUntilIdle();
    expect(watcher.calls()).toBe(0);
  });

  it('re-checks the whole page when a batch is too large to keep', async () => {
    mount('<p>Tomatoes need sun.</p>');
    const watcher = watch();
    await watcher.clock.runUntilIdle();
    const list = document.createElement('div');
    document.body.append(list);
    // Thousands of separate insertions overflow the batch; the anchor sits in the first one.
    list.append(Object.assign(document.createElement('p'), { textContent: 'baclofen' }));
    for (let i = 0; i < 2500; i++) list.append(document.createElement('span'));
    await watcher.clock.runUntilIdle();
    expect(watcher.calls()).toBe(1);
  });

  it('stops watching when the content script is invalidated', async () => {
    mount('<p>Tomatoes need sun.</p>');
    const watcher = watch();
    await watcher.clock.runUntilIdle();
    watcher.invalidate();
    append('p', 'intrathecal');
    await watcher.clock.runUntilIdle();
    expect(watcher.calls()).toBe(0);
  });

  it('checks a burst of insertions once', async () => {
    mount('<p>Tomatoes need sun.</p>');
    const watcher = watch();
    await watcher.clock.runUntilIdle();
    const before = watcher.clock.ran().timeouts;
    for (let i = 0; i < 100; i++) append('p', `Row ${i} of a garden table.`);
    await watcher.clock.runUntilIdle();
    expect(watcher.clock.ran().timeouts - before).toBe(1);
    expect(watcher.calls()).toBe(0);
  });

  it('leaves no listener or timer behind once stopped, nor once it reported', async () => {
    mount('<p>Tomatoes need sun.</p>');
    const watcher = watch();
    await watcher.clock.runUntilIdle();
    // The navigation listener waits for the page's first change.
    expect(watcher.clock.listeners()).toBe(0);
    append('p', 'Compost well.');
    await watcher.clock.runUntilIdle();
    expect(watcher.clock.listeners()).toBe(1);
    append('p', 'Water in the morning.');
    await watcher.clock.settle();
    expect(watcher.clock.pending().timeouts).toBe(1);
    watcher.stop();
    expect(watcher.clock.listeners()).toBe(0);
    expect(watcher.clock.pending().timeouts).toBe(0);

    const reporting = watch();
    append('p', 'An intrathecal pump');
    await reporting.clock.runUntilIdle();
    expect(reporting.calls()).toBe(1);
    expect(reporting.clock.listeners()).toBe(0);
  });

  it('stops without reporting when its stop function is called (the site was paused)', async () => {
    mount('<p>Tomatoes need sun.</p>');
    const watcher = watch();
    await watcher.clock.runUntilIdle();
    watcher.stop();
    append('p', 'intrathecal');
    await watcher.clock.runUntilIdle();
    expect(watcher.calls()).toBe(0);
  });

  describe('after the boot (boot-watch.ts) handed over', () => {
    /** Records of `change`, as the boot's own observer would have kept them. */
    async function recordsOf(change: () => void): Promise<MutationRecord[]> {
      const observer = new MutationObserver(() => undefined);
      observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
      change();
      const records = observer.takeRecords();
      observer.disconnect();
      return records;
    }

    it('checks what the boot recorded, not the whole page again', async () => {
      // The page's own text would open the gate; only a whole-page check would read it.
      mount('<p>Her baclofen pump was refilled.</p>');
      const records = await recordsOf(() => append('p', 'Compost well.'));
      const watcher = watch({ records, url: document.URL });
      await watcher.clock.runUntilIdle();
      expect(watcher.calls()).toBe(0);
    });

    it('reports relevant text the boot recorded', async () => {
      mount('<p>Tomatoes need sun.</p>');
      const records = await recordsOf(() => append('p', 'An intrathecal pump.'));
      const watcher = watch({ records, url: document.URL });
      await watcher.clock.runUntilIdle();
      expect(watcher.calls()).toBe(1);
    });

    it("checks the whole page when the boot kept too many records ('all') or the address changed", async () => {
      mount('<p>Her baclofen pump was refilled.</p>');
      const all = watch({ records: 'all', url: document.URL });
      await all.clock.runUntilIdle();
      expect(all.calls()).toBe(1);
      invalidate?.();
      const records = await recordsOf(() => append('p', 'Compost well.'));
      const moved = watch({ records, url: 'https://example.org/before-navigation' });
      await moved.clock.runUntilIdle();
      expect(moved.calls()).toBe(1);
    });
  });
});
