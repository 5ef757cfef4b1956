import type { Verdict } from '../../lib/claims/schema';
import { createFindingLayer } from '../../lib/page/finding-layer';
import type { HighlightPainter } from '../../lib/page/highlights';
import type { MarkerActivation } from '../../lib/page/markers';
import type { AnchoredFinding } from '../../lib/page/page-document';
import type { NoteRequest, PageUi } from '../../lib/ui/page-ui';

/**
 * Fixtures for the finding layer and note interaction: findings anchored by hand in a mounted
 * page, a painter and a note UI that record what they are asked to do.
 */

/**
 * A finding for `sentence`, anchored in the first text node of `element` that holds it.
 * @param key the page document's identity; defaults to claim and sentence
 */
export function anchored(
  element: Element,
  sentence: string,
  claimId: string,
  options: { key?: string; verdict?: Verdict } = {},
): AnchoredFinding {
  const walker = element.ownerDocument.createTreeWalker(element, 4);
  let node = walker.nextNode() as Text | null;
  while (node !== null && !node.data.includes(sentence)) node = walker.nextNode() as Text | null;
  if (node === null) throw new Error(`no text node holds "${sentence}"`);
  const offset = node.data.indexOf(sentence);
  return {
    finding: {
      claimId,
      verdict: options.verdict ?? 'false',
      start: 0,
      end: sentence.length,
      quote: sentence,
    },
    key: options.key ?? `${claimId}:${sentence}`,
    selector: {
      claimId,
      exact: sentence,
      prefix: node.data.slice(0, offset),
      suffix: node.data.slice(offset + sentence.length),
    },
    start: { node, offset },
    end: { node, offset: offset + sentence.length },
  };
}

/**
 * Runs slicer steps to the end, as runInSlices would with unlimited time.
 * @returns the number of steps (yields) taken
 */
export function runSteps(steps: Generator<void, unknown, void>): number {
  let count = 0;
  while (!steps.next().done) count += 1;
  return count;
}

/** A painter that records its paints. */
export function recordingPainter(supported = true) {
  const paints: string[][] = [];
  let clears = 0;
  const painter: HighlightPainter = {
    supported,
    name: 'h000000000000',
    paint: (ranges) => paints.push(ranges.map((range) => range.toString())),
    clear: () => {
      clears += 1;
    },
  };
  return {
    painter,
    paints,
    get clears() {
      return clears;
    },
    /** The sentences of the last paint. */
    lastPaint: () => paints.at(-1) ?? [],
  };
}

/** A note UI that records the notes it opens and closes; `host` stands for its own element. */
export function recordingUi(doc: Document) {
  const opened: NoteRequest[] = [];
  const closed: boolean[] = [];
  const host = doc.createElement('div');
  let open: NoteRequest | null = null;
  const ui: PageUi & { returningFocus: boolean } = {
    host,
    root: null,
    openNote: (request) => {
      opened.push(request);
      open = request;
    },
    closeNote: (returnFocus) => {
      closed.push(returnFocus);
      open = null;
    },
    get openIndex() {
      return open?.index ?? null;
    },
    get openMarker() {
      return open?.marker ?? null;
    },
    returningFocus: false,
    contains: (node) => node !== null && host.contains(node),
    destroy: () => undefined,
  };
  return { ui, opened, closed };
}

/**
 * Makes `doc.caretPositionFromPoint` (which happy-dom lacks) answer `node` and `offset` for
 * every point, as a browser would under a click there.
 * @returns a function that removes it again
 */
export function pointAt(doc: Document, node: Node, offset: number): () => void {
  Object.defineProperty(doc, 'caretPositionFromPoint', {
    configurable: true,
    value: () => ({ offsetNode: node, offset }),
  });
  return () => {
    delete (doc as { caretPositionFromPoint?: unknown }).caretPositionFromPoint;
  };
}

/** The hooks a test sets on {@link recordingLayer}. */
export interface LayerHooks {
  visible(range: Range): boolean;
  hidden(): boolean;
  withoutObserving?(write: () => void): void;
  onMarker?(marker: HTMLElement, how: MarkerActivation): void;
}

/** A finding layer on the test document with a recording painter and note UI. */
export function recordingLayer(hooks: LayerHooks) {
  const painter = recordingPainter();
  const { ui, opened, closed } = recordingUi(document);
  const layer = createFindingLayer({
    document,
    window,
    ui: () => ui,
    painter: () => painter.painter,
    createVisibilityTest: () => hooks.visible,
    markerText: (verdict) => `[${verdict}?]`,
    markerLabel: (verdict) => `Claimnote: ${verdict}, show note`,
    hidden: hooks.hidden,
    withoutObserving: hooks.withoutObserving ?? ((write) => write()),
    onMarker: hooks.onMarker ?? (() => undefined),
  });
  return { layer, painter, ui, opened, closed };
}
