// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { watchDom } from '../../lib/page/dom-watcher';
import { openScope } from '../../lib/page/scope';
import { mount } from './mount';
import { virtualClock } from './virtual-clock';

/** A window whose MutationObservers are counted while they observe. */
function countingWindow() {
  let observing = 0;
  class CountingObserver extends MutationObserver {
    override observe(target: Node, options?: MutationObserverInit): void {
      observing += 1;
      super.observe(target, options);
    }
    override disconnect(): void {
      observing -= 1;
      super.disconnect();
    }
  }
  return { window: { MutationObserver: CountingObserver } as unknown as Window, observing: () => observing };
}

describe('openScope', () => {
  it('removes every listener, timer and observer registered with it when it closes', async () => {
    mount('<p>Text</p>');
    const clock = virtualClock();
    const counted = countingWindow();
    const scope = openScope(clock.lifecycle);
    const calls: string[] = [];
    scope.listen(document, 'click', () => calls.push('click'));
    scope.listen(window, 'resize', () => calls.push('resize'), { passive: true });
    scope.setTimeout(() => calls.push('timeout'), 50);
    scope.onInvalidated(() => calls.push('closed'));
    watchDom({
      window: counted.window,
      target: document.documentElement,
      scope,
      watch: 'changed',
      onFlush: () => calls.push('flush'),
    });
    expect(clock.listeners()).toBe(2);
    expect(clock.pending().timeouts).toBe(1);
    expect(counted.observing()).toBe(1);

    scope.close();
    expect(clock.listeners()).toBe(0);
    expect(clock.pending().timeouts).toBe(0);
    expect(counted.observing()).toBe(0);
    document.dispatchEvent(new Event('click'));
    window.dispatchEvent(new Event('resize'));
    document.body.append('More text');
    await clock.runUntilIdle();
    expect(calls).toEqual(['closed']);
    // A closed scope takes nothing new.
    scope.setTimeout(() => calls.push('late'), 1);
    scope.listen(document, 'click', () => calls.push('late click'));
    await clock.runUntilIdle();
    document.dispatchEvent(new Event('click'));
    expect(calls).toEqual(['closed']);
    clock.invalidate();
  });

  it('closes with the lifecycle it was opened in, nested scopes too, and leaves the parent alone', async () => {
    const clock = virtualClock();
    const outer = openScope(clock.lifecycle);
    const inner = openScope(outer);
    const calls: string[] = [];
    outer.setTimeout(() => calls.push('outer'), 10);
    inner.setTimeout(() => calls.push('inner'), 10);
    inner.listen(document, 'click', () => calls.push('inner click'));
    inner.close();
    expect(outer.signal.aborted).toBe(false);
    document.dispatchEvent(new Event('click'));
    await clock.runUntilIdle();
    expect(calls).toEqual(['outer']);

    const again = openScope(outer);
    again.listen(document, 'click', () => calls.push('again click'));
    clock.invalidate();
    expect(outer.signal.aborted).toBe(true);
    expect(again.signal.aborted).toBe(true);
    expect(clock.listeners()).toBe(0);
    document.dispatchEvent(new Event('click'));
    expect(calls).toEqual(['outer']);
  });
});
