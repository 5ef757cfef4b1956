import type { ClaimNote } from '../claims/claim-list';
import type { Verdict } from '../claims/schema';
import type { RelevanceGate } from '../matching/relevance-gate';
import type { FindingSummary, PageState } from '../messaging/messages';
import type { PageUi } from '../ui/page-ui';
import { type DomChanges, type DomWatcher, watchDom } from './dom-watcher';
import { createFindingLayer, type FindingLayer, type RenderedFinding } from './finding-layer';
import type { HiddenPredicate } from './hidden';
import { createHighlightPainter, type HighlightPainter } from './highlights';
import type { IncrementalScanner, PageMatcher } from './incremental-scanner';
import type { Lifecycle } from './lifecycle';
import { createNoteInteraction, type NoteInteraction } from './note-interaction';
import { isOwnElement } from './own-elements';
import { type AnchoredFinding, createPageDocument, type PageDocument } from './page-document';
import { createReportSender, frameReport, pageState, probeState, type ReportSender } from './page-report';
import { createPassScheduler, type PassScheduler } from './pass-scheduler';
import { watchForRelevance } from './relevance-watch';
import { openScope, type Scope } from './scope';
import { runInSlices, type SliceEnvironment } from './slice-scheduler';
import { publishTestState } from './test-probe';
import { watchVisibilityChanges } from './visibility-recheck';
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
  scanner: IncrementalScanner;
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

/**
 * Runs Claimnote on one page (one frame): relevance check, extraction, matching, highlights,
 * markers, note cards, and incremental rescans. See {@link PageMode} for what runs when.
 */
export class PageController {
  private mode: PageMode = 'dormant';
  private hidden = false;
  private started = false;
  private scanning = false;
  private ui: PageUi | null = null;
  private painter: HighlightPainter | null = null;
  /** Owns everything the current mode registered: closing it ends the mode's work. */
  private modeScope: Scope | null = null;
  /** The active mode's DOM watcher and pass scheduler; null in the other modes. */
  private watcher: DomWatcher | null = null;
  private scheduler: PassScheduler | null = null;
  private lastUrl: string;
  private readonly doc: Document;
  private readonly view: Window;
  private readonly pageDocument: PageDocument;
  private readonly layer: FindingLayer;
  private readonly notesUi: NoteInteraction;
  private readonly reports: ReportSender;

  /** @param options environment and collaborators */
  constructor(private readonly options: PageControllerOptions) {
    this.doc = options.document;
    this.view = options.window;
    this.pageDocument = createPageDocument({
      root: () => this.doc.body,
      extract: { isHidden: options.isHidden, isOwnElement, defersRendering: options.defersRendering },
      scanner: options.scanner,
    });
    this.lastUrl = this.view.location.href;
    this.layer = createFindingLayer({
      document: this.doc,
      window: this.view,
      ui: () => this.ui,
      painter: () => this.painter,
      createVisibilityTest: options.createVisibilityTest,
      markerText: options.markerText,
      markerLabel: options.markerLabel,
      hidden: () => this.hidden,
      withoutObserving: (write) => this.withoutObserving(write),
      onMarker: (marker, how) => this.notesUi.onMarker(marker, how),
    });
    this.notesUi = createNoteInteraction({
      document: this.doc,
      window: this.view,
      notes: options.notes,
      ui: () => this.ui,
      findings: this.layer,
      showing: () => this.mode === 'active' && !this.hidden,
      highlighted: () => this.painter?.supported === true,
    });
    this.reports = createReportSender(options.report);
  }

  /** Current mode, for tests and the popup. */
  get currentMode(): PageMode {
    return this.mode;
  }

