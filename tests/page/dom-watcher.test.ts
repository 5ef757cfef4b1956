// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { type DomChanges, type WatchedChanges, watchDom } from '../../lib/page/dom-watcher';
import { openScope } from '../../lib/page/scope';
import { createShadowHost } from '../../lib/page/shadow-host';
import { mount } from './mount';
import { type VirtualClock, virtualClock } from './virtual-clock';

let clock: VirtualClock | null = null;
afterEach(() => clock?.invalidate());

function watch(watchFor: WatchedChanges = 'changed', options: { limit?: number } = {}) {
  clock = virtualClock();
  const flushes: DomChanges[] = [];
  const scope = openScope(clock.lifecycle);
  const watcher = watchDom({
    window,
    target: document.documentElement,
    scope,
    watch: watchFor,
    delayMs: 100,
    ...options,
    onFlush: (changes) => flushes.push(changes),
  });
  return { watcher, flushes, scope, clock };
}

const paragraph = (text: string) => Object.assign(document.createElement('p'), { textContent: text });

describe('watchDom', () => {
  it('does no work in the observer callback: nothing is reported before the delay', async () => {
    const body = mount('<article><p>One</p></article>');
    const { flushes, clock } = watch();
    body.querySelector('article')?.append(paragraph('Two'));
    await clock.settle();
    expect(flushes).toEqual([]);
    expect(clock.pending().timeouts).toBe(1);
    await clock.advanceBy(99);
    expect(flushes).toEqual([]);
    await clock.advanceBy(1);
    expect(flushes).toHaveLength(1);
  });

  it('coalesces a burst of changes into one flush', async () => {
    const body = mount('<article></article>');
    const { flushes, clock } = watch();
    const article = body.querySelector('article') as HTMLElement;
    for (let i = 0; i < 50; i++) {
      article.append(paragraph(`Line ${i}`));
      await clock.advanceBy(1);
    }
    await clock.runUntilIdle();
    expect(flushes).toHaveLength(1);
    expect(clock.ran().timeouts).toBe(1);
    expect((flushes[0] as Node[]).length).toBe(51);
  });

  it('hands each flush the changed roots: parent and added nodes, edited text, toggled elements', async () => {
    const body = mount(
      '<article><p id="a">Alpha</p><p id="b">Beta</p></article><details><p>Inside</p></details>',
    );
    const { flushes, clock } = watch();
    const article = body.querySelector('article') as HTMLElement;
    const details = body.querySelector('details') as HTMLElement;
    const added = paragraph('Gamma');
    article.append(added);
    await clock.runUntilIdle();
    expect(flushes.at(-1)).toEqual([article, added]);

    body.querySelector('#b')?.remove();
    await clock.runUntilIdle();
    // The removed node is gone from the page: its parent is what changed.
    expect(flushes.at(-1)).toEqual([article]);

    const text = body.querySelector('#a')?.firstChild as Text;
    text.data = 'Alpha, edited';
    await clock.runUntilIdle();
    expect(flushes.at(-1)).toEqual([text]);

    details.setAttribute('open', '');
    await clock.runUntilIdle();
    expect(flushes.at(-1)).toEqual([details]);
    for (const flush of flushes) expect((flush as Node[]).every((node) => node.isConnected)).toBe(true);
  });

  it('does not report nodes that were added and removed again before the flush', async () => {
    const body = mount('<article><p>Kept</p></article>');
    const { flushes, clock } = watch();
    const article = body.querySelector('article') as HTMLElement;
    const brief = paragraph('Gone again');
    article.append(brief);
    await clock.settle();
    brief.remove();
    await clock.runUntilIdle();
    expect(flushes).toEqual([[article]]);
  });

  it('reports only arriving text in the dormant watch: no parents, removals or attributes', async () => {
    const body = mount('<article><p id="a">Alpha</p></article><section hidden><p>Later</p></section>');
    const { flushes, clock } = watch('added');
    const article = body.querySelector('article') as HTMLElement;
    body.querySelector('#a')?.remove();
    body.querySelector('section')?.removeAttribute('hidden');
    await clock.runUntilIdle();
    expect(flushes).toEqual([]);
    const added = paragraph('New');
    article.append(added);
    await clock.runUntilIdle();
    expect(flushes).toEqual([[added]]);
  });

  it('causes no flush for changes that cannot alter the text: images, media, scripts, styles', async () => {
    const body = mount('<article><p>Text</p></article><style>p { color: red }</style>');
    const { flushes, clock } = watch();
    const slot = document.createElement('div');
    slot.append(document.createElement('img'), document.createElement('video'));
    body.append(slot, Object.assign(document.createElement('script'), { textContent: 'var a = 1;' }));
    (body.querySelector('style')?.firstChild as Text).data = 'p { color: blue }';
    body.querySelector('article p')?.setAttribute('class', 'fancy');
    await clock.runUntilIdle();
    expect(flushes).toEqual([]);
  });

  it("ignores Claimnote's own nodes, and whatever it writes through withoutObserving", async () => {
    const body = mount('<article><p>Text</p></article>');
    const { watcher, flushes, clock } = watch();
    const { host } = createShadowHost(document, 'span');
    host.textContent = 'own text';
    body.append(host);
    await clock.runUntilIdle();
    expect(flushes).toEqual([]);
    const article = body.querySelector('article') as HTMLElement;
    const pageAdded = paragraph('The page wrote this');
    article.append(pageAdded);
    watcher.withoutObserving(() => {
      article.append(paragraph('Written by Claimnote'));
    });
    await clock.runUntilIdle();
    // The page's change made before the write is kept; the write itself is not recorded.
    expect(flushes).toEqual([[article, pageAdded]]);
  });

  it("reports 'all' when a burst overflows, and waits longer while bursts keep overflowing", async () => {
    const body = mount('<div id="list"></div>');
    const { flushes, clock } = watch('changed', { limit: 10 });
    const list = body.querySelector('#list') as HTMLElement;
    const burst = async () => {
      for (let i = 0; i < 20; i++) list.append(paragraph(`Item ${i}`));
      await clock.settle();
    };
    const flushTimes: number[] = [];
    for (let round = 0; round < 3; round++) {
      await burst();
      const start = clock.now();
      await clock.runUntilIdle();
      flushTimes.push(clock.now() - start);
    }
    expect(flushes).toEqual(['all', 'all', 'all']);
    expect(flushTimes).toEqual([100, 200, 300]);
    // A calm burst resets the wait.
    list.append(paragraph('Calm'));
    await clock.settle();
    let start = clock.now();
    await clock.runUntilIdle();
    expect(clock.now() - start).toBe(500);
    list.append(paragraph('Calm again'));
    await clock.settle();
    start = clock.now();
    await clock.runUntilIdle();
    expect(clock.now() - start).toBe(100);
    expect(flushes.at(-1)).toEqual([list, list.lastChild]);
  });

  it("reports 'all' after markAllChanged (a navigation)", async () => {
    mount('<p>Text</p>');
    const { watcher, flushes, clock } = watch();
    watcher.markAllChanged();
    await clock.runUntilIdle();
    expect(flushes).toEqual(['all']);
  });

  it('hands pending changes to take() at once, and holds flushes while its consumer is busy', async () => {
    const body = mount('<article></article>');
    clock = virtualClock();
    let busy = true;
    const flushes: DomChanges[] = [];
    const watcher = watchDom({
      window,
      target: document.documentElement,
      scope: openScope(clock.lifecycle),
      watch: 'changed',
      delayMs: 100,
      busy: () => busy,
      onFlush: (changes) => flushes.push(changes),
    });
    const article = body.querySelector('article') as HTMLElement;
    const added = paragraph('Added');
    article.append(added);
    await clock.runUntilIdle();
    expect(flushes).toEqual([]);
    expect(watcher.changesText()).toBe(true);
    busy = false;
    expect(watcher.take()).toEqual([article, added]);
    expect(watcher.changesText()).toBe(false);
    expect(watcher.take()).toBeNull();
  });

  it('stops observing and cancels its flush when its scope closes', async () => {
    const body = mount('<article></article>');
    const { flushes, clock, scope } = watch();
    body.querySelector('article')?.append(paragraph('Before'));
    await clock.settle();
    expect(clock.pending().timeouts).toBe(1);
    scope.close();
    expect(clock.pending().timeouts).toBe(0);
    body.querySelector('article')?.append(paragraph('After'));
    await clock.runUntilIdle();
    expect(flushes).toEqual([]);
    expect(clock.ran().timeouts).toBe(0);
  });
});
