// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BootContext } from '../../lib/page/boot-context';

type ApiGlobal = typeof globalThis & { chrome?: unknown; browser?: unknown };

/** A stand-in extension API that counts every read of `runtime`. */
function installApi(id: string | undefined): { reads: () => number; remove: () => void } {
  const global = globalThis as ApiGlobal;
  const saved = { chrome: global.chrome, browser: global.browser };
  let reads = 0;
  const api = {
    get runtime() {
      reads++;
      return { id };
    },
  };
  global.chrome = api;
  global.browser = undefined;
  return {
    reads: () => reads,
    remove: () => {
      global.chrome = saved.chrome;
      global.browser = saved.browser;
    },
  };
}

describe('BootContext', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('does not touch the extension API to start, time or listen', () => {
    const api = installApi('abc');
    try {
      const ctx = new BootContext('content');
      ctx.setTimeout(() => undefined, 10);
      ctx.addEventListener(window, 'scroll', () => undefined);
      ctx.addEventListener(window, 'wxt:locationchange', () => undefined);
      vi.advanceTimersByTime(2_000);
      expect(api.reads()).toBe(0);
      expect(ctx.isInvalid).toBe(false);
      expect(api.reads()).toBeGreaterThan(0);
      ctx.abort();
    } finally {
      api.remove();
    }
  });

  it('creates no AbortController to start, time, listen or watch the address', () => {
    const Original = globalThis.AbortController;
    let made = 0;
    globalThis.AbortController = class extends Original {
      constructor() {
        super();
        made += 1;
      }
    };
    try {
      const ctx = new BootContext('content');
      const calls: string[] = [];
      ctx.setTimeout(() => calls.push('timeout'), 10);
      ctx.addEventListener(window, 'resize', () => calls.push('resize'));
      ctx.addEventListener(window, 'wxt:locationchange', () => calls.push('navigation'));
      ctx.onInvalidated(() => calls.push('invalidated'));
      vi.advanceTimersByTime(10);
      window.dispatchEvent(new Event('resize'));
      expect(made).toBe(0);
      // Made when asked for, and aborted with the context.
      const signal = ctx.signal;
      expect(made).toBe(1);
      ctx.abort('done');
      expect(signal.aborted).toBe(true);
      window.dispatchEvent(new Event('resize'));
      expect(calls).toEqual(['timeout', 'resize', 'invalidated']);
    } finally {
      globalThis.AbortController = Original;
    }
  });

  it('hands out an aborted signal after it ended, and never runs callbacks added then', () => {
    const ctx = new BootContext('content');
    const calls: string[] = [];
    const remove = ctx.onInvalidated(() => calls.push('removed'));
    remove();
    ctx.abort('stopped');
    ctx.onInvalidated(() => calls.push('late'));
    ctx.addEventListener(window, 'resize', () => calls.push('resize'));
    ctx.setTimeout(() => calls.push('timeout'), 1);
    vi.advanceTimersByTime(10);
    window.dispatchEvent(new Event('resize'));
    expect(ctx.signal.aborted).toBe(true);
    expect(ctx.signal.reason).toBe('stopped');
    expect(calls).toEqual([]);
  });

  it('ends when the extension is gone, and then runs no timer or listener', () => {
    const api = installApi(undefined);
    try {
      const ctx = new BootContext('content');
      const calls: string[] = [];
      ctx.onInvalidated(() => calls.push('invalidated'));
      ctx.setTimeout(() => calls.push('timeout'), 10);
      ctx.addEventListener(window, 'resize', () => calls.push('resize'));
      expect(ctx.isInvalid).toBe(true);
      vi.advanceTimersByTime(100);
      window.dispatchEvent(new Event('resize'));
      expect(calls).toEqual(['invalidated']);
    } finally {
      api.remove();
    }
  });

  it('reports client-side navigations as wxt:locationchange, until it ends', () => {
    const ctx = new BootContext('content');
    const seen: string[] = [];
    ctx.addEventListener(window, 'wxt:locationchange', (event) => seen.push(event.type));
    history.pushState({}, '', '/next-article');
    vi.advanceTimersByTime(1_000);
    expect(seen).toEqual(['wxt:locationchange']);
    vi.advanceTimersByTime(1_000);
    expect(seen).toHaveLength(1);
    ctx.abort();
    history.pushState({}, '', '/another');
    vi.advanceTimersByTime(2_000);
    expect(seen).toHaveLength(1);
  });
});
