import type { ClaimNote } from '../claims/claim-list';
import type { Verdict } from '../claims/schema';
import type { RelevanceGate } from '../matching/relevance-gate';
import type { FindingSummary } from '../messaging/messages';
import type { PageUi } from '../ui/page-ui';
import type { HiddenPredicate } from './hidden';
import type { Lifecycle } from './lifecycle';
import type { PageMatcher } from './page-document';
import type { SliceEnvironment } from './slice-scheduler';
import type { VisibilityTest } from './visible-text';

/**
 * What the content script does on a page, in three modes:
 * - `dormant`: the page failed the cheap relevance check. Nothing is extracted or matched; the
 *   same watch as the content script's (relevance-watch.ts) tests changed text until it passes.
 *   No UI host, no style, no marker exists.
 * - `active`: the page has relevant vocabulary. Text is extracted and matched in time slices,
 *   findings get highlights and markers, and the DOM watcher's flushes (dom-watcher.ts) start
 *   incremental passes (pass-scheduler.ts).
 * - `paused`: the reader paused Claimnote on this site. Nothing runs until resumed.
 *
 * Each mode owns a scope (scope.ts) opened in the content script's lifecycle: every listener,
 * timer, observer and pass of the mode registers with it, and changing mode closes it.
 */
export type PageMode = 'dormant' | 'active' | 'paused';

/** Everything the controller needs from its environment; the content script passes the real ones. */
export interface PageControllerOptions {
  document: Document;
  window: Window;
  matcher: PageMatcher;
  /** The claim list's relevance gate, for a dormant page. */
  gate: RelevanceGate;
  /** Note text per claim id. */
  notes: ReadonlyMap<string, ClaimNote>;
  isHidden: HiddenPredicate;
  /**
   * Makes a test of whether the reader can see a sentence (visible-text.ts); called once per
   * render, since layout changes between renders. Findings that fail it get no marker and no
   * highlight until they pass.
   */
  createVisibilityTest(): VisibilityTest;
  /** Elements whose content the browser renders lazily (see ExtractOptions.defersRendering). */
  defersRendering?: (element: Element) => boolean;
  lifecycle: Lifecycle;
  slices: SliceEnvironment;
  /** Creates the UI host; called once the page passes the relevance check. */
  createUi(): PageUi;
  markerText(verdict: Verdict): string;
  markerLabel(verdict: Verdict): string;
  /** Sends this frame's findings to the background (badge, popup). */
  report(url: string, count: number, findings: FindingSummary[]): void;
  /**
   * Delay between the first recorded mutation and the pass it triggers, in ms: bursts of
   * mutations (a framework rendering a list) land in one batch.
   * @default 150
   */
  flushDelayMs?: number;
}
