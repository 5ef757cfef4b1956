// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { startActiveScan } from '../../lib/page/active-scan';
import type { FindingLayer } from '../../lib/page/finding-layer';
import type { NoteInteraction } from '../../lib/page/note-interaction';
import type { AnchoredFinding, PageDocument } from '../../lib/page/page-document';
import { openScope } from '../../lib/page/scope';
import { mount } from './mount';
import { type VirtualClock, virtualClock } from './virtual-clock';

/** A page document and finding layer that record what the active scan asks of them. */
function recorders() {
  const calls: string[] = [];
  // What the next reveal check finds; null while nothing is hidden.
  let shown: Element[] | null = null;
  const pageDocument: PageDocument = {
    markChanged: (nodes) => calls.push(`changed ${nodes.length}`),
    markAllChanged: () => calls.push('all'),
    // biome-ignore lint/correctness/useYield: an update with nothing to match takes no step
    *update(): Generator<void, AnchoredFinding[], void> {
      calls.push('update');
      return [];
    },
    hasHidden: () => shown !== null,
    // biome-ignore lint/correctness/useYield: a check of one element takes no step
    *shownSteps(): Generator<void, Element[], void> {
      calls.push('shown?');
      const found = shown ?? [];
      shown = null;
      return found;
    },
  };
  let deferred = false;
  const layer = {
    rendered: [],
    // biome-ignore lint/correctness/useYield: rendering nothing takes no step
    *renderSteps() {
      calls.push('render');
    },
    hasDeferred: () => deferred,
    revealNowVisible: () => {
      calls.push('reveal');
      return true;
    },
  } as unknown as FindingLayer;
  const notes = {
    onDocumentClick: () => calls.push('click'),
    onDocumentKeydown: () => calls.push('key'),
  } as unknown as NoteInteraction;
  return {
    calls,
    pageDocument,
    layer,
    notes,
    defer: (on: boolean) => (deferred = on),
    hide: (elements: Element[] | null) => (shown = elements),
  };
}

let clock: VirtualClock | null = null;
afterEach(() => {
  clock?.invalidate();
  clock = null;
});

function start(options: { navigated?: () => boolean; hidden?: () => boolean } = {}) {
  clock = virtualClock();
  const scope = openScope(clock.lifecycle);
  const parts = recorders();
  const events: string[] = [];
  const scan = startActiveScan({
    document,
    window,
    scope,
    pageDocument: parts.pageDocument,
    layer: parts.layer,
    notes: parts.notes,
    slices: clock.slices,
    delayMs: 150,
    hidden: options.hidden ?? (() => false),
    navigated: options.navigated ?? (() => false),
    onPassStarted: () => events.push('started'),
    onPassShown: () => events.push('shown'),
    onRevealed: () => events.push('revealed'),
  });
  return { ...parts, scope, scan, events, clock };
}

describe('startActiveScan', () => {
  it('reads the whole page in its first pass, then shows it', async () => {
    mount('<p>Intrathecal pumps.</p>');
    const { calls, events, clock, scan } = start();
    expect(scan.scanning).toBe(true);
    await clock.runUntilIdle();
    expect(calls).toEqual(['all', 'update', 'render']);
    expect(events).toEqual(['started', 'shown']);
    expect(scan.scanning).toBe(false);
  });

  it('hands a burst of changes to one pass, and none when the flush was a navigation', async () => {
    const body = mount('<p>Intrathecal pumps.</p>');
    let navigation = false;
    const { calls, clock } = start({ navigated: () => navigation });
    await clock.runUntilIdle();
    calls.length = 0;
    body.append(document.createElement('p'), 'More text about the pump.');
    body.append('And more.');
    await clock.runUntilIdle();
    expect(calls.filter((call) => call === 'update')).toHaveLength(1);
    expect(calls[0]).toMatch(/^changed \d+$/);
    calls.length = 0;
    navigation = true;
    body.append('Text that came with a navigation.');
    await clock.runUntilIdle();
    expect(calls).toEqual([]);
  });

  it("routes the reader's clicks and keys to the notes", async () => {
    mount('<p>Intrathecal pumps.</p>');
    const { calls, clock } = start();
    await clock.runUntilIdle();
    calls.length = 0;
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(calls).toEqual(['click', 'key']);
  });

  it('after a click, hands what hidden text is shown now to one pass, and asks nothing while none is hidden', async () => {
    mount('<p>Intrathecal pumps.</p><div>Hidden answer.</div>');
    const { calls, clock, hide } = start();
    await clock.runUntilIdle();
    calls.length = 0;
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await clock.runUntilIdle();
    expect(calls).toEqual(['click']);
    calls.length = 0;
    hide([document.querySelector('div') as Element]);
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    document.body.dispatchEvent(new Event('transitionend', { bubbles: true }));
    await clock.runUntilIdle();
    expect(calls).toEqual(['click', 'shown?', 'changed 1', 'update', 'render']);
    calls.length = 0;
    hide([]);
    document.body.dispatchEvent(new Event('animationend', { bubbles: true }));
    await clock.runUntilIdle();
    expect(calls).toEqual(['shown?']);
  });

  it('leaves no listener, timer or pass once its scope closes', async () => {
    const body = mount('<p>Intrathecal pumps.</p>');
    const { calls, clock, scope } = start();
    expect(clock.listeners()).toBeGreaterThan(0);
    scope.close();
    body.append('A change after the mode ended.');
    await clock.runUntilIdle();
    expect(calls).toEqual(['all']);
    expect(clock.listeners()).toBe(0);
    expect(clock.pending()).toEqual({ timeouts: 0, slices: 0 });
  });
});
