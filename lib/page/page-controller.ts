import type { PageState } from '../messaging/messages';
import type { PageUi } from '../ui/page-ui';
import { type ActiveScan, startActiveScan } from './active-scan';
import { createFindingLayer, type FindingLayer } from './finding-layer';
import { createHighlightPainter, type HighlightPainter } from './highlights';
import { createNoteInteraction, type NoteInteraction } from './note-interaction';
import { isOwnElement } from './own-elements';
import type { PageControllerOptions, PageMode } from './page-controller-options';
import { createPageDocument, type PageDocument } from './page-document';
import { createReportSender, frameReport, pageState, probeState, type ReportSender } from './page-report';
import { watchForRelevance } from './relevance-watch';
import { openScope, type Scope } from './scope';
import { publishTestState } from './test-probe';

/**
 * Runs Claimnote on one page (one frame): which mode it is in, and the popup's requests. The
 * work of the active mode is active-scan.ts; findings on the page, finding-layer.ts; the
 * note card's interaction, note-interaction.ts. See {@link PageMode} for what runs when.
 */
export class PageController {
  private mode: PageMode = 'dormant';
  private hidden = false;
  private started = false;
  private ui: PageUi | null = null;
  private painter: HighlightPainter | null = null;
  /** Owns everything the current mode registered: closing it ends the mode's work. */
  private modeScope: Scope | null = null;
  /** The active mode's scan; null in the other modes. */
  private active: ActiveScan | null = null;
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
    this.lastUrl = this.view.location.href;
    this.pageDocument = createPageDocument({
      root: () => this.doc.body,
      extract: { isHidden: options.isHidden, isOwnElement, defersRendering: options.defersRendering },
      matcher: options.matcher,
    });
    this.layer = createFindingLayer({
      document: this.doc,
      window: this.view,
      ui: () => this.ui,
      painter: () => this.painter,
      createVisibilityTest: options.createVisibilityTest,
      markerText: options.markerText,
      markerLabel: options.markerLabel,
      hidden: () => this.hidden,
      withoutObserving: (write) => (this.active === null ? write() : this.active.withoutObserving(write)),
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
    if (hidden) this.layer.clear();
    else this.active?.request();
  }

  /** The state the popup shows. */
  getState(): PageState {
    const mode = { active: this.mode === 'active', paused: this.mode === 'paused', hidden: this.hidden };
    return pageState(this.view.location, mode, this.layer.rendered);
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
    this.active = null;
    this.mode = mode;
    this.modeScope = openScope(this.options.lifecycle);
    return this.modeScope;
  }

  private activate(): void {
    const scope = this.enterMode('active');
    if (this.ui === null) this.ui = this.options.createUi();
    if (this.painter === null) this.painter = createHighlightPainter(this.doc, this.view);
    this.active = startActiveScan({
      document: this.doc,
      window: this.view,
      scope,
      pageDocument: this.pageDocument,
      layer: this.layer,
      notes: this.notesUi,
      slices: this.options.slices,
      delayMs: this.options.flushDelayMs ?? 150,
      hidden: () => this.hidden,
      // Navigations often come with mutations, well before WXT's once-a-second address check.
      navigated: () => this.onLocationChange(),
      // The first pass starts inside startActiveScan, before `this.active` is set: say it.
      onPassStarted: () => this.publishState(true),
      onPassShown: () => {
        this.publishState(false);
        this.sendReport(false);
      },
      onRevealed: () => this.publishState(),
    });
  }

  /**
   * After a client-side navigation: the note belongs to the page that was left, and the next
   * pass reads the whole page.
   * @returns whether the address changed
   */
  private onLocationChange(): boolean {
    if (this.view.location.href === this.lastUrl) return false;
    this.lastUrl = this.view.location.href;
    this.ui?.closeNote(false);
    // A client-side navigation may leave no relevant text: report afresh after the next pass.
    this.reports.forget();
    // A dormant page's relevance watch follows navigations itself.
    this.active?.request('all');
    return true;
  }

  /**
   * Tells the end-to-end harness's probe (if any) where the scan stands; see test-probe.ts.
   * @param scanning whether a pass runs (the active scan's own flag unless told)
   */
  private publishState(scanning = this.active?.scanning ?? false): void {
    const scan = {
      active: this.mode === 'active',
      scanning,
      highlight: this.painter?.name ?? null,
    };
    publishTestState(probeState(this.view, scan, this.layer.rendered));
  }

  private sendReport(force: boolean): void {
    const report = frameReport(this.mode === 'active', this.layer.rendered);
    this.reports.send(this.view.location.href, report, force);
  }

  /** Removes everything Claimnote added and stops all work (pause, invalidation). */
  private teardown(): void {
    this.modeScope?.close();
    this.modeScope = null;
    this.active = null;
    this.layer.clear();
    this.layer.forget();
    this.ui?.destroy();
    this.ui = null;
    this.painter = null;
    this.reports.forget();
  }
}
