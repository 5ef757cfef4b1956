import type { Lifecycle } from '../../lib/page/lifecycle';
import type { SliceEnvironment } from '../../lib/page/slice-scheduler';

/**
 * A Lifecycle on real timers that a test can invalidate, as WXT does when the extension is
 * updated, plus a slice environment whose slices are timeouts on it.
 */
export function fakeLifecycle() {
  const controller = new AbortController();
  const invalidated: (() => void)[] = [];
  const lifecycle: Lifecycle = {
    signal: controller.signal,
    setTimeout: (handler, ms) => {
      const id = setTimeout(() => {
        if (!controller.signal.aborted) handler();
      }, ms);
      controller.signal.addEventListener('abort', () => clearTimeout(id));
    },
    listen: (target, type, handler, options) =>
      target.addEventListener(type, handler, { ...options, signal: controller.signal }),
    onInvalidated: (cb) => invalidated.push(cb),
  };
  const slices: SliceEnvironment = {
    now: () => performance.now(),
    requestSlice: (cb) => lifecycle.setTimeout(cb, 0),
  };
  return {
    lifecycle,
    slices,
    invalidate: () => {
      controller.abort();
      for (const cb of invalidated) cb();
    },
  };
}
