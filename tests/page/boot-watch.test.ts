// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { BootContext } from '../../lib/page/boot-context';
import { type StartRelevanceWatch, watchAtBoot } from '../../lib/page/boot-watch';
import { CHARS_PER_STEP } from '../../lib/page/page-relevance';
import type { BootHandoff } from '../../lib/page/relevance-watch';
import { mount } from './mount';

const POSSIBLE_TERM = /intrathecal|baclofen|pump/i;

/** A loader whose import resolves when the test says, and the starts it saw. */
function deferredLoader() {
  const starts: (BootHandoff | null)[] = [];
  let resolve: (start: StartRelevanceWatch) => void = () => undefined;
  const loaded = new Promise<StartRelevanceWatch>((done) => {
    resolve = done;
  });
  const load = vi.fn(() => loaded);
  return {
    starts,
    load,
    finish: async () => {
      resolve((_ctx, handoff) => starts.push(handoff));
      await loaded;
      await Promise.resolve();
    },
  };
}

/** Lets mutation records reach the observer and the timers it arms run (fake timers: no sleep). */
const tick = () => vi.runAllTimersAsync();

/** The boot context stands in for WXT's in the content script's build (wxt.config.ts). */
const asContext = (boot: BootContext) => boot as unknown as ContentScriptContext;

let ctx: BootContext | null = null;
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  ctx?.abort();
  ctx = null;
  vi.useRealTimers();
});

describe('watchAtBoot', () => {
  it('loads nothing on a page without a possible term that does not change', async () => {
    mount('<p>Tomatoes need sun.</p>');
    ctx = new BootContext('boot-test');
    const loader = deferredLoader();
    watchAtBoot(asContext(ctx), document, POSSIBLE_TERM, loader.load);
    await tick();
    await tick();
    expect(loader.load).not.toHaveBeenCalled();
  });

  it.each([
    ['a possible term', '<p>Pumpkins in autumn.</p>'],
    ['a page longer than one step of the check', `<p>${'tomato '.repeat(CHARS_PER_STEP / 7 + 1)}</p>`],
  ])('starts the watch at once, with nothing to hand over, on %s', async (_what, markup) => {
    mount(markup);
    ctx = new BootContext('boot-test');
    const loader = deferredLoader();
    watchAtBoot(asContext(ctx), document, POSSIBLE_TERM, loader.load);
    expect(loader.load).toHaveBeenCalledTimes(1);
    await loader.finish();
    expect(loader.starts).toEqual([null]);
  });

  it('hands the watch every change since its check, including those made while the watch loaded', async () => {
    const body = mount('<p>Tomatoes need sun.</p>');
    ctx = new BootContext('boot-test');
    const loader = deferredLoader();
    watchAtBoot(asContext(ctx), document, POSSIBLE_TERM, loader.load);
    const first = document.createElement('p');
    body.append(first);
    await tick();
    await tick();
    expect(loader.load).toHaveBeenCalledTimes(1);
    const second = document.createTextNode('An intrathecal pump.');
    body.append(second);
    await loader.finish();
    const handoff = loader.starts[0];
    expect(handoff?.url).toBe(document.URL);
    const records = handoff?.records;
    if (records === undefined || records === 'all') throw new Error('expected the records');
    expect(records.flatMap((record) => [...record.addedNodes])).toEqual([first, second]);
    // Later changes are the watch's: the boot's observer is gone.
    body.append(document.createElement('p'));
    await tick();
    expect(loader.load).toHaveBeenCalledTimes(1);
  });

  it("hands over 'all' once changes pass what it keeps", async () => {
    const body = mount('<p>Tomatoes need sun.</p>');
    ctx = new BootContext('boot-test');
    const loader = deferredLoader();
    watchAtBoot(asContext(ctx), document, POSSIBLE_TERM, loader.load);
    for (let i = 0; i < 2001; i += 1) body.append(document.createElement('span'));
    await tick();
    await tick();
    expect(loader.load).toHaveBeenCalledTimes(1);
    await loader.finish();
    expect(loader.starts[0]?.records).toBe('all');
  });

  it('starts nothing once the context ended', async () => {
    const body = mount('<p>Tomatoes need sun.</p>');
    ctx = new BootContext('boot-test');
    const loader = deferredLoader();
    watchAtBoot(asContext(ctx), document, POSSIBLE_TERM, loader.load);
    body.append(document.createElement('p'));
    await tick();
    ctx.abort();
    await loader.finish();
    expect(loader.starts).toEqual([]);
  });
});
