import type { DomChanges } from './dom-watcher';
import type { Lifecycle } from './lifecycle';

/** What {@link createPassScheduler} needs; the controller passes the active mode's pieces. */
export interface PassSchedulerOptions<T> {
  /** The active mode's scope: the running pass aborts and the waits end with it. */
  scope: Lifecycle;
  /** Wait before a pass asked for while another ran, in ms (the watcher's burst delay). */
  delayMs: number;
  /** Changes recorded and not yet handed to a pass (the DOM watcher's `take`). */
  takeChanges(): DomChanges | null;
  /** Whether such changes may alter the text (the DOM watcher's `changesText`). */
  changesPending(): boolean;
  /** A pass's first phase: brings the page's document up to date; aborts with `signal`. */
  update(changes: DomChanges | null, signal: AbortSignal): Promise<T>;
  /** Its second phase: shows what the update found; runs only for an update the page did not outrun. */
  commit(value: T, signal: AbortSignal): Promise<void>;
}

/** Runs passes one at a time; see {@link createPassScheduler}. */
export interface PassScheduler {
  /**
   * Asks for a pass: now when none runs or waits, otherwise one more after it. `changes` are
   * handed to that pass with whatever the watcher recorded meanwhile.
   */
  request(changes?: DomChanges): void;
  /** A pass runs. */
  readonly running: boolean;
  /** A pass runs or waits to run: the watcher holds its flushes meanwhile. */
  readonly busy: boolean;
}

/** Longest wait between passes while a page keeps changing, in ms. */
const MAX_BACKOFF_MS = 2000;

/**
 * Passes discarded in a row because the page changed while they ran; after that a pass is
 * shown anyway, so a page that never stops mutating still gets its notes.
 */
const MAX_DISCARDED_PASSES = 2;

/** Both sets of changes; a list joined with `'all'` is `'all'`. */
function merge(a: DomChanges | null, b: DomChanges | null): DomChanges | null {
  if (a === null) return b;
  if (b === null) return a;
  return a === 'all' || b === 'all' ? 'all' : [...a, ...b];
}

/**
 * Schedules the passes of one active mode. One pass at a time; a request during a pass runs
 * one more after it. When the page's text changed while an update ran, the update may have
 * walked half-updated content: it is discarded (up to {@link MAX_DISCARDED_PASSES} in a row)
 * and the next pass waits longer each time (a mutation storm), since each pass makes the
 * browser restyle what changed. A scheduler lives as long as its scope: a new active mode
 * gets a new one, so no state carries over a pause.
 * @param options the scope, the watcher's pending changes, and the two phases of a pass
 */
export function createPassScheduler<T>(options: PassSchedulerOptions<T>): PassScheduler {
  const { scope } = options;
  let state: 'idle' | 'waiting' | 'running' = 'idle';
  let requested = false;
  let held: DomChanges | null = null;
  let backoffMs = 0;
  let discarded = 0;
  /** One console line per page for failed passes, however many follow. */
  let failureLogged = false;

  const request = (changes?: DomChanges) => {
    if (changes !== undefined) held = merge(held, changes);
    if (state !== 'idle') {
      requested = true;
      return;
    }
    void run();
  };

  const runAfter = (ms: number) => {
    state = 'waiting';
    scope.setTimeout(() => {
      state = 'idle';
      void run();
    }, ms);
  };

  async function run(): Promise<void> {
    const signal = scope.signal;
    if (signal.aborted) return;
    state = 'running';
    requested = false;
    // Changes recorded before this pass are covered by it.
    const changes = merge(held, options.takeChanges());
    held = null;
    try {
      const value = await options.update(changes, signal);
      const changedDuring = held !== null || options.changesPending();
      if (changedDuring && discarded < MAX_DISCARDED_PASSES) {
        discarded += 1;
        backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(backoffMs, options.delayMs) * 2);
      } else {
        discarded = 0;
        if (!changedDuring) backoffMs = 0;
        await options.commit(value, signal);
      }
    } catch (error) {
      if (signal.aborted) return;
      // The page changed under the walk in a way the update could not follow. The changes it
      // took are gone with it, so the next pass reads the whole page rather than missing them.
      if (!failureLogged) console.error('Claimnote: a pass failed; reading the whole page again', error);
      failureLogged = true;
      held = merge(held, 'all');
    }
    if (signal.aborted) return;
    state = 'idle';
    if (requested || held !== null || options.changesPending()) runAfter(backoffMs || options.delayMs);
  }

  return {
    request,
    get running() {
      return state === 'running';
    },
    get busy() {
      return state !== 'idle';
    },
  };
}
