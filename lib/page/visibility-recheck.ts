import type { Lifecycle } from './lifecycle';

/**
 * Events after which text the reader could not see may have become visible without a DOM
 * mutation that the scanner's observer records: a fade-in or slide-in ending, a class toggle
 * on click ("read more"), a scroll container or the window scrolling or resizing. Listeners
 * are on the page's document in the capture phase, so events inside scroll containers and
 * shadow-free subtrees reach them; they only arm a timer.
 */
const RECHECK_EVENTS = ['transitionend', 'animationend', 'click', 'scroll'] as const;

/**
 * The events among those after which hidden content may be shown (display or visibility
 * changing with a class or style): scrolling shows what was off screen, not what was hidden.
 */
export const REVEAL_EVENTS = ['transitionend', 'animationend', 'click'] as const;

/** Wait between such an event and the re-check, in ms: bursts (scrolling) cost one check. */
const RECHECK_DELAY_MS = 250;

/** Options of {@link watchVisibilityChanges}. */
export interface VisibilityRecheckOptions {
  document: Document;
  window: Window;
  lifecycle: Lifecycle;
  /** True while something waits to become visible (findings, hidden text); no timer is armed otherwise. */
  hasDeferred(): boolean;
  /** Re-tests the waiting findings. */
  recheck(): void;
  /** The events to follow; all of the above (and the window's resize) by default. */
  events?: readonly (typeof RECHECK_EVENTS)[number][];
}

/**
 * Calls `recheck` shortly after any of the events above, while findings wait for visibility.
 * Everything it registers ends with the lifecycle.
 * @param options page, lifecycle and callbacks
 */
export function watchVisibilityChanges(options: VisibilityRecheckOptions): void {
  const { lifecycle } = options;
  let armed = false;
  const arm = () => {
    if (armed || !options.hasDeferred() || lifecycle.signal.aborted) return;
    armed = true;
    lifecycle.setTimeout(() => {
      armed = false;
      if (options.hasDeferred()) options.recheck();
    }, RECHECK_DELAY_MS);
  };
  for (const type of options.events ?? RECHECK_EVENTS) {
    lifecycle.listen(options.document, type, arm, { capture: true, passive: true });
  }
  if (options.events === undefined) lifecycle.listen(options.window, 'resize', arm, { passive: true });
}
