import { markerButton } from '../../lib/page/markers';
import { ownShadowRoot } from '../../lib/page/shadow-host';
import type { TestProbeState } from '../../lib/page/test-probe';
import { createPinWriter, type PinWriter } from '../../lib/storage/pin-writer';
import { applyPinChanges, getPinnedPublishers, watchPinnedPublishers } from '../../lib/storage/storage';
import { createReportGate, type ReportGate } from '../../lib/ui/note/report-gate';

/**
 * Test helpers for Claimnote's closed in-page UI: the content script reaches its roots through
 * `ownShadowRoot`, and so do these tests (page scripts cannot).
 */

/** Marker hosts in the document, in document order. */
export function ownMarkers(root: ParentNode = document): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('span')].filter((element) => markerButton(element) !== null);
}

/** A data attribute of a marker (kept on its button inside the closed root). */
export function markerData(marker: Element, name: 'claim-id' | 'verdict' | 'finding'): string | null {
  return markerButton(marker)?.getAttribute(`data-${name}`) ?? null;
}

/** The note layer's host on `<html>`, or null while no card was ever opened. */
export function layerHost(): HTMLElement | null {
  return (
    ([...document.documentElement.children].find((element) => ownShadowRoot(element) !== null) as
      | HTMLElement
      | undefined) ?? null
  );
}

/** The note layer's closed root, or null. */
export function layerRoot(): ShadowRoot | null {
  const host = layerHost();
  return host ? ownShadowRoot(host) : null;
}

/**
 * happy-dom has no `isTrusted`; browsers set it on every event the reader or the browser
 * causes, including `focus()` and `click()` called by the content script's own code. This makes
 * every event trusted by default, as for a reader; {@link untrusted} marks one as forged.
 */
export function trustEventsByDefault(): void {
  Object.defineProperty(window.Event.prototype, 'isTrusted', { configurable: true, get: () => true });
}

/** Marks an event as coming from a page script. */
export function untrusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: false });
  return event;
}

/** Records the states the content script publishes to the test probe. */
export function recordProbeStates(): TestProbeState[] {
  const states: TestProbeState[] = [];
  (globalThis as { __claimnoteTestProbe?: unknown }).__claimnoteTestProbe = (state: TestProbeState) =>
    states.push(state);
  return states;
}

/** A clock for the page UI's pin writer and report gate. */
export interface UiTestClock {
  now(): number;
  setTimeout(cb: () => void, ms: number): void;
}

/** Real timers, cleared when `signal` aborts. */
function realClock(signal: AbortSignal): UiTestClock {
  return {
    now: () => performance.now(),
    setTimeout: (cb, ms) => {
      const id = setTimeout(cb, ms);
      signal.addEventListener('abort', () => clearTimeout(id));
    },
  };
}

/**
 * Page UI options for tests: real storage (fake browser), timers scoped to `signal`.
 * @param clock the test's virtual clock (virtual-clock.ts); real timers without one
 */
export function testUiOptions(
  signal: AbortSignal,
  clock: UiTestClock = realClock(signal),
): { pins: PinWriter; reports: ReportGate } {
  return {
    pins: createPinWriter({
      store: { get: getPinnedPublishers, apply: applyPinChanges, watch: watchPinnedPublishers },
      clock,
      signal,
      quietMs: 0,
      minIntervalMs: 0,
    }),
    reports: createReportGate({ now: () => clock.now() }),
  };
}
