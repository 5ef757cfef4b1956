import { setImmediate as realTurn } from 'node:timers';
import type { Lifecycle } from '../../lib/page/lifecycle';
import type { SliceEnvironment } from '../../lib/page/slice-scheduler';

/** A task waiting on the virtual clock. */
interface Task {
  at: number;
  order: number;
  kind: 'timeout' | 'slice';
  run: () => void;
  cancelled: boolean;
  /** Drops the task's abort listeners once it ran. */
  done: () => void;
}

/** Options of {@link virtualClock}. */
export interface VirtualClockOptions {
  /**
   * Virtual ms that each reading of the slice clock costs, so sliced work spans several slices
   * as it would in a browser (the budget is 8 ms: eight steps a slice at 1 ms).
   * @default 1
   */
  msPerRead?: number;
}

/**
 * A clock for unit tests of the page layer: the lifecycle's timeouts and the slice scheduler's
 * slices are tasks on it, and nothing runs until the test advances it. Between tasks the
 * microtask queue is drained (promises, MutationObserver callbacks), with one turn of the real
 * event loop and no wait. Negative assertions are made after {@link VirtualClock.runUntilIdle},
 * when nothing is left that could still act.
 */
export interface VirtualClock {
  lifecycle: Lifecycle;
  slices: SliceEnvironment;
  /** Virtual time in ms. */
  now(): number;
  /** Timeouts and slices waiting to run. */
  pending(): { timeouts: number; slices: number };
  /** Event listeners registered through the lifecycle and not yet removed. */
  listeners(): number;
  /** How many timeouts and slices ran so far. */
  ran(): { timeouts: number; slices: number };
  /** Lets promises and observers settle without moving the clock. */
  settle(): Promise<void>;
  /** Runs every task due within `ms` from now, in time order, and moves the clock by `ms`. */
  advanceBy(ms: number): Promise<void>;
  /**
   * Runs tasks until none is left.
   * @param maxTasks a bound, so a loop that never settles fails the test instead of hanging
   */
  runUntilIdle(maxTasks?: number): Promise<void>;
  /** Ends the lifecycle, as WXT does when the extension is updated. */
  invalidate(): void;
}

/** Yields to the real event loop once: every queued microtask runs first. */
const turn = () => new Promise<void>((resolve) => realTurn(resolve));

/**
 * A virtual clock with a lifecycle and slice environment on it.
 * @param options cost of a clock reading inside slices
 */
export function virtualClock(options: VirtualClockOptions = {}): VirtualClock {
  const msPerRead = options.msPerRead ?? 1;
  const controller = new AbortController();
  const invalidated: (() => void)[] = [];
  let time = 0;
  let order = 0;
  let liveListeners = 0;
  const ran = { timeouts: 0, slices: 0 };
  let queue: Task[] = [];

  const schedule = (kind: Task['kind'], run: () => void, ms: number, signal?: AbortSignal): void => {
    const listening = new AbortController();
    const task: Task = {
      at: time + Math.max(0, ms),
      order: order++,
      kind,
      run,
      cancelled: false,
      done: () => listening.abort(),
    };
    queue.push(task);
    const cancel = () => {
      task.cancelled = true;
    };
    for (const each of [controller.signal, signal]) {
      each?.addEventListener('abort', cancel, { once: true, signal: listening.signal });
    }
  };

  const lifecycle: Lifecycle = {
    signal: controller.signal,
    setTimeout: (handler, ms, signal) => {
      if (controller.signal.aborted || signal?.aborted) return;
      schedule('timeout', handler, ms, signal);
    },
    listen: (target, type, handler, listenOptions) => {
      const signal = listenOptions?.signal;
      if (controller.signal.aborted || signal?.aborted) return;
      const remove = new AbortController();
      liveListeners += 1;
      const end = () => {
        if (remove.signal.aborted) return;
        liveListeners -= 1;
        remove.abort();
      };
      for (const each of [controller.signal, signal]) {
        each?.addEventListener('abort', end, { once: true, signal: remove.signal });
      }
      target.addEventListener(type, handler, { ...listenOptions, signal: remove.signal });
    },
    onInvalidated: (cb) => invalidated.push(cb),
  };

  const slices: SliceEnvironment = {
    now: () => {
      time += msPerRead;
      return time;
    },
    requestSlice: (callback, signal) => {
      if (!controller.signal.aborted && !signal?.aborted) schedule('slice', callback, 0, signal);
    },
  };

  /** The next live task due at or before `until`, removed from the queue. */
  const next = (until: number): Task | null => {
    queue = queue.filter((task) => !task.cancelled);
    let best: Task | null = null;
    for (const task of queue) {
      if (task.at > until) continue;
      if (best === null || task.at < best.at || (task.at === best.at && task.order < best.order)) best = task;
    }
    if (best !== null) queue.splice(queue.indexOf(best), 1);
    return best;
  };

  const runTask = async (task: Task) => {
    time = Math.max(time, task.at);
    if (task.kind === 'slice') ran.slices += 1;
    else ran.timeouts += 1;
    task.done();
    task.run();
    await turn();
  };

  const clock: VirtualClock = {
    lifecycle,
    slices,
    now: () => time,
    pending: () => {
      const live = queue.filter((task) => !task.cancelled);
      return {
        timeouts: live.filter((task) => task.kind === 'timeout').length,
        slices: live.filter((task) => task.kind === 'slice').length,
      };
    },
    listeners: () => liveListeners,
    ran: () => ({ ...ran }),
    settle: turn,
    advanceBy: async (ms) => {
      await turn();
      const until = time + ms;
      for (let task = next(until); task !== null; task = next(until)) await runTask(task);
      time = Math.max(time, until);
    },
    runUntilIdle: async (maxTasks = 100_000) => {
      await turn();
      for (let count = 0; ; count++) {
        const task = next(Number.POSITIVE_INFINITY);
        if (task === null) return;
        if (count >= maxTasks) throw new Error(`the clock did not settle after ${maxTasks} tasks`);
        await runTask(task);
      }
    },
    invalidate: () => {
      controller.abort();
      for (const cb of invalidated) cb();
    },
  };
  return clock;
}
