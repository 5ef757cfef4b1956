import { describe, expect, it } from 'vitest';
import { createPinWriter, type PinClock, type PinStore } from '../../lib/storage/pin-writer';

/** A clock the test moves by hand; timers fire in time order as it passes them. */
function manualClock() {
  let now = 0;
  let timers: { at: number; cb: () => void }[] = [];
  const clock: PinClock = {
    now: () => now,
    setTimeout: (cb, ms) => {
      timers.push({ at: now + ms, cb });
    },
  };
  const advance = async (ms: number) => {
    const end = now + ms;
    while (true) {
      timers.sort((a, b) => a.at - b.at);
      const next = timers[0];
      if (next === undefined || next.at > end) break;
      timers = timers.slice(1);
      now = next.at;
      next.cb();
      // Let the store's promise settle before later timers.
      for (let tick = 0; tick < 5; tick += 1) await Promise.resolve();
    }
    now = end;
  };
  return { clock, advance };
}

/** An in-memory store that counts writes, like storage.sync's quota does. */
function countingStore(initial: string[] = []) {
  let list = [...initial];
  const watchers: ((list: string[]) => void)[] = [];
  const writes: string[][] = [];
  const store: PinStore = {
    get: async () => [...list],
    apply: async (changes) => {
      for (const [publisher, pin] of changes) {
        list = pin
          ? list.includes(publisher)
            ? list
            : [...list, publisher]
          : list.filter((p) => p !== publisher);
      }
      writes.push([...list]);
      for (const watcher of watchers) watcher([...list]);
      return [...list];
    },
    watch: (cb) => {
      watchers.push(cb);
      return () => undefined;
    },
  };
  return {
    store,
    writes,
    stored: () => list,
    external: (next: string[]) => {
      list = next;
      for (const watcher of watchers) watcher([...list]);
    },
  };
}

async function setup(initial: string[] = []) {
  const { clock, advance } = manualClock();
  const storage = countingStore(initial);
  const scope = new AbortController();
  const writer = createPinWriter({ store: storage.store, clock, signal: scope.signal });
  await advance(0);
  return { writer, advance, scope, ...storage };
}

describe('createPinWriter', () => {
  it('shows a toggle at once and writes it once after a quiet moment', async () => {
    const { writer, advance, writes } = await setup();
    writer.toggle('FDA');
    expect(writer.view().pinned).toEqual(['FDA']);
    expect(writes).toEqual([]);
    await advance(399);
    expect(writes).toEqual([]);
    await advance(1);
    expect(writes).toEqual([['FDA']]);
  });

  it('coalesces 160 rapid toggles into at most one write, and none when they cancel out', async () => {
    const { writer, advance, writes } = await setup();
    for (let toggle = 0; toggle < 160; toggle += 1) {
      writer.toggle('FDA');
      await advance(5);
    }
    await advance(10_000);
    // An even number of toggles: back to what is stored, nothing to write.
    expect(writes).toEqual([]);
    writer.toggle('FDA');
    await advance(10_000);
    expect(writes).toEqual([['FDA']]);
  });

  it('stays under the sync quota (120 writes a minute, 1,800 an hour) when toggled without pause for an hour', async () => {
    const { writer, advance, writes } = await setup();
    let perMinuteMax = 0;
    let step = 0;
    for (let minute = 0; minute < 60; minute += 1) {
      const before = writes.length;
      for (let tick = 0; tick < 600; tick += 1) {
        // Ten toggles a second over 40 publishers: the pending batch is never empty for long.
        writer.toggle(`P${step % 40}`);
        step += 1;
        await advance(100);
      }
      perMinuteMax = Math.max(perMinuteMax, writes.length - before);
    }
    expect(perMinuteMax).toBeLessThanOrEqual(25);
    expect(writes.length).toBeLessThanOrEqual(1_500);
    expect(writes.length).toBeGreaterThan(0);
  });

  it('keeps one write in flight and writes toggles made meanwhile afterwards', async () => {
    const { clock, advance } = manualClock();
    let release: (() => void) | undefined;
    const applied: Map<string, boolean>[] = [];
    const store: PinStore = {
      get: async () => [],
      apply: (changes) => {
        applied.push(new Map(changes));
        return new Promise((resolve) => {
          release = () => resolve([...changes].filter(([, pin]) => pin).map(([p]) => p));
        });
      },
      watch: () => () => undefined,
    };
    const writer = createPinWriter({ store, clock, signal: new AbortController().signal });
    await advance(0);
    writer.toggle('A');
    await advance(400);
    expect(applied).toHaveLength(1);
    writer.toggle('B');
    await advance(10_000);
    expect(applied).toHaveLength(1);
    release?.();
    for (let tick = 0; tick < 5; tick += 1) await Promise.resolve();
    await advance(10_000);
    expect(applied).toHaveLength(2);
    expect([...(applied[1] ?? new Map())]).toEqual([['B', true]]);
  });

  it('ignores toggles before storage has answered, follows other tabs, and stops on abort', async () => {
    const { clock, advance } = manualClock();
    const storage = countingStore(['X']);
    const scope = new AbortController();
    const writer = createPinWriter({ store: storage.store, clock, signal: scope.signal });
    writer.toggle('Y');
    expect(writer.view().pinned).toBeUndefined();
    await advance(0);
    expect(writer.view().pinned).toEqual(['X']);
    storage.external(['X', 'Z']);
    expect(writer.view().pinned).toEqual(['X', 'Z']);
    writer.toggle('Z');
    scope.abort();
    await advance(10_000);
    expect(storage.writes).toEqual([]);
  });

  it('reports a failed write and shows the stored list again', async () => {
    const { clock, advance } = manualClock();
    const store: PinStore = {
      get: async () => [],
      apply: () => Promise.reject(new Error('QUOTA_BYTES_PER_ITEM quota exceeded')),
      watch: () => () => undefined,
    };
    const writer = createPinWriter({ store, clock, signal: new AbortController().signal });
    await advance(0);
    writer.toggle('A');
    await advance(1_000);
    expect(writer.view()).toEqual({ pinned: [], failed: true });
  });
});
