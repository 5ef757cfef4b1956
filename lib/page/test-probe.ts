/**
 * A one-way report of the content script's state for the end-to-end harness, which cannot
 * read it from the page any more (no status attributes, closed shadow roots).
 *
 * The harness adds a script of its own to its private copy of the build, ahead of the content
 * script, which defines `__claimnoteTestProbe` on the content script's global. That global
 * belongs to the extension's isolated world (Chromium) or sandbox (Firefox): page scripts can
 * neither define it there nor read it. In a shipped extension nothing defines it and
 * {@link publishTestState} does nothing.
 */

/** What the harness learns after every change of the scan state. */
export interface TestProbeState {
  /** The page passed the relevance check (active mode). */
  active: boolean;
  scanning: boolean;
  /** Every finding of the last pass, visible or not. */
  findings: number;
  /** Findings with a marker in the page now. */
  markers: number;
  /** Claim ids of those markers, sorted and distinct (frames the harness cannot read). */
  markerIds: string[];
  /** The document's random highlight name. */
  highlight: string | null;
  /** `location.href` of the frame, and whether it is the top frame. */
  url: string;
  top: boolean;
}

type Probe = (state: TestProbeState) => void;

/**
 * Hands `state` to the harness's probe, if one was installed in this world.
 * @param state the current state
 */
export function publishTestState(state: TestProbeState): void {
  const probe = (globalThis as { __claimnoteTestProbe?: unknown }).__claimnoteTestProbe;
  if (typeof probe !== 'function') return;
  try {
    (probe as Probe)(state);
  } catch {
    // A probe error must never break the page's notes.
  }
}
