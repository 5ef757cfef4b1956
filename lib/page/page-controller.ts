import type { ClaimNote } from '../claims/claim-list';
import type { Verdict } from '../claims/schema';
import type { RelevanceGate } from '../matching/relevance-gate';
import type { Finding } from '../matching/types';
import type { FindingSummary, PageState } from '../messaging/messages';
import type { PageUi } from '../ui/page-ui';
import { createFindingLayer, type FindingLayer, type RenderedFinding } from './finding-layer';
import type { HiddenPredicate } from './hidden';
import { createHighlightPainter, type HighlightPainter } from './highlights';
import type { IncrementalScanner, PageMatcher } from './incremental-scanner';
import type { Lifecycle } from './lifecycle';
import { createNoteInteraction, type NoteInteraction } from './note-interaction';
import { isOwnElement, isOwnNode } from './own-elements';
import { type AnchoredFinding, createPageDocument, type PageDocument } from './page-document';
import { createReportSender, frameReport, pageState, probeState, type ReportSender } from './page-report';
import { watchForRelevance } from './relevance-watch';
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
 *   findings get highlights and markers, and mutation batches trigger incremental passes.
 * - `paused`: the reader paused Claimnote on this site. Nothing runs until resumed.
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

/** Longest wait between passes while a page keeps changing, in ms. */
const MAX_BACKOFF_MS = 2000;

/** Changed nodes remembered between flushes; past this a flush treats the whole page as changed. */
const PENDING_NODE_LIMIT = 500;

/** Elements whose content changes never change the visible prose. */
const NON_TEXT_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'link',
  'meta',
  'iframe',
  'img',
  'svg',
]);

/**
 * Whether a changed node can change the page's visible text: a text node with letters, or an
 * element holding some. Ad slots filling with iframes and images, or scripts being injected,
 * then cause no pass at all.
 */
function changesText(node: Node): boolean {
  if (node.nodeType === 3) {
    const parent = node.parentElement;
    return /\S/.test((node as Text).data) && (parent === null || !NON_TEXT_TAGS.has(parent.localName));
  }
  if (node.nodeType !== 1 || NON_TEXT_TAGS.has((node as Element).localName)) return false;
  return /\S/.test(node.textContent ?? '');
}
/**
 * Passes discarded in a row because the page changed while they ran; after that a pass is
 * rendered anyway, so a page that never stops mutating still gets its notes.
 */
