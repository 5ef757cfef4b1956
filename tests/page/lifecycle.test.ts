// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { lifecycleFromContext, sliceEnvironmentFromContext } from '../../lib/page/lifecycle';

let ctx: ContentScriptContext | null = null;
afterEach(() => {
  ctx?.abort();
  ctx = null;
  fakeBrowser.reset();
});

describe('lifecycleFromContext', () => {
  it('removes listeners and cancels timeouts when the context is invalidated', async () => {
    ctx = new ContentScriptContext('lifecycle-test');
    const lifecycle = lifecycleFromContext(ctx);
    const seen: string[] = [];
    lifecycle.listen(document, 'claimnote-test', () => seen.push('event'));
    lifecycle.setTimeout(() => seen.push('timeout'), 5);
    let invalidated = false;
    lifecycle.onInvalidated(() => {
      invalidated = true;
    });
    ctx.abort();
    document.dispatchEvent(new Event('claimnote-test'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual([]);
    expect(invalidated).toBe(true);
    expect(lifecycle.signal.aborted).toBe(true);
  });

  it("delivers WXT's location-change event (single-page-app navigation)", async () => {
    ctx = new ContentScriptContext('lifecycle-test');
    const lifecycle = lifecycleFromContext(ctx);
    let changes = 0;
    lifecycle.listen(window, 'wxt:locationchange', () => {
      changes += 1;
    });
    history.pushState({}, '', '/next-article');
    // WXT polls the address about once a second.
    const deadline = Date.now() + 3000;
    while (changes === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(changes).toBe(1);
  });
});

describe('sliceEnvironmentFromContext', () => {
  it('runs slices as background tasks where the page has scheduler.postTask, ended with the context', () => {
    ctx = new ContentScriptContext('slices-test');
    const posted: Array<{ callback: () => void; priority: string; signal: AbortSignal }> = [];
    const idle: Array<() => void> = [];
    const view = {
      performance,
      scheduler: {
        postTask: (callback: () => void, options: { priority: string; signal: AbortSignal }) => {
          posted.push({ callback, ...options });
          return Promise.resolve();
        },
      },
      requestIdleCallback: (callback: () => void) => idle.push(callback),
    } as unknown as Window;
    const ran: string[] = [];
    sliceEnvironmentFromContext(ctx, view).requestSlice(() => ran.push('slice'));
    expect(idle).toHaveLength(0);
    expect(posted.map((task) => task.priority)).toEqual(['background']);
    posted[0]?.callback();
    expect(ran).toEqual(['slice']);
    expect(posted[0]?.signal.aborted).toBe(false);
    ctx.abort();
    expect(posted[0]?.signal.aborted).toBe(true);
  });
});
