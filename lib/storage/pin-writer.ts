/**
 * Batches the reader's pin toggles into few `storage.sync` writes. Sync storage allows 120
 * writes a minute and 1,800 an hour per extension; past that every sync write fails, pausing a
 * site from the popup included. Toggles are applied to what the card shows at once and written
 * together after a quiet moment, at most one write in flight and one every `minIntervalMs`,
 * so even a reader (or anything that got past the trusted-event guard) toggling without pause
 * stays far below the quota.
 */

/** The storage side: read, apply a batch in one write, watch other contexts' changes. */
export interface PinStore {
  get(): Promise<string[]>;
  /** Writes `changes` (publisher → pinned) in one storage write; resolves to the stored list. */
  apply(changes: ReadonlyMap<string, boolean>): Promise<string[]>;
  watch(cb: (list: string[]) => void): () => void;
}

/**
 * Timers, injectable so tests drive them. In the content script this is the lifecycle's
 * timeout (cancelled on invalidation); a superseded timer is ignored rather than cleared.
 */
export interface PinClock {
  now(): number;
  setTimeout(cb: () => void, ms: number): void;
}

/** Options of {@link createPinWriter}. */
export interface PinWriterOptions {
  store: PinStore;
  clock: PinClock;
  /** Ends the writer (content script invalidated): pending toggles are dropped. */
  signal: AbortSignal;
  /** Wait after the last toggle before writing. @default 400 */
  quietMs?: number;
  /** Longest a toggle waits while toggles keep coming. @default 5000 */
  maxWaitMs?: number;
  /** Least time between two writes. @default 2500 (at most 24 writes a minute) */
  minIntervalMs?: number;
}

/** What the cards see: the list with unwritten toggles applied, and whether a write failed. */
export interface PinView {
  /** Undefined until storage has answered. */
  pinned: string[] | undefined;
  failed: boolean;
}

/** The shared pin state of one page's note cards. */
export interface PinWriter {
  view(): PinView;
  /** Flips one publisher; ignored until storage has answered. */
  toggle(publisher: string): void;
  /** Calls `cb` after every change of the view; returns the unsubscribe function. */
  subscribe(cb: (view: PinView) => void): () => void;
}

function applyChanges(list: readonly string[], changes: ReadonlyMap<string, boolean>): string[] {
  let next = [...list];
  for (const [publisher, pin] of changes) {
    if (!pin) next = next.filter((p) => p !== publisher);
    else if (!next.includes(publisher)) next.push(publisher);
  }
  return next;
}

/**
 * Creates the writer; it loads the stored list and follows changes from other contexts.
 * @param options store, clock, lifetime and timing
 * @returns the writer
 */
export function createPinWriter(options: PinWriterOptions): PinWriter {
  const { store, clock, signal } = options;
  const quietMs = options.quietMs ?? 400;
  const maxWaitMs = options.maxWaitMs ?? 5000;
  const minIntervalMs = options.minIntervalMs ?? 2500;
  let stored: string[] | undefined;
  /** Toggles not yet written: publisher → wanted pinned state. */
  const changes = new Map<string, boolean>();
  let firstChangeAt = 0;
  let lastWriteAt = Number.NEGATIVE_INFINITY;
  let writing = false;
  let failed = false;
  /** Only the timer armed last may write; earlier ones are superseded. */
  let timerToken = 0;
  const listeners = new Set<(view: PinView) => void>();

  const view = (): PinView => ({
    pinned: stored === undefined ? undefined : applyChanges(stored, changes),
    failed,
  });
  const notify = () => {
    const current = view();
    for (const listener of listeners) listener(current);
  };
  const cancelTimer = () => {
    timerToken += 1;
  };

  const schedule = () => {
    cancelTimer();
    if (writing || changes.size === 0 || signal.aborted) return;
    const now = clock.now();
    const due = Math.max(Math.min(now + quietMs, firstChangeAt + maxWaitMs), lastWriteAt + minIntervalMs);
    const token = timerToken;
    clock.setTimeout(
      () => {
        if (token === timerToken) write();
      },
      Math.max(0, due - now),
    );
  };

  const write = () => {
    if (writing || changes.size === 0 || signal.aborted) return;
    const batch = new Map(changes);
    writing = true;
    lastWriteAt = clock.now();
    store
      .apply(batch)
      .then(
        (list) => {
          stored = list;
          // Toggles made while the write ran stay pending; the written ones are done.
          for (const [publisher, pin] of batch) if (changes.get(publisher) === pin) changes.delete(publisher);
        },
        () => {
          failed = true;
          changes.clear();
        },
      )
      .finally(() => {
        writing = false;
        if (changes.size > 0) firstChangeAt = clock.now();
        notify();
        schedule();
      });
  };

  const unwatch = store.watch((list) => {
    stored = list;
    // A change that the stored list already shows needs no write.
    for (const [publisher, pin] of changes) if (list.includes(publisher) === pin) changes.delete(publisher);
    notify();
  });
  store.get().then(
    (list) => {
      stored ??= list;
      notify();
    },
    () => {
      stored ??= [];
      notify();
    },
  );
  signal.addEventListener('abort', () => {
    cancelTimer();
    unwatch();
    changes.clear();
    listeners.clear();
  });

  return {
    view,
    toggle(publisher) {
      if (stored === undefined || signal.aborted) return;
      const showing = applyChanges(stored, changes).includes(publisher);
      if (changes.size === 0) firstChangeAt = clock.now();
      failed = false;
      // Back to what is stored: nothing to write for this publisher.
      if (stored.includes(publisher) === !showing) changes.delete(publisher);
      else changes.set(publisher, !showing);
      notify();
      schedule();
    },
    subscribe(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
  };
}
