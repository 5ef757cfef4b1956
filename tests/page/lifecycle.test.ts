// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { lifecycleFromContext, sliceEnvironmentFromContext } from '../../lib/page/lifecycle';
import { openScope } from '../../lib/page/scope';

let ctx: ContentScriptContext | null = null;
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  ctx?.abort();
  ctx = null;
  fakeBrowser.reset();
  vi.useRealTimers();
});

describe('lifecycleFromContext', () => {
  it('removes listeners and cancels timeouts when the context is invalidated', () => {
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
    vi.advanceTimersByTime(20);
    expect(seen).toEqual([]);
    expect(invalidated).toBe(true);
    expect(lifecycle.signal.aborted).toBe(true);
  });

  it("delivers WXT's location-change event (single-page-app navigation)", () => {
    ctx = new ContentScriptContext('lifecycle-test');
    const lifecycle = lifecycleFromContext(ctx);
    let changes = 0;
    lifecycle.listen(window, 'wxt:locationchange', () => {
      changes += 1;
    });
    history.pushState({}, '', '/next-article');
    // WXT polls the address about once a second.
    vi.advanceTimersByTime(999);
    expect(changes).toBe(0);
    vi.advanceTimersByTime(1);
    expect(changes).toBe(1);
  });

  it("ends a scope's timers and listeners, the location one included, when the scope closes", () => {
    ctx = new ContentScriptContext('lifecycle-test');
    const lifecycle = lifecycleFromContext(ctx);
    const scope = openScope(lifecycle);
    const other = openScope(lifecycle);
    const seen: string[] = [];
    scope.listen(document, 'claimnote-test', () => seen.push('event'), { capture: true });
    scope.setTimeout(() => seen.push('timeout'), 5);
    scope.listen(window, 'wxt:locationchange', () => seen.push('closed scope: location'));
    other.listen(window, 'wxt:locationchange', () => seen.push('open scope: location'));
    other.setTimeout(() => seen.push('open scope: timeout'), 5);
    scope.close();
    document.dispatchEvent(new Event('claimnote-test'));
    history.pushState({}, '', '/scoped-article');
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual(['open scope: timeout', 'open scope: location']);
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

  it('drops a pending slice when the signal it was asked with aborts', () => {
    ctx = new ContentScriptContext('slices-test');
    const ran: string[] = [];
    const scope = new AbortController();
    const slices = sliceEnvironmentFromContext(ctx, window);
    slices.requestSlice(() => ran.push('dropped'), scope.signal);
    slices.requestSlice(() => ran.push('kept'));
    scope.abort();
    vi.advanceTimersByTime(1000);
    expect(ran).toEqual(['kept']);
  });
});