const MAX_DISCARDED_PASSES = 2;

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
  private observer: MutationObserver | null = null;
  /** Stops the dormant page's relevance watch; null while none runs. */
  private stopRelevanceWatch: (() => void) | null = null;
  private pendingNodes: Node[] = [];
  private pendingOverflow = false;
  private flushScheduled = false;
  private passRunning = false;
  private passController: AbortController | null = null;
  private changedDuringPass = false;
  /** Extra wait before the next flush while the page keeps changing under passes; 0 when calm. */
  private backoffMs = 0;
  /** A pass was asked for (resume, show notes, navigation) while one was running. */
  private passRequested = false;
  private discardedPasses = 0;
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
      lifecycle.listen(this.doc, 'click', (event) => this.onDocumentClick(event as MouseEvent));
      lifecycle.listen(this.doc, 'keydown', (event) => this.onDocumentKeydown(event as KeyboardEvent));
      lifecycle.listen(this.view, 'wxt:locationchange', () => this.onLocationChange());
      watchVisibilityChanges({
        document: this.doc,
        window: this.view,
        lifecycle,
        hasDeferred: () => this.hasDeferred(),
        recheck: () => this.revealNowVisible(),
      });
    }
    if (paused) {
      this.mode = 'paused';
      return;
    }
    this.mode = 'dormant';
    // A watch from an earlier start must not activate this one.
    this.stopRelevanceWatch?.();
    this.stopRelevanceWatch = null;
    if (knownRelevant) {
      this.activate();
      return;
    }
    this.stopRelevanceWatch = watchForRelevance({
      document: this.doc,
      window: this.view,
      gate: this.options.gate,
      lifecycle: this.options.lifecycle,
      slices: this.options.slices,
      flushDelayMs: this.options.flushDelayMs,
      onRelevant: () => {
        this.stopRelevanceWatch = null;
        if (this.mode === 'dormant') this.activate();
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
      // Teardown also stops a relevance watch still running, so it cannot activate later.
      this.teardown();
      this.mode = 'paused';
      this.sendReport(true);
    } else {
      this.mode = 'dormant';
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

  private activate(): void {
    this.mode = 'active';
    if (this.ui === null) this.ui = this.options.createUi();
    if (this.painter === null) this.painter = createHighlightPainter(this.doc, this.view);
    this.observe();
    this.requestPass();
  }

  private observe(): void {
    if (this.observer !== null) return;
    const Observer = (this.view as Window & typeof globalThis).MutationObserver;
    // The callback only records; all work happens in the flush (style notes, point 3).
    this.observer = new Observer((records) => this.record(records));
    // `hidden` and `open` show or hide text (details, dialogs, "read more") without adding
    // nodes; class and style are left out, since animations change them many times a second.
    this.observer.observe(this.doc.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['hidden', 'open'],
    });
  }

  private isOwnNode(node: Node): boolean {
    return isOwnNode(node);
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

  private record(records: MutationRecord[]): void {
    let changed = false;
    for (const record of records) {
      if (this.isOwnNode(record.target)) continue;
      if (record.type === 'childList') {
        for (const node of [...record.addedNodes, ...record.removedNodes]) {
          if (this.isOwnNode(node)) continue;
          this.queueChange(node);
          changed = true;
        }
      } else {
        this.queueChange(record.target);
        changed = true;
      }
    }
    if (!changed) return;
    if (this.passRunning) this.changedDuringPass = true;
    this.scheduleFlush();
  }

  private queueChange(node: Node): void {
    if (this.pendingNodes.length < PENDING_NODE_LIMIT) this.pendingNodes.push(node);
    else this.pendingOverflow = true;
  }

  /** True when a recorded change can alter the page's visible text (not ads' empty boxes, scripts). */
  private pendingChangesText(): boolean {
    return this.pendingOverflow || this.pendingNodes.some(changesText);
  }

  private scheduleFlush(delay = this.backoffMs || (this.options.flushDelayMs ?? 150)): void {
    if (this.flushScheduled || this.options.lifecycle.signal.aborted) return;
    this.flushScheduled = true;
    this.options.lifecycle.setTimeout(() => this.flush(), delay);
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.view.location.href !== this.lastUrl) this.onLocationChange();
    if (this.mode === 'active' && !this.passRunning) {
      const textChanged = this.pendingChangesText();
      this.pendingNodes = [];
      this.pendingOverflow = false;
      if (textChanged || this.passRequested) this.requestPass();
    }
  }

  private onLocationChange(): void {
    if (this.view.location.href === this.lastUrl) return;
    this.lastUrl = this.view.location.href;
    this.ui?.closeNote(false);
    // A client-side navigation may leave no relevant text: report afresh after the next pass.
    this.lastReport = '';
    // A dormant page's relevance watch follows navigations itself.
    if (this.mode === 'active') this.requestPass();
  }

  private requestPass(): void {
    if (this.passRunning) {
      this.passRequested = true;
      return;
    }
    void this.runPass();
  }

  private async runPass(): Promise<void> {
    this.passRunning = true;
    this.passRequested = false;
    this.changedDuringPass = false;
    // Changes recorded before this pass are covered by it.
    if (this.pendingOverflow) this.pageDocument.markAllChanged();
    else this.pageDocument.markChanged(this.pendingNodes);
    this.pendingNodes = [];
    this.pendingOverflow = false;
    const controller = new AbortController();
    this.passController = controller;
    this.scanning = true;
    this.publishState();
    const slices = this.options.slices;
    let findings: Finding[] | null = null;
    try {
      // No User Timing entries (performance.measure): page scripts read the same performance
      // timeline as the content script (measured in Chromium and Firefox), so named entries
      // would announce Claimnote and their details carried finding counts.
      const { value } = await runInSlices(this.pageDocument.update(), slices, { signal: controller.signal });
      if (this.mode !== 'active') return;
      if (
        this.changedDuringPass &&
        this.pendingChangesText() &&
        this.discardedPasses < MAX_DISCARDED_PASSES
      ) {
        // The DOM changed between slices, so this pass may have walked half-updated content.
        this.discardedPasses += 1;
        // The page is changing faster than a pass takes (a mutation storm): wait longer before
        // the next one, since each pass makes the browser restyle what changed.
        this.backoffMs = Math.min(
          MAX_BACKOFF_MS,
          Math.max(this.backoffMs, this.options.flushDelayMs ?? 150) * 2,
        );
        return;
      }
      this.discardedPasses = 0;
      if (!this.changedDuringPass) this.backoffMs = 0;
      await runInSlices(this.renderSteps(value), slices, { signal: controller.signal });
      findings = value.map((item) => item.finding);
    } catch {
      // Aborted (pause, teardown) or the page changed under the walk; the next pass covers it.
    } finally {
      this.passRunning = false;
      if (this.passController === controller) this.passController = null;
    }
    if (this.mode !== 'active' || controller.signal.aborted) return;
    if (findings !== null) {
      this.scanning = false;
      this.publishState();
      this.sendReport(false);
    }
    if (this.passRequested || this.pendingNodes.length > 0 || this.pendingOverflow) this.scheduleFlush();
  }

  /** Runs `write` without its own DOM changes reaching the mutation queue. */
  private withoutObserving(write: () => void): void {
    const observer = this.observer;
    if (observer !== null) this.record(observer.takeRecords());
    try {
      write();
    } finally {
      observer?.takeRecords();
    }
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
    this.stopRelevanceWatch?.();
    this.stopRelevanceWatch = null;
    this.passController?.abort();
    this.passController = null;
    this.observer?.disconnect();
    this.observer = null;
    this.clearRendering();
    this.rendered = [];
    this.ui?.destroy();
    this.ui = null;
    this.painter = null;
    this.pendingNodes = [];
    this.lastReport = '';
  }
}
