/**
 * Runs long work (text extraction, matching) as a generator in short slices, so that no task
 * the content script adds to the page's main thread lasts much longer than the budget, well
 * under the 50 ms that counts as a long task.
 */

/** Where slices run: a clock and a way to ask for the next slice. Injected for tests. */
export interface SliceEnvironment {
  now(): number;
  /**
   * Runs `callback` in a later task (idle callback, timeout), unless `signal` aborts first
   * (a scope's signal, which ends no later than the content script's context).
   */
  requestSlice(callback: () => void, signal?: AbortSignal): void;
}

/** How the sliced run went, for benchmarks and debugging. */
export interface SliceStats {
  slices: number;
  /** Sum of slice durations, in ms. */
  busyMs: number;
  /** Longest slice, in ms. */
  longestSliceMs: number;
}

/** Default time budget of one slice, in ms: the frame budget guidance of the style notes. */
export const DEFAULT_SLICE_BUDGET_MS = 8;

/**
 * Steps `task` until it finishes, one slice per requested task, each slice stopping at the
 * first step that ends after `budgetMs`. A single step longer than the budget (one huge block)
 * still runs whole, so steps must be small.
 * @param task generator whose return value is the result
 * @param env clock and slice requester
 * @param options `budgetMs` per slice (default 8) and an `AbortSignal` that stops the task
 * @returns the task's result and the slicing figures
 * @throws the signal's reason as soon as it aborts, or whatever the task throws
 */
export function runInSlices<T>(
  task: Generator<unknown, T, void>,
  env: SliceEnvironment,
  options: { budgetMs?: number; signal?: AbortSignal } = {},
): Promise<{ value: T; stats: SliceStats }> {
  const budget = options.budgetMs ?? DEFAULT_SLICE_BUDGET_MS;
  const { signal } = options;
  const stats: SliceStats = { slices: 0, busyMs: 0, longestSliceMs: 0 };
  return new Promise((resolve, reject) => {
    // On abort the task is closed and the promise rejected at once; the pending slice is
    // dropped with the signal, so nothing of the task runs again.
    const stop = () => {
      try {
        task.return(undefined as T);
      } catch {
        // Aborted from inside one of its own steps: the slice ends after that step.
      }
      reject(signal?.reason);
    };
    if (signal?.aborted) {
      stop();
      return;
    }
    signal?.addEventListener('abort', stop, { once: true });
    const end = () => signal?.removeEventListener('abort', stop);
    const slice = () => {
      if (signal?.aborted) return;
      const started = env.now();
      let result: IteratorResult<unknown, T>;
      try {
        do {
          result = task.next();
        } while (!result.done && env.now() - started < budget && !signal?.aborted);
      } catch (error) {
        end();
        reject(error);
        return;
      }
      const took = env.now() - started;
      stats.slices += 1;
      stats.busyMs += took;
      stats.longestSliceMs = Math.max(stats.longestSliceMs, took);
      if (result.done) {
        end();
        resolve({ value: result.value, stats });
      } else if (!signal?.aborted) {
        env.requestSlice(slice, signal);
      }
    };
    env.requestSlice(slice, signal);
  });
}
