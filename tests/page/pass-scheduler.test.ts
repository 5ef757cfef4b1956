import { describe, expect, it } from 'vitest';
import type { DomChanges } from '../../lib/page/dom-watcher';
import { createPassScheduler } from '../../lib/page/pass-scheduler';
import { openScope } from '../../lib/page/scope';
import { virtualClock } from './virtual-clock';

/**
 * A scheduler whose updates take `updateMs` of virtual time, over a fake watcher: `record`
 * makes changes pending, as mutations would.
 */
function setup(updateMs = 50) {
  const clock = virtualClock();
  const scope = openScope(clock.lifecycle);
  let pending: DomChanges | null = null;
  const updates: (DomChanges | null)[] = [];
  const commits: number[] = [];
  const during: (() => void)[] = [];
  const scheduler = createPassScheduler<number>({
    scope,
    delayMs: 100,
    takeChanges: () => {
      const taken = pending;
      pending = null;
      return taken;
    },
    changesPending: () => pending !== null,
    update: (changes, signal) =>
      new Promise((resolve, reject) => {
        updates.push(changes);
        const pass = updates.length;
        clock.lifecycle.setTimeout(
          () => (signal.aborted ? reject(signal.reason) : resolve(pass)),
          updateMs,
          signal,
        );
        during.shift()?.();
      }),
    commit: async (pass) => {
      commits.push(pass);
    },
  });
  const record = (changes: DomChanges) => {
    pending = pending === null || pending === 'all' || changes === 'all' ? changes : [...pending, ...changes];
  };
  return { clock, scope, scheduler, updates, commits, during, record };
}

const node = (name: string) => ({ nodeName: name }) as unknown as Node;

describe('createPassScheduler', () => {
  it('runs a pass at once over the changes given and those still pending', async () => {
    const { clock, scheduler, updates, commits, record } = setup();
    record([node('b')]);
    scheduler.request([node('a')]);
    expect(scheduler.running).toBe(true);
    await clock.runUntilIdle();
    expect(updates).toEqual([[node('a'), node('b')]]);
    expect(commits).toEqual([1]);
    expect(scheduler.busy).toBe(false);
  });

  it('runs one more pass after the running one, however often it was asked meanwhile', async () => {
    const { clock, scheduler, updates, commits } = setup();
    scheduler.request();
    scheduler.request();
    scheduler.request();
    await clock.advanceBy(10);
    scheduler.request();
    await clock.runUntilIdle();
    expect(updates).toEqual([null, null]);
    expect(commits).toEqual([1, 2]);
    // The second waited the settle delay after the first ended (50 + 100).
    expect(clock.now()).toBeGreaterThanOrEqual(200);
  });

  it('discards a pass the page outran, twice in a row at most, and covers the change next', async () => {
    const { clock, scheduler, updates, commits, during, record } = setup();
    // The page changes during each of the first three updates, and then calms down.
    for (let i = 0; i < 3; i++) during.push(() => record([node(`n${i}`)]));
    scheduler.request('all');
    await clock.runUntilIdle();
    // Passes 1 and 2 are discarded; pass 3 is shown although the page changed again, so that
    // a page that never stops mutating still gets its notes; pass 4 covers that change.
    expect(commits).toEqual([3, 4]);
    expect(updates).toEqual(['all', [node('n0')], [node('n1')], [node('n2')]]);
  });

  it('waits longer after each discarded pass (a mutation storm), and calms down again', async () => {
    const { clock, scheduler, commits, during, record } = setup(10);
    const starts: number[] = [];
    for (let i = 0; i < 3; i++) {
      during.push(() => {
        starts.push(clock.now());
        record([node(`n${i}`)]);
      });
    }
    during.push(() => starts.push(clock.now()));
    scheduler.request();
    await clock.runUntilIdle();
    // Starts: at once; after 200 (discarded once); after 400 (twice); after 400 (shown, changed).
    const waits = starts.slice(1).map((start, i) => start - (starts[i] as number) - 10);
    expect(waits).toEqual([200, 400, 400]);
    expect(commits).toEqual([3, 4]);
    // The last pass saw no change: the next request runs at once.
    const before = clock.now();
    scheduler.request();
    expect(scheduler.running).toBe(true);
    await clock.runUntilIdle();
    expect(clock.now() - before).toBe(10);
  });

  it('ends with its scope: a running pass is aborted and nothing runs after it', async () => {
    const { clock, scope, scheduler, updates, commits, record } = setup();
    scheduler.request();
    await clock.advanceBy(10);
    record([node('late')]);
    scheduler.request();
    scope.close();
    await clock.runUntilIdle();
    expect(updates).toEqual([null]);
    expect(commits).toEqual([]);
    expect(clock.pending()).toEqual({ timeouts: 0, slices: 0 });
    scheduler.request();
    await clock.runUntilIdle();
    expect(updates).toHaveLength(1);
  });

  it('follows a pass whose update failed with one that reads the whole page', async () => {
    const clock = virtualClock();
    const scope = openScope(clock.lifecycle);
    const updates: (DomChanges | null)[] = [];
    const errors: unknown[] = [];
    const log = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const scheduler = createPassScheduler<number>({
        scope,
        delayMs: 100,
        takeChanges: () => null,
        changesPending: () => false,
        update: async (changes) => {
          updates.push(changes);
          if (updates.length <= 2) throw new Error('the page changed under the walk');
          return updates.length;
        },
        commit: async () => undefined,
      });
      scheduler.request([node('edited')]);
      await clock.runUntilIdle();
      // The changes the failed pass took are not lost: the next ones read everything.
      expect(updates).toEqual([[node('edited')], 'all', 'all']);
      expect(errors).toHaveLength(1);
    } finally {
      console.error = log;
    }
  });
});