  /**
   * Starts on the page: one cheap relevance check, then either a first pass or a dormant watch.
   * Registers teardown on the lifecycle.
   * @param paused whether the reader paused this site
   * @param knownRelevant the content script's own check just passed: skip the repeat, which on
   *   a page of a million nodes costs one more full read of its text
   */
  start(paused: boolean, knownRelevant = false): void {
    if (!this.started) {
      this.started = true;
      const { lifecycle } = this.options;
      lifecycle.onInvalidated(() => this.teardown());
      // Followed in every mode: a dormant page's watch follows navigations itself, but the
      // note and the last report belong to the page that was left.
      lifecycle.listen(this.view, 'wxt:locationchange', () => this.onLocationChange());
    }
    // A watch from an earlier start ends with its mode's scope, so it cannot activate this one.
    const scope = this.enterMode(paused ? 'paused' : 'dormant');
    if (paused) return;
    if (knownRelevant) {
      this.activate();
      return;
    }
    watchForRelevance({
      document: this.doc,
      window: this.view,
      gate: this.options.gate,
      lifecycle: scope,
      slices: this.options.slices,
      flushDelayMs: this.options.flushDelayMs,
      onRelevant: () => {
        if (this.modeScope === scope) this.activate();
      },
    });
  }

  /**
   * Pauses (removes everything from the page, stops watching) or resumes.
   * @param paused the site's pause state
   */
  setPaused(paused: boolean): void {
    if (paused === (this.mode === 'paused')) return;
    if (paused) {
      // Teardown closes the mode's scope, so a relevance watch still running cannot activate later.
      this.teardown();
      this.enterMode('paused');
      this.sendReport(true);
    } else {
      this.start(false);
    }
  }

  /**
   * Hides or shows the notes on this page (highlights, markers, card). Scanning goes on, so the
   * badge and popup stay right.
   * @param hidden true to hide
   */
  setHidden(hidden: boolean): void {
    if (hidden === this.hidden) return;
    this.hidden = hidden;
    if (hidden) this.clearRendering();
    else if (this.mode === 'active') this.requestPass();
  }

  /** The state the popup shows. */
  getState(): PageState {
    const mode = { active: this.mode === 'active', paused: this.mode === 'paused', hidden: this.hidden };
    return pageState(this.view.location, mode, this.rendered);
  }

  /**
   * Scrolls to a finding and opens its note (popup "show me").
   * @param index finding index as reported
   * @returns false when the finding is gone or notes are hidden
   */
  reveal(index: number): boolean {
    return this.notesUi.reveal(index);
  }

  /**
   * Leaves the current mode (its scope closes: listeners, timers, observers and a running pass
   * end) and opens a scope for `mode`.
   */
  private enterMode(mode: PageMode): Scope {
    this.modeScope?.close();
    this.watcher = null;
    this.scheduler = null;
    this.mode = mode;
    this.modeScope = openScope(this.options.lifecycle);
    return this.modeScope;
  }

  private activate(): void {
    const scope = this.enterMode('active');
    if (this.ui === null) this.ui = this.options.createUi();
    if (this.painter === null) this.painter = createHighlightPainter(this.doc, this.view);
    scope.listen(this.doc, 'click', (event) => this.onDocumentClick(event as MouseEvent));
    scope.listen(this.doc, 'keydown', (event) => this.onDocumentKeydown(event as KeyboardEvent));
    watchVisibilityChanges({
      document: this.doc,
      window: this.view,
      lifecycle: scope,
      hasDeferred: () => this.hasDeferred(),
      recheck: () => this.revealNowVisible(),
    });
    this.observe(scope);
    // Nothing was recorded while the page was dormant or paused: the first pass reads it all.
    this.scheduler?.request('all');
  }

  /** Starts the active mode's DOM watcher and pass scheduler, both ending with `scope`. */
  private observe(scope: Scope): void {
    const delayMs = this.options.flushDelayMs ?? 150;
    const scheduler = createPassScheduler({
      scope,
      delayMs,
      takeChanges: () => watcher.take(),
      changesPending: () => watcher.changesText(),
      update: (changes, signal) => this.runPass(changes, signal),
      commit: (found, signal) => this.showPass(found, signal),
    });
    const watcher = watchDom({
      window: this.view,
      target: this.doc.documentElement,
      scope,
      watch: 'changed',
      delayMs,
      onFlush: (changes) => this.flush(changes),
      busy: () => scheduler.busy,
    });
    this.watcher = watcher;
    this.scheduler = scheduler;
  }

  /** A pass runs (for visibility re-checks, which wait for it). */
  private get passRunning(): boolean {
    return this.scheduler?.running ?? false;
  }

