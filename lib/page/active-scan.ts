import { type DomChanges, watchDom } from './dom-watcher';
import type { FindingLayer } from './finding-layer';
import type { Lifecycle } from './lifecycle';
import type { NoteInteraction } from './note-interaction';
import type { AnchoredFinding, PageDocument } from './page-document';
import { createPassScheduler } from './pass-scheduler';
import { runInSlices, type SliceEnvironment } from './slice-scheduler';
import { REVEAL_EVENTS, watchVisibilityChanges } from './visibility-recheck';

/** What {@link startActiveScan} wires together; the page controller passes its pieces. */
export interface ActiveScanOptions {
  document: Document;
  window: Window;
  /** The active mode's scope: everything started here ends with it. */
  scope: Lifecycle;
  pageDocument: PageDocument;
  layer: FindingLayer;
  notes: NoteInteraction;
  slices: SliceEnvironment;
  /** The DOM watcher's burst delay, in ms. */
  delayMs: number;
  /** The reader hid the notes: findings wait for no visibility change meanwhile. */
  hidden(): boolean;
  /**
   * Called with each flush before it becomes a pass; returns true when the flush is a
   * navigation the controller handles (it asks for a whole-page pass, which covers the flush).
   */
  navigated(): boolean;
  /** A pass started (the test probe shows "scanning"). */
  onPassStarted(): void;
  /** A pass's findings are on the page (probe, background report). */
  onPassShown(): void;
  /** Findings became visible after a pass, without a new one (probe). */
  onRevealed(): void;
}

/** The running active mode; it ends with its scope. */
export interface ActiveScan {
  /** Asks for a pass, with changes to hand to it (`'all'`: read the whole page). */
  request(changes?: DomChanges): void;
  /** A pass started and has not been shown yet. */
  readonly scanning: boolean;
  /** Runs `write` (Claimnote's own DOM writes) without it reaching the watcher. */
  withoutObserving(write: () => void): void;
}

/**
 * The active mode of a page: one DOM watcher whose flushes become passes (pass-scheduler.ts);
 * a pass brings the page document up to date and the finding layer shows what it found;
 * clicks and keys reach the notes; findings hidden at render time get their marker once they
 * become visible, and text hidden when it was walked is walked again once an interaction shows
 * it. The first pass reads the whole page, since nothing was recorded before.
 * @param options the mode's scope and the controller's collaborators
 */
export function startActiveScan(options: ActiveScanOptions): ActiveScan {
  const { scope, layer, notes, slices } = options;
  let scanning = false;
  const scheduler = createPassScheduler({
    scope,
    delayMs: options.delayMs,
    takeChanges: () => watcher.take(),
    changesPending: () => watcher.changesText(),
    update: async (changes, signal): Promise<AnchoredFinding[]> => {
      if (changes === 'all') options.pageDocument.markAllChanged();
      else if (changes !== null) options.pageDocument.markChanged(changes);
      scanning = true;
      options.onPassStarted();
      // No User Timing entries (performance.measure): page scripts read the same performance
      // timeline as the content script (measured in Chromium and Firefox), so named entries
      // would announce Claimnote and their details carried finding counts.
      return (await runInSlices(options.pageDocument.update(), slices, { signal })).value;
    },
    commit: async (found, signal) => {
      await runInSlices(layer.renderSteps(found), slices, { signal });
      scanning = false;
      options.onPassShown();
    },
  });
  const watcher = watchDom({
    window: options.window,
    target: options.document.documentElement,
    scope,
    watch: 'changed',
    delayMs: options.delayMs,
    onFlush: (changes) => {
      if (!options.navigated()) scheduler.request(changes);
    },
    busy: () => scheduler.busy,
  });
  scope.listen(options.document, 'click', (event) => notes.onDocumentClick(event as MouseEvent));
  scope.listen(options.document, 'keydown', (event) => notes.onDocumentKeydown(event as KeyboardEvent));
  const hasDeferred = () => !options.hidden() && !scheduler.running && layer.hasDeferred();
  watchVisibilityChanges({
    document: options.document,
    window: options.window,
    lifecycle: scope,
    hasDeferred,
    recheck: () => {
      if (hasDeferred() && layer.revealNowVisible()) options.onRevealed();
    },
  });
  // Hidden text shown by a class or style change gets a pass of its blocks after an interaction.
  let asking = false;
  watchVisibilityChanges({
    document: options.document,
    window: options.window,
    lifecycle: scope,
    events: REVEAL_EVENTS,
    hasDeferred: () => !asking && options.pageDocument.hasHidden(),
    recheck: () => {
      asking = true;
      runInSlices(options.pageDocument.shownSteps(), slices, { signal: scope.signal }).then(
        ({ value }) => {
          asking = false;
          if (value.length > 0) scheduler.request(value);
        },
        () => undefined,
      );
    },
  });
  scheduler.request('all');
  return {
    request: (changes) => scheduler.request(changes),
    get scanning() {
      return scanning;
    },
    withoutObserving: (write) => watcher.withoutObserving(write),
  };
}
