import { describe, expect, it } from 'vitest';
import { runInSlices, type SliceEnvironment } from '../../lib/page/slice-scheduler';

/** A fake clock and a queue of requested slices, run by the test one at a time. */
function fakeEnvironment() {
  let time = 0;
  const queue: (() => void)[] = [];
  const env: SliceEnvironment = {
    now: () => time,
    requestSlice: (callback) => queue.push(callback),
  };
  return {
    env,
    advance: (ms: number) => {
      time += ms;
    },
    queue,
    runNext: () => queue.shift()?.(),
  };
}

/** A task of `steps` steps, each taking `stepMs` on the fake clock. */
function* work(steps: number, stepMs: number, advance: (ms: number) => void): Generator<void, string, void> {
  for (let i = 0; i < steps; i += 1) {
    advance(stepMs);
    yield;
  }
  return 'done';
}

describe('runInSlices', () => {
  it('stops each slice at the first step past the budget and resumes in the next slice', async () => {
    const fake = fakeEnvironment();
    const promise = runInSlices(work(20, 3, fake.advance), fake.env, { budgetMs: 8 });
    let slices = 0;
    while (fake.queue.length > 0) {
      slices += 1;
      fake.runNext();
    }
    const { value, stats } = await promise;
    expect(value).toBe('done');
    // 3 steps (9 ms) per slice: 20 steps need 7 slices.
    expect(slices).toBe(7);
    expect(stats.slices).toBe(7);
    expect(stats.longestSliceMs).toBe(9);
    expect(stats.busyMs).toBe(60);
  });

  it('does no work before the first slice is granted', () => {
    const fake = fakeEnvironment();
    let started = false;
    function* task(): Generator<void, void, void> {
      started = true;
      yield;
    }
    void runInSlices(task(), fake.env);
    expect(started).toBe(false);
    expect(fake.queue).toHaveLength(1);
  });

  it('lets one step longer than the budget run whole (steps must be small)', async () => {
    const fake = fakeEnvironment();
    const promise = runInSlices(work(2, 30, fake.advance), fake.env, { budgetMs: 8 });
    while (fake.queue.length > 0) fake.runNext();
    expect((await promise).stats.longestSliceMs).toBe(30);
  });

  it('stops and rejects when its signal is aborted between slices, closing the task', async () => {
    const fake = fakeEnvironment();
    let closed = false;
    function* task(): Generator<void, void, void> {
      try {
        for (;;) {
          fake.advance(5);
          yield;
        }
      } finally {
        closed = true;
      }
    }
    const controller = new AbortController();
    const promise = runInSlices(task(), fake.env, { budgetMs: 8, signal: controller.signal });
    fake.runNext();
    controller.abort(new Error('teardown'));
    fake.runNext();
    await expect(promise).rejects.toThrow('teardown');
    expect(closed).toBe(true);
    expect(fake.queue).toHaveLength(0);
  });

  it('rejects as soon as its signal aborts, and hands the signal to every slice request', async () => {
    const requests: { callback: () => void; signal: AbortSignal | undefined }[] = [];
    let time = 0;
    const env: SliceEnvironment = {
      now: () => time,
      requestSlice: (callback, signal) => requests.push({ callback, signal }),
    };
    const controller = new AbortController();
    let closed = false;
    function* task(): Generator<void, void, void> {
      try {
        for (;;) {
          time += 10;
          yield;
        }
      } finally {
        closed = true;
      }
    }
    const promise = runInSlices(task(), env, { signal: controller.signal });
    requests.shift()?.callback();
    expect(requests.map((request) => request.signal)).toEqual([controller.signal]);
    controller.abort(new Error('paused'));
    // The pending slice has not run (its environment drops it with the signal): the task is
    // closed and the promise rejected now.
    await expect(promise).rejects.toThrow('paused');
    expect(closed).toBe(true);
  });

  it('rejects with the error a step throws', async () => {
    const fake = fakeEnvironment();
    function* task(): Generator<void, void, void> {
      yield;
      throw new Error('broken step');
    }
    const promise = runInSlices(task(), fake.env);
    while (fake.queue.length > 0) fake.runNext();
    await expect(promise).rejects.toThrow('broken step');
  });
});
