import type { Verdict } from '../claims/schema';
import type { Finding } from '../matching/types';
import type { PageUi } from '../ui/page-ui';
import { rangeBetween, type TextPosition, TextSplitter } from './anchor';
import { type ColorScheme, detectColorScheme } from './color-scheme';
import { findingAtPoint } from './finding-hit-test';
import { createFindingMarkers } from './finding-markers';
import { readVisibility } from './finding-visibility';
import type { HighlightPainter } from './highlights';
import { chooseMarked, lateMarkerBudget } from './marker-cap';
import { type MarkerActivation, placeMarker, updateMarker } from './markers';
import type { AnchoredFinding } from './page-document';
import type { VisibilityTest } from './visible-text';

/** A finding as shown on the page. */
export interface RenderedFinding {
  finding: Finding;
  /** Its index among the pass's findings (text order), as reported to the popup. */
  index: number;
  /** The page document's key: equal identities across passes keep the marker. */
  identity: string;
  /** Where the sentence starts and ends, as extracted (before any marker split a node). */
  start: TextPosition | null;
  end: TextPosition | null;
  range: Range | null;
  marker: HTMLElement | null;
  /** The reader could see the sentence at the last check. */
  visible: boolean;
}

/** Markers created per slice step: each costs a shadow root plus style and layout work. */
const MARKERS_PER_STEP = 25;

/** What the finding layer takes from the page and the controller. */
export interface FindingLayerOptions {
  document: Document;
  window: Window;
  /** The note UI, once created (closed when its marker goes). */
  ui(): PageUi | null;
  /** The highlight painter, once created. */
  painter(): HighlightPainter | null;
  /** Makes a visibility test; called once per render and per re-check, as layout changes. */
  createVisibilityTest(): VisibilityTest;
  markerText(verdict: Verdict): string;
  markerLabel(verdict: Verdict): string;
  /** Whether the reader hid the notes: a render then only records the findings. */
  hidden(): boolean;
  /** Runs a DOM write so that the page's mutation watcher does not see it. */
  withoutObserving(write: () => void): void;
  /** A marker's button was focused, clicked or got Escape (trusted events only). */
  onMarker(marker: HTMLElement, how: MarkerActivation): void;
}

/**
 * The findings on the page: their markers, highlights and visibility. It writes to the page
 * only through `withoutObserving`, and never for a sentence the reader cannot see.
 */
export interface FindingLayer {
  /** The last render's findings, in text order. */
  readonly rendered: readonly RenderedFinding[];
  /**
   * Shows a pass's findings, as steps for the slicer (see the implementation for the order).
   * @param anchored the page document's findings, in text order
   */
  renderSteps(anchored: readonly AnchoredFinding[]): Generator<void, void, void>;
  /** True while some finding waits to become visible before it gets a marker and highlight. */
  hasDeferred(): boolean;
  /**
   * Gives findings that have become visible their highlight and, within the cap, a marker.
   * @returns true when some finding became visible
   */
  revealNowVisible(): boolean;
  /**
   * The marker of a finding, placed now if the cap left it unmarked; null for a finding that
   * is gone or the reader cannot see.
   * @param index the finding's index as reported
   */
  markerFor(index: number): { item: RenderedFinding; marker: HTMLElement } | null;
  /** The finding a marker stands for. */
  findingOfMarker(marker: HTMLElement): RenderedFinding | null;
  /** The visible finding whose sentence is under a click; see finding-hit-test.ts. */
  findingAtPoint(x: number, y: number, target: Node | null): RenderedFinding | null;
  /** Closes the note and removes every marker and highlight; the findings stay counted. */
  clear(): void;
  /** Forgets the findings (after {@link clear}, when the page is left or paused). */
  forget(): void;
}

/**
 * Creates the finding layer of one page.
 * @param options page, UI, painter and the controller's hooks
 */
