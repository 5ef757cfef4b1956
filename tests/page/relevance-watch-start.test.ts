// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createRelevanceGate } from '../../lib/matching/relevance-gate';
import type { Lifecycle } from '../../lib/page/lifecycle';
import { watchForRelevance } from '../../lib/page/relevance-watch';
import type { SliceEnvironment } from '../../lib/page/slice-scheduler';
import { mount } from './mount';

// What the watch does in the content script's own task, before any timer or slice runs: the
// order matters for cost (every page pays it) and for correctness (no text may slip between
// the first check and the observer).

const gate = createRelevanceGate({
  open: ['intrathecal', 'baclofen'],
  pump: ['pump'],
  pumpContext: ['morphin'],
  otherDevice: [],
});

/** Everything the watch asks of its environment, recorded; timers and slices run by hand. */
function recordingEnvironment() {
  const log: string[] = [];
  const timers: (() => void)[] = [];
  const slices: (() => void)[] = [];
  const controller = new AbortController();
  let observers = 0;
  let clock = 0;
  class RecordingObserver extends MutationObserver {
    constructor(callback: MutationCallback) {
      super(callback);
      observers += 1;
      log.push('observer');
    }
    override observe(target: Node, options?: MutationObserverInit): void {
      log.push('observe');
      super.observe(target, options);
    }
  }
  const lifecycle: Lifecycle = {
    signal: controller.signal,
    setTimeout: (handler) => {
      log.push('timeout');
      timers.push(handler);
    },
    listen: (_target, type) => log.push(`listen ${type}`),
    onInvalidated: () => log.push('onInvalidated'),
  };
  const sliceEnv: SliceEnvironment = {
    // Each reading of the clock advances it 5 ms, so an 8 ms slice holds two steps.
    now: () => {
      clock += 5;
      return clock;
    },
    requestSlice: (callback) => {
      log.push('slice');
      slices.push(callback);
    },
  };
  const view = { MutationObserver: RecordingObserver } as unknown as Window;
  let relevant = 0;
  const start = () =>
    watchForRelevance({
      document,
      window: view,
      gate,
      lifecycle,
      slices: sliceEnv,
      onRelevant: () => {
        relevant += 1;
        log.push('relevant');
      },
      flushDelayMs: 5,
    });
  /** Runs the queued timers and slices (and what they queue) until none is left. */
  const drain = async () => {
    for (let round = 0; round < 100; round++) {
      // Mutation records and promise continuations are delivered in microtasks.
      for (let i = 0; i < 5; i++) await Promise.resolve();
      const next = slices.shift() ?? timers.shift();
      if (next === undefined) return;
      next();
    }
    throw new Error('the watch kept scheduling work');
  };
  return {
    log,
    start,
    drain,
    observers: () => observers,
    relevant: () => relevant,
    pendingSlices: () => slices.length,
    abort: () => controller.abort(),
  };
}

describe('watchForRelevance: the start', () => {
  it('checks a small relevant page at once and sets up nothing else', () => {
    mount('<p>Her baclofen pump was refilled.</p>');
    const env = recordingEnvironment();
    env.start();
    // Reported before watchForRelevance returned: no slice, timer, observer or listener.
    expect(env.log).toEqual(['relevant']);
    expect(env.observers()).toBe(0);
  });

  it('checks a small irrelevant page at once, then watches, and asks for no slice', async () => {
    mount('<p>Tomatoes need sun.</p>');
    const env = recordingEnvironment();
    env.start();
    expect(env.log).toEqual(['observer', 'observe']);
    expect(env.relevant()).toBe(0);
    // The observer sees text added later.
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'An intrathecal pump' }));
    await env.drain();
    expect(env.relevant()).toBe(1);
    expect(env.log).not.toContain('slice');
    env.abort();
  });

  it('listens for navigations from the first change of the page on', async () => {
    mount('<p>Tomatoes need sun.</p>');
    const env = recordingEnvironment();
    env.start();
    expect(env.log).not.toContain('listen wxt:locationchange');
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'Compost well.' }));
    await env.drain();
    expect(env.log).toContain('listen wxt:locationchange');
    expect(env.relevant()).toBe(0);
    env.abort();
  });

  it('checks the whole page at the first change when the address changed before it', async () => {
    const start = location.href;
    mount('<p>The pump is quiet.</p>');
    const env = recordingEnvironment();
    try {
      env.start();
      history.pushState({}, '', '/next-article');
      // The context is in a text of its own: only a whole-page check reads it with the pump.
      document.body.append(Object.assign(document.createElement('p'), { textContent: 'It holds morphine.' }));
      await env.drain();
      expect(env.relevant()).toBe(1);
    } finally {
      env.abort();
      history.replaceState({}, '', start);
    }
  });

  it('counts a bare pump seen at the start with its context added later in the same text', async () => {
    const body = mount('<p id="p">The pump is quiet.</p>');
    const env = recordingEnvironment();
    env.start();
    expect(env.relevant()).toBe(0);
    const text = body.querySelector('#p')?.firstChild as Text;
    text.data = 'The pump is quiet; it holds morphine.';
    await env.drain();
    expect(env.relevant()).toBe(1);
    env.abort();
  });

  it('checks the first piece of a large page at once and the rest in slices, watching first', async () => {
    const body = mount('<p></p>');
    // Six pieces of 256,000 characters; the relevant word is in the last one.
    body.firstChild?.appendChild(document.createTextNode(`${'seeds '.repeat(250_000)}baclofen`));
    const env = recordingEnvironment();
    env.start();
    // The observer is in place before the first slice is asked for, so text added while the
    // slices run is seen too.
    expect(env.log).toEqual(['observer', 'observe', 'slice']);
    expect(env.relevant()).toBe(0);
    await env.drain();
    expect(env.relevant()).toBe(1);
    // Five pieces left, two per slice.
    expect(env.log.filter((entry) => entry === 'slice')).toHaveLength(3);
  });

  it('sees text added while a large page is still being checked in slices', async () => {
    const body = mount('<p></p>');
    body.firstChild?.appendChild(document.createTextNode('seeds '.repeat(100_000)));
    const env = recordingEnvironment();
    env.start();
    expect(env.pendingSlices()).toBe(1);
    body.append(Object.assign(document.createElement('p'), { textContent: 'intrathecal' }));
    await env.drain();
    expect(env.relevant()).toBe(1);
    env.abort();
  });

  it('watches a document without a body and checks the body when it is added', async () => {
    const saved = document.body;
    saved.remove();
    const env = recordingEnvironment();
    try {
      env.start();
      expect(env.log).toEqual(['observer', 'observe']);
      const body = document.createElement('body');
      body.append(Object.assign(document.createElement('p'), { textContent: 'intrathecal' }));
      document.documentElement.append(body);
      await env.drain();
      expect(env.relevant()).toBe(1);
    } finally {
      env.abort();
      if (document.body !== saved) document.body?.remove();
      document.documentElement.append(saved);
    }
  });
});
