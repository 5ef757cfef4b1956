import type { ClaimNote } from '../claims/claim-list';
import type { Verdict } from '../claims/schema';
import type { RelevanceGate } from '../matching/relevance-gate';
import type { Finding } from '../matching/types';
import {
  type FindingSummary,
  FRAME_FINDINGS_MAX,
  type PageState,
  summarizeQuote,
} from '../messaging/messages';
import type { PageUi } from '../ui/page-ui';
import { isTrustedEvent } from '../ui/trusted-event';
import { rangeBetween, type TextPosition, TextSplitter } from './anchor';
import { type ColorScheme, detectColorScheme } from './color-scheme';
import type { HiddenPredicate } from './hidden';
import { createHighlightPainter, type HighlightPainter } from './highlights';
import type { Lifecycle } from './lifecycle';
import { createMarker, type MarkerActivation, placeMarker, updateMarker } from './markers';
import { isOwnElement, isOwnNode } from './own-elements';
import {
  type AnchoredFinding,
  createPageDocument,
  type PageDocument,
  type PageMatcher,
} from './page-document';
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

/** A finding as shown on the page. */
interface RenderedFinding {
  finding: Finding;
  index: number;
  identity: string;
  /** Where the sentence starts and ends, as extracted (before any marker split a node). */
  start: TextPosition | null;
  end: TextPosition | null;
  range: Range | null;
  marker: HTMLElement | null;
  /** The reader could see the sentence at the last check. */
  visible: boolean;
}

/**
 * Most markers on one page. Past a few hundred, markers stop being a reading aid and cost
 * layout on every change; every finding is still highlighted and counted, each claim keeps at
 * least one marker, and the popup can still reveal any listed finding (its marker is then
 * placed on demand).
 */
const MAX_MARKERS = 300;

/** The findings that get a marker: the first of each claim, then the rest in text order. */
function chooseMarked<T extends { finding: Finding }>(items: readonly T[]): Set<T> {
  const marked = new Set<T>();
  const claims = new Set<string>();
  for (const item of items) {
    if (claims.has(item.finding.claimId)) continue;
    claims.add(item.finding.claimId);
    marked.add(item);
  }
  for (const item of items) {
    if (marked.size >= MAX_MARKERS) break;
    marked.add(item);
  }
  return marked;
}

/** Longest wait between passes while a page keeps changing, in ms. */
const MAX_BACKOFF_MS = 2000;