export function createFindingLayer(options: FindingLayerOptions): FindingLayer {
  const doc = options.document;
  let rendered: RenderedFinding[] = [];
  let scheme: ColorScheme = 'light';

  const markers = createFindingMarkers({ ...options, scheme: () => scheme });

  /** Paints the ranges of the findings the reader can see. */
  const paintVisible = (): void => {
    options.painter()?.paint(
      rendered.flatMap((item) => (item.visible && item.range !== null ? [item.range] : [])),
      scheme,
    );
  };

  const clear = (): void => {
    options.ui()?.closeNote(false);
    options.painter()?.clear();
    options.withoutObserving(() => {
      for (const item of rendered) {
        item.marker?.remove();
        item.marker = null;
      }
    });
  };

  /**
   * First each sentence's visibility is read (before any split, see finding-visibility.ts),
   * then markers for visible findings are created and placed a few dozen at a time (each
   * costs style and layout work), then the ranges are built and the visible ones painted.
   * Markers of findings that persist and stay visible are kept, so focus and an open card
   * survive a rescan.
   */
  function* renderSteps(anchored: readonly AnchoredFinding[]): Generator<void, void, void> {
    const previous = new Map<string, RenderedFinding>();
    for (const item of rendered) previous.set(item.identity, item);
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

    if (options.hidden()) {
      clear();
      rendered = next;
      return;
    }

    scheme = detectColorScheme(doc, options.window);
    yield* readVisibility(doc, next, options.createVisibilityTest());
    const marked = chooseMarked(next.filter((item) => item.visible));
    options.withoutObserving(() => {
      const kept = new Set<string>();
      for (const item of next) {
        const old = previous.get(item.identity);
        if (old?.marker?.isConnected && item.end !== null && marked.has(item)) {
          item.marker = old.marker;
          kept.add(item.identity);
          updateMarker(item.marker, markers.content(item));
        }
      }
      for (const old of previous.values()) {
        if (!kept.has(old.identity)) old.marker?.remove();
      }
    });
    // From here on, clearing must find every marker placed so far.
    rendered = next;
    const ui = options.ui();
    const open = ui?.openMarker;
    if (open && !next.some((item) => item.marker === open)) ui?.closeNote(false);

    const splitter = new TextSplitter();
    const pending = next.filter((item) => item.marker === null && item.end !== null && marked.has(item));
    for (let from = 0; from < pending.length; from += MARKERS_PER_STEP) {
      options.withoutObserving(() => {
        for (const item of pending.slice(from, from + MARKERS_PER_STEP)) {
          const marker = markers.create(item);
          if (marker !== null && item.end !== null && placeMarker(marker, item.end, splitter)) {
            item.marker = marker;
          }
        }
      });
      yield;
    }
    for (const item of next) {
      if (item.start !== null && item.end !== null) {
        item.range = rangeBetween(doc, item.start, item.end, splitter);
      }
    }
    paintVisible();
  }

  return {
    get rendered() {
      return rendered;
    },
    renderSteps,
    hasDeferred: () => rendered.some((item) => !item.visible && item.range !== null),
    revealNowVisible() {
      const isVisible = options.createVisibilityTest();
      const budget = lateMarkerBudget(rendered);
      let changed = false;
      for (const item of rendered) {
        if (item.visible || item.range === null || !isVisible(item.range)) continue;
        item.visible = true;
        changed = true;
        if (!budget.allows(item)) continue;
        markers.placeLate(item);
        if (item.marker !== null) budget.took(item);
      }
      if (changed) paintVisible();
      return changed;
    },
    markerFor(index) {
      const item = rendered[index];
      if (item === undefined) return null;
      // A finding the reader cannot see gets no marker: it would tell the page about text it hid.
      if (item.marker === null && item.visible && !options.hidden()) markers.placeLate(item);
      return item.marker?.isConnected ? { item, marker: item.marker } : null;
    },
    findingOfMarker: (marker) => rendered.find((item) => item.marker === marker) ?? null,
    findingAtPoint: (x, y, target) => findingAtPoint(doc, options.window, rendered, x, y, target),
    clear,
    forget() {
      rendered = [];
    },
  };
}