  /** Tells the end-to-end harness's probe (if any) where the scan stands; see test-probe.ts. */
  private publishState(): void {
    const scan = {
      active: this.mode === 'active',
      scanning: this.scanning,
      highlight: this.painter?.name ?? null,
    };
    publishTestState(probeState(this.view, scan, this.rendered));
  }

  /** A burst of mutations that may have changed the text (dom-watcher.ts). */
  private flush(changes: DomChanges): void {
    // Navigations often come with mutations, well before WXT's once-a-second address check;
    // the whole-page pass a navigation asks for covers these changes.
    if (this.view.location.href !== this.lastUrl) this.onLocationChange();
    else this.scheduler?.request(changes);
  }

  private onLocationChange(): void {
    if (this.view.location.href === this.lastUrl) return;
    this.lastUrl = this.view.location.href;
    this.ui?.closeNote(false);
    // A client-side navigation may leave no relevant text: report afresh after the next pass.
    this.lastReport = '';
    // A dormant page's relevance watch follows navigations itself.
    if (this.mode === 'active') this.scheduler?.request('all');
  }

  private requestPass(): void {
    this.scheduler?.request();
  }

  /** A pass's first phase (pass-scheduler.ts): the document takes the changes and is updated. */
  private async runPass(changes: DomChanges | null, signal: AbortSignal): Promise<AnchoredFinding[]> {
    if (changes === 'all') this.pageDocument.markAllChanged();
    else if (changes !== null) this.pageDocument.markChanged(changes);
    this.scanning = true;
    this.publishState();
    // No User Timing entries (performance.measure): page scripts read the same performance
    // timeline as the content script (measured in Chromium and Firefox), so named entries
    // would announce Claimnote and their details carried finding counts.
    const { value } = await runInSlices(this.pageDocument.update(), this.options.slices, { signal });
    return value;
  }

  /** A pass's second phase, for an update the page did not outrun: render and report. */
  private async showPass(found: readonly AnchoredFinding[], signal: AbortSignal): Promise<void> {
    await runInSlices(this.renderSteps(found), this.options.slices, { signal });
    this.scanning = false;
    this.publishState();
    this.sendReport(false);
  }

  /** Runs `write` without its own DOM changes reaching the mutation queue. */
  private withoutObserving(write: () => void): void {
    if (this.watcher === null) write();
    else this.watcher.withoutObserving(write);
  }

  /** Shows a pass's findings, as steps for the slicer (finding-layer.ts). */
  private renderSteps(anchored: readonly AnchoredFinding[]): Generator<void, void, void> {
    return this.layer.renderSteps(anchored);
  }

  /** True while some finding waits to become visible before it gets a marker and highlight. */
  private hasDeferred(): boolean {
    return this.mode === 'active' && !this.hidden && !this.passRunning && this.layer.hasDeferred();
  }

  /** Gives findings that have become visible their marker and highlight, without a new pass. */
  private revealNowVisible(): void {
    if (this.hasDeferred() && this.layer.revealNowVisible()) this.publishState();
  }

  private clearRendering(): void {
    this.layer.clear();
  }

  private onDocumentClick(event: MouseEvent): void {
    this.notesUi.onDocumentClick(event);
  }

  private onDocumentKeydown(event: KeyboardEvent): void {
    this.notesUi.onDocumentKeydown(event);
  }

  private sendReport(force: boolean): void {
    this.reports.send(this.view.location.href, frameReport(this.mode === 'active', this.rendered), force);
  }

  /** The finding layer's findings; teardown's `this.rendered = []` forgets them. */
  private get rendered(): readonly RenderedFinding[] {
    return this.layer.rendered;
  }

  private set rendered(_none: readonly []) {
    this.layer.forget();
  }

  /** Navigation and teardown set `this.lastReport = ''` so the next report is sent. */
  private set lastReport(_none: '') {
    this.reports.forget();
  }

  /** Removes everything Claimnote added and stops all work (pause, invalidation). */
  private teardown(): void {
    this.modeScope?.close();
    this.modeScope = null;
    this.watcher = null;
    this.scheduler = null;
    this.clearRendering();
    this.rendered = [];
    this.ui?.destroy();
    this.ui = null;
    this.painter = null;
    this.lastReport = '';
  }
}