/** Sentences whose visibility is read per slice step: each costs style and layout reads. */
const VISIBILITY_CHECKS_PER_STEP = 200;
/** Markers created per slice step: each costs a shadow root plus style and layout work. */
const MARKERS_PER_STEP = 25;
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
  private rendered: RenderedFinding[] = [];
  private pendingNodes: Node[] = [];
  /** Parents of childList changes, for the page document only (not for the text-change test). */
  private pendingTargets: Node[] = [];
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
  private lastReport = '';
  private scheme: ColorScheme = 'light';
  private readonly doc: Document;
  private readonly view: Window;
  private readonly pageDocument: PageDocument;

  /** @param options environment and collaborators */
  constructor(private readonly options: PageControllerOptions) {
    this.doc = options.document;
    this.view = options.window;
    this.pageDocument = createPageDocument({
      root: () => this.doc.body,
      extract: { isHidden: options.isHidden, isOwnElement, defersRendering: options.defersRendering },
      matcher: options.matcher,
    });
    this.lastUrl = this.view.location.href;
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
    return {
      url: this.view.location.href,
      hostname: this.view.location.hostname,
      active: this.mode === 'active',
      paused: this.mode === 'paused',
      hidden: this.hidden,
      count: this.mode === 'active' ? this.rendered.length : 0,
      findings: this.summaries(),
    };
  }

  /**
   * Scrolls to a finding and opens its note (popup "show me").
   * @param index finding index as reported
   * @returns false when the finding is gone or notes are hidden
   */
  reveal(index: number): boolean {
    const item = this.rendered[index];
    // A finding the reader cannot see is not revealed: scrolling to it would show nothing, and
    // its marker would tell the page about text it hid.
    if (item !== undefined && item.marker === null && item.visible && !this.hidden) this.markLate(item);
    if (item?.marker == null || !item.marker.isConnected || this.ui === null) return false;
    const reduceMotion = this.view.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    item.marker.scrollIntoView({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' });
    this.openNote(item, true);
    return true;
  }

  private activate(): void {
    this.mode = 'active';
    if (this.ui === null) this.ui = this.options.createUi();
    if (this.painter === null) this.painter = createHighlightPainter(this.doc, this.view);
    // Nothing recorded the changes made while dormant or paused.
    this.pageDocument.markAllChanged();
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
    publishTestState({
      active: this.mode === 'active',
      scanning: this.scanning,
      findings: this.mode === 'active' ? this.rendered.length : 0,
      markers: this.rendered.filter((item) => item.marker?.isConnected).length,
      markerIds: [
        ...new Set(
          this.rendered.filter((item) => item.marker?.isConnected).map((item) => item.finding.claimId),
        ),
      ].sort(),
      highlight: this.painter?.name ?? null,
      url: this.view.location.href,
      top: this.view === this.view.top,
    });
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
        // The page document's contract: a childList change is marked at its (connected) parent.
        if (changed) this.queueTarget(record.target);
      } else {
        this.queueChange(record.target);
        changed = true;
      }
    }
    if (!changed) return;
    if (this.passRunning) this.changedDuringPass = true;
    this.scheduleFlush();
  }

  private queueTarget(node: Node): void {
    if (this.pendingTargets.length < PENDING_NODE_LIMIT) this.pendingTargets.push(node);
    else this.pendingOverflow = true;
  }

  private queueChange(node: Node): void {
    if (this.pendingNodes.length < PENDING_NODE_LIMIT) this.pendingNodes.push(node);
    else this.pendingOverflow = true;
  }

  /** Tells the page document what changed since the last pass, by its contract. */
  private handPendingToDocument(): void {
    if (this.pendingOverflow) this.pageDocument.markAllChanged();
    else this.pageDocument.markChanged([...this.pendingTargets, ...this.pendingNodes]);
    this.clearPending();
  }

  private clearPending(): void {
    this.pendingNodes = [];
    this.pendingTargets = [];
    this.pendingOverflow = false;
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
      // The pass hands the pending nodes to the page document; without one they still mark it,
      // so the next pass covers them (text emptied to spaces does not count as a text change).
      if (this.pendingChangesText() || this.passRequested) this.requestPass();
      else this.handPendingToDocument();
    }
  }

  private onLocationChange(): void {
    if (this.view.location.href === this.lastUrl) return;
    this.lastUrl = this.view.location.href;
    this.ui?.closeNote(false);
    // A client-side navigation may leave no relevant text: report afresh after the next pass.
    this.lastReport = '';
    // A dormant page's relevance watch follows navigations itself.
    if (this.mode === 'active') {
      this.pageDocument.markAllChanged();
      this.requestPass();
    }
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
    this.handPendingToDocument();
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

  /**
   * Shows a pass's findings, as steps for the slicer: first each sentence's visibility is read
   * (through one reused range, before any split), then markers for visible findings are
   * created and placed a few dozen at a time (each costs style and layout work), then the
   * ranges are built and the visible ones painted. Markers of findings that persist and stay
   * visible are kept, so focus and an open card survive a rescan.
   */
  private *renderSteps(anchored: readonly AnchoredFinding[]): Generator<void, void, void> {
    const previous = new Map<string, RenderedFinding>();
    for (const item of this.rendered) previous.set(item.identity, item);
    // Positions were read at extraction, before any split, since splitting shortens the nodes.
    const next: RenderedFinding[] = anchored.map(({ finding, key, start, end }, index) => ({
      finding,
      index,
      identity: key,
      start,
      end,
      range: null,
      marker: null,
      visible: false,
    }));

    if (this.hidden) {
      this.clearRendering();
      this.rendered = next;
      return;
    }

    this.scheme = detectColorScheme(this.doc, this.view);
    // One range object for every check: many live ranges would make each split below costly.
    const isVisible = this.options.createVisibilityTest();
    const probe = this.doc.createRange();
    for (let from = 0; from < next.length; from += VISIBILITY_CHECKS_PER_STEP) {
      for (const item of next.slice(from, from + VISIBILITY_CHECKS_PER_STEP)) {
        if (item.start === null || item.end === null) continue;
        try {
          probe.setStart(item.start.node, item.start.offset);
          probe.setEnd(item.end.node, item.end.offset);
          item.visible = isVisible(probe);
        } catch {
          item.visible = false;
        }
      }
      yield;
    }
    probe.collapse(true);
    const marked = chooseMarked(next.filter((item) => item.visible));
    this.withoutObserving(() => {
      const kept = new Set<string>();
      for (const item of next) {
        const old = previous.get(item.identity);
        if (old?.marker?.isConnected && item.end !== null && marked.has(item)) {
          item.marker = old.marker;
          kept.add(item.identity);
          updateMarker(item.marker, this.markerContent(item));
        }
      }
      for (const old of previous.values()) {
        if (!kept.has(old.identity)) old.marker?.remove();
      }
    });
    // From here on, teardown must find every marker placed so far.
    this.rendered = next;
    const open = this.ui?.openMarker;
    if (open && !next.some((item) => item.marker === open)) this.ui?.closeNote(false);

    const splitter = new TextSplitter();
    const pending = next.filter((item) => item.marker === null && item.end !== null && marked.has(item));
    for (let from = 0; from < pending.length; from += MARKERS_PER_STEP) {
      this.withoutObserving(() => {
        for (const item of pending.slice(from, from + MARKERS_PER_STEP)) {
          const marker = this.newMarker(item);
          if (marker !== null && item.end !== null && placeMarker(marker, item.end, splitter)) {
            item.marker = marker;
          }
        }
      });
      yield;
    }
    for (const item of next) {
      if (item.start !== null && item.end !== null) {
        item.range = rangeBetween(this.doc, item.start, item.end, splitter);
      }
    }
    this.paintVisible();
  }

  /** Paints the ranges of the findings the reader can see. */
  private paintVisible(): void {
    this.painter?.paint(
      this.rendered.flatMap((item) => (item.visible && item.range !== null ? [item.range] : [])),
      this.scheme,
    );
  }

  /** True while some finding waits to become visible before it gets a marker and highlight. */
  private hasDeferred(): boolean {
    return (
      this.mode === 'active' &&
      !this.hidden &&
      !this.passRunning &&
      this.rendered.some((item) => !item.visible && item.range !== null)
    );
  }

  /**
   * Gives findings that have become visible (a fade-in ended, a container scrolled, "read more"
   * opened) their marker and highlight, without a new pass.
   */
  private revealNowVisible(): void {
    if (!this.hasDeferred()) return;
    const isVisible = this.options.createVisibilityTest();
    let markers = this.rendered.filter((item) => item.marker !== null).length;
    const claimsMarked = new Set(
      this.rendered.filter((item) => item.marker !== null).map((item) => item.finding.claimId),
    );
    let changed = false;
    for (const item of this.rendered) {
      if (item.visible || item.range === null || !isVisible(item.range)) continue;
      item.visible = true;
      changed = true;
      if (markers < MAX_MARKERS || !claimsMarked.has(item.finding.claimId)) {
        this.markLate(item);
        if (item.marker !== null) {
          markers += 1;
          claimsMarked.add(item.finding.claimId);
        }
      }
    }
    if (!changed) return;
    this.paintVisible();
    this.publishState();
  }

  /** A marker for a finding, or null (logged) when the browser refuses its shadow root. */
  private newMarker(item: RenderedFinding): HTMLElement | null {
    try {
      return createMarker(this.doc, this.markerContent(item), (element, how) => this.onMarker(element, how));
    } catch (error) {
      console.error('Claimnote: could not create a marker', error);
      return null;
    }
  }

  /** Places a marker for a finding left unmarked by the cap, when the reader asks for it. */
  private markLate(item: RenderedFinding): void {
    const range = item.range;
    if (range === null || range.endContainer.nodeType !== 3) return;
    const end = { node: range.endContainer as Text, offset: range.endOffset };
    this.withoutObserving(() => {
      const marker = this.newMarker(item);
      if (marker !== null && placeMarker(marker, end, new TextSplitter())) item.marker = marker;
    });
  }

  private markerContent(item: RenderedFinding) {
    const { verdict, claimId } = item.finding;
    return {
      claimId,
      verdict,
      findingIndex: item.index,
      text: this.options.markerText(verdict),
      label: this.options.markerLabel(verdict),
      scheme: this.scheme,
    };
  }

  private clearRendering(): void {
    this.ui?.closeNote(false);
    this.painter?.clear();
    this.withoutObserving(() => {
      for (const item of this.rendered) {
        item.marker?.remove();
        item.marker = null;
      }
    });
  }

  private openNote(item: RenderedFinding, focus: boolean): void {
    const note = this.options.notes.get(item.finding.claimId);
    if (note === undefined || item.marker === null || this.ui === null) return;
    const { quote, reason } = item.finding;
    this.ui.openNote({
      note,
      quote,
      ...(reason ? { reason } : {}),
      index: item.index,
      marker: item.marker,
      focus,
    });
  }

  private onMarker(marker: HTMLElement, how: MarkerActivation): void {
    if (how === 'escape') {
      this.ui?.closeNote(false);
      return;
    }
    if (how === 'focus' && this.ui?.returningFocus) return;
    const item = this.rendered.find((candidate) => candidate.marker === marker);
    if (item) this.openNote(item, how === 'click');
  }

  private onDocumentClick(event: MouseEvent): void {
    // A page's forged click at a highlighted sentence must not open its note.
    if (!isTrustedEvent(event)) return;
    if (this.mode !== 'active' || this.hidden || this.ui === null) return;
    const target = event.target as Node | null;
    if (target !== null && (this.ui.contains(target) || this.isOwnNode(target))) return;
    // Without highlights the sentence does not look clickable, so a click there opens nothing.
    const hit = !this.painter?.supported ? null : this.findingAtPoint(event.clientX, event.clientY, target);
    if (hit) this.openNote(hit, false);
    else this.ui.closeNote(false);
  }

  /** The finding whose highlighted sentence is under a click, if any. */
  private findingAtPoint(x: number, y: number, target: Node | null): RenderedFinding | null {
    // Links and controls keep their own behaviour; a reader selecting text is not asking for a note.
    if (
      target !== null &&
      target.nodeType === 1 &&
      (target as Element).closest('a, button, input, textarea, select, label')
    ) {
      return null;
    }
    const selection = this.view.getSelection();
    if (selection !== null && !selection.isCollapsed) return null;
    const doc = this.doc as Document & {
      caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
      caretRangeFromPoint?: (x: number, y: number) => Range | null;
    };
    let node: Node | null = null;
    let offset = 0;
    if (typeof doc.caretPositionFromPoint === 'function') {
      const position = doc.caretPositionFromPoint(x, y);
      if (position) ({ offsetNode: node, offset } = position);
    } else if (typeof doc.caretRangeFromPoint === 'function') {
      const range = doc.caretRangeFromPoint(x, y);
      if (range) {
        node = range.startContainer;
        offset = range.startOffset;
      }
    }
    if (node === null) return null;
    for (const item of this.rendered) {
      const range = item.visible ? item.range : null;
      if (range === null || range.startContainer.getRootNode() !== node.getRootNode()) continue;
      try {
        if (range.isPointInRange(node, offset)) return item;
      } catch {
        // A node from another document (iframe) or a doctype: not ours.
      }
    }
    return null;
  }

  private onDocumentKeydown(event: KeyboardEvent): void {
    if (!isTrustedEvent(event)) return;
    if (event.key !== 'Escape' || this.ui === null || this.ui.openIndex === null) return;
    this.ui.closeNote(this.ui.contains(this.doc.activeElement));
  }

  private summaries(): FindingSummary[] {
    if (this.mode !== 'active') return [];
    return this.rendered.slice(0, FRAME_FINDINGS_MAX).map((item) => ({
      index: item.index,
      claimId: item.finding.claimId,
      verdict: item.finding.verdict,
      quote: summarizeQuote(item.finding.quote),
    }));
  }

  private sendReport(force: boolean): void {
    const summaries = this.summaries();
    const count = this.mode === 'active' ? this.rendered.length : 0;
    const key = `${count}:${JSON.stringify(summaries)}`;
    if (!force && key === this.lastReport) return;
    this.lastReport = key;
    this.options.report(this.view.location.href, count, summaries);
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
    this.clearPending();
    this.lastReport = '';
  }
}
