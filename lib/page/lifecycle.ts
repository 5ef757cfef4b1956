import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { SliceEnvironment } from './slice-scheduler';

/**
 * The content script's lifetime: every timer and listener of the page layer goes through it,
 * so that all of them stop when the extension is updated or disabled (WXT invalidates the
 * context) or when a test ends.
 */
export interface Lifecycle {
  readonly signal: AbortSignal;
  /**
   * A timeout that is cancelled on invalidation, or earlier when `signal` aborts (a scope's
   * signal, derived from this lifecycle's: see scope.ts).
   */
  setTimeout(handler: () => void, ms: number, signal?: AbortSignal): void;
  /** An event listener that is removed on invalidation, or earlier when `options.signal` aborts. */
  listen(
    target: EventTarget,
    type: string,
    handler: (event: Event) => void,
    options?: AddEventListenerOptions,
  ): void;
  /** Runs `cb` once on invalidation (observers and other resources the context cannot track). */
  onInvalidated(cb: () => void): void;
}

/** WXT's event for a client-side navigation. */
const LOCATION_CHANGE = 'wxt:locationchange';

/**
 * Adapts WXT's ContentScriptContext to a Lifecycle.
 * @param ctx the content script's context
 */
export function lifecycleFromContext(ctx: ContentScriptContext): Lifecycle {
  // Through the context, not addEventListener: WXT only starts its URL watcher for
  // `wxt:locationchange` (single-page-app navigation) when asked this way, and renames it.
  const add = ctx.addEventListener as (
    target: EventTarget,
    type: string,
    handler: (event: Event) => void,
    options?: AddEventListenerOptions,
  ) => void;
  // The context ties every listener to its own signal and renames the location event, so a
  // scope could not remove one: it gets one context listener per target, shared by handlers
  // that each leave when their scope ends.
  const locationHandlers = new Map<EventTarget, Set<(event: Event) => void>>();
  const listenLocation = (target: EventTarget, handler: (event: Event) => void, signal?: AbortSignal) => {
    let handlers = locationHandlers.get(target);
    if (handlers === undefined) {
      const shared = new Set<(event: Event) => void>();
      handlers = shared;
      locationHandlers.set(target, shared);
      add.call(ctx, target, LOCATION_CHANGE, (event) => {
        for (const each of [...shared]) each(event);
      });
    }
    const own = handlers;
    own.add(handler);
    signal?.addEventListener('abort', () => own.delete(handler), { once: true });
  };
  return {
    get signal() {
      return ctx.signal;
    },
    setTimeout: (handler, ms, signal) => {
      if (signal?.aborted) return;
      const id = ctx.setTimeout(() => {
        ran();
        handler();
      }, ms);
      const ran = cancelOnAbort(signal, () => clearTimeout(id));
    },
    listen: (target, type, handler, options) => {
      const signal = options?.signal;
      if (signal?.aborted) return;
      if (type === LOCATION_CHANGE) {
        listenLocation(target, handler, signal);
        return;
      }
      add.call(ctx, target, type, handler, options);
      signal?.addEventListener('abort', () => target.removeEventListener(type, handler, options), {
        once: true,
      });
    },
    onInvalidated: (cb) => void ctx.onInvalidated(cb),
  };
}

/**
 * Runs `cancel` when `signal` aborts.
 * @returns a function to call once the task ran, which drops the abort listener
 */
function cancelOnAbort(signal: AbortSignal | undefined, cancel: () => void): () => void {
  signal?.addEventListener('abort', cancel, { once: true });
  return () => signal?.removeEventListener('abort', cancel);
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
    requestSlice: (callback, signal) => {
      if (signal?.aborted) return;
      // Read when first needed: most pages are checked without a slice.
      const scheduler = (view as Window & { scheduler?: Partial<TaskScheduler> }).scheduler;
      if (typeof scheduler?.postTask === 'function') {
        // Rejects when the context or the scope ends first: nothing to do then.
        scheduler
          .postTask(callback, { priority: 'background', signal: signal ?? ctx.signal })
          .catch(() => undefined);
      } else if (typeof view.requestIdleCallback === 'function') {
        const id = ctx.requestIdleCallback(
          () => {
            ran();
            callback();
          },
          { timeout: IDLE_TIMEOUT_MS },
        );
        const ran = cancelOnAbort(signal, () => cancelIdleCallback(id));
      } else {
        const id = ctx.setTimeout(() => {
          ran();
          callback();
        }, 0);
        const ran = cancelOnAbort(signal, () => clearTimeout(id));
      }
    },
  };
}
