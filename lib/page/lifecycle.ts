import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { SliceEnvironment } from './slice-scheduler';

/**
 * The content script's lifetime: every timer and listener of the page layer goes through it,
 * so that all of them stop when the extension is updated or disabled (WXT invalidates the
 * context) or when a test ends.
 */
export interface Lifecycle {
  readonly signal: AbortSignal;
  /** A timeout that is cancelled on invalidation. */
  setTimeout(handler: () => void, ms: number): void;
  /** An event listener that is removed on invalidation. */
  listen(
    target: EventTarget,
    type: string,
    handler: (event: Event) => void,
    options?: AddEventListenerOptions,
  ): void;
  /** Runs `cb` once on invalidation (observers and other resources the context cannot track). */
  onInvalidated(cb: () => void): void;
}

/**
 * Adapts WXT's ContentScriptContext to a Lifecycle.
 * @param ctx the content script's context
 */
export function lifecycleFromContext(ctx: ContentScriptContext): Lifecycle {
  return {
    get signal() {
      return ctx.signal;
    },
    setTimeout: (handler, ms) => void ctx.setTimeout(handler, ms),
    listen: (target, type, handler, options) => {
      // Through the context, not addEventListener: WXT only starts its URL watcher for
      // `wxt:locationchange` (single-page-app navigation) when asked this way, and renames it.
      const add = ctx.addEventListener as (
        target: EventTarget,
        type: string,
        handler: (event: Event) => void,
        options?: AddEventListenerOptions,
      ) => void;
      add.call(ctx, target, type, handler, options);
    },
    onInvalidated: (cb) => void ctx.onInvalidated(cb),
  };
}

/** Longest wait for an idle period before a slice runs anyway, in ms. */
const IDLE_TIMEOUT_MS = 100;

/** The Prioritized Task Scheduling API (Chrome 94, Firefox 142), where the page has it. */
interface TaskScheduler {
  postTask(callback: () => void, options: { priority: 'background'; signal: AbortSignal }): Promise<unknown>;
}

/**
 * Slices run as background-priority tasks, so page work (input, rendering, its own tasks) goes
 * first, without the wait for an idle period: an idle callback asked for from inside one runs
 * in the next idle period, up to 50 ms later, so a scan of a few slices took a few hundred ms.
 * Without `scheduler.postTask`, idle callbacks with a timeout that keeps a busy page from
 * starving the scan; without those, timeouts.
 * @param ctx the content script's context (cancels pending slices on invalidation)
 * @param view the page's window, for its clock and scheduler
 */
export function sliceEnvironmentFromContext(ctx: ContentScriptContext, view: Window): SliceEnvironment {
  return {
    now: () => view.performance.now(),
    requestSlice: (callback) => {
      // Read when first needed: most pages are checked without a slice.
      const scheduler = (view as Window & { scheduler?: Partial<TaskScheduler> }).scheduler;
      if (typeof scheduler?.postTask === 'function') {
        // Rejects when the context ends first: nothing to do then.
        scheduler.postTask(callback, { priority: 'background', signal: ctx.signal }).catch(() => undefined);
      } else if (typeof view.requestIdleCallback === 'function') {
        ctx.requestIdleCallback(() => callback(), { timeout: IDLE_TIMEOUT_MS });
      } else {
        ctx.setTimeout(callback, 0);
      }
    },
  };
}
