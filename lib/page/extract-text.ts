import type { TextBlock, TextDocument } from '../matching/types';
import { walkBlock, walkPace } from './block-extract';
import { type BlockRecord, BlockStore } from './block-record';
import type { HiddenPredicate } from './hidden';

export { isBlockElement, isEditable, MAX_TEXT_NODE_CHARS } from './text-elements';

/** One text node of the page and where its characters sit in `TextDocument.text`. */
export interface TextSegment {
  node: Text;
  /** Offset of the node's first character in the extracted text. */
  start: number;
  /** Length of the node's data at extraction time. */
  length: number;
}

/** The page's visible text, ready for the matcher, plus the way back to the DOM. */
export interface ExtractedText {
  doc: TextDocument;
  /** Text nodes in document order; offsets between them (block breaks) belong to no node. */
  segments: TextSegment[];
}

/** What the extractor needs from its environment, so it runs in browsers and under linkedom alike. */
export interface ExtractOptions {
  /** True when an element (and so its subtree) is invisible to the reader. */
  isHidden: HiddenPredicate;
  /**
   * True for elements that are Claimnote's own UI. Never a test of names: a page could name
   * its elements `claimnote-*` to hide its text from the scanner.
   * @default the hosts Claimnote created (own-elements.ts)
   */
  isOwnElement?: (element: Element) => boolean;
  /**
   * True for an element that defers rendering its content (`content-visibility: auto`).
   * Asking the style of anything inside forces the browser to style the whole deferred
   * subtree, so its descendants are judged by `insideDeferred` (markup only) instead.
   * @default never
   */
  defersRendering?: (element: Element) => boolean;
  /** @default attributeHiddenPredicate */
  insideDeferred?: HiddenPredicate;
}

/** Nodes visited between two yields of the stepwise extractor. */
const DEFAULT_STEP_NODES = 256;

/**
 * Walks the visible text under `root` and yields every `stepNodes` nodes, so a caller can
 * spread the walk over several short tasks. Skips scripts, styles, form fields, editable
 * regions, hidden elements and Claimnote's own UI; block elements and `<br>` end a block.
 * It is the page document's walk (block-extract.ts) over every block once, its runs joined by
 * one line break. The DOM must not change between steps.
 * @param root element whose text to extract, usually `document.body`
 * @param options environment: hidden-element predicate, own-UI predicate
 * @param stepNodes nodes to visit between yields
 * @returns the text with its blocks and the text-node segments
 */
export function* extractTextSteps(
  root: Node,
  options: ExtractOptions,
  stepNodes = DEFAULT_STEP_NODES,
): Generator<void, ExtractedText, void> {
  const store = new BlockStore();
  const pace = walkPace(stepNodes);
  const parts: string[] = [];
  const segments: TextSegment[] = [];
  const blocks: TextBlock[] = [];
  let length = 0;
  // The walk reads only the root's children and their links, which any node has.
  const stack: { record: BlockRecord; next: number }[] = [];
  const enter = function* (record: BlockRecord): Generator<void, void, void> {
    yield* walkBlock(record, store, options, pace);
    stack.push({ record, next: 0 });
  };
  yield* enter(store.rootFor(root as Element));
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { record: BlockRecord; next: number };
    const item = top.record.items[top.next];
    top.next += 1;
    if (item === undefined) stack.pop();
    else if (item.kind === 'block') yield* enter(item);
    else {
      if (length > 0) {
        parts.push('\n');
        length += 1;
      }
      const start = length + item.lead;
      blocks.push({ start, end: start + item.text.length });
      for (const segment of item.segments) {
        segments.push({ node: segment.node, start: start + segment.start, length: segment.length });
        parts.push(segment.node.data);
      }
      length += item.length;
    }
  }
  return { doc: { text: parts.join(''), blocks }, segments };
}

/**
 * Extracts the visible text under `root` in one go (the scan CLI, tests).
 * @param root element whose text to extract
 * @param options environment: hidden-element predicate, own-UI predicate
 * @returns the text with its blocks and the text-node segments
 */
export function extractText(root: Node, options: ExtractOptions): ExtractedText {
  const steps = extractTextSteps(root, options, Number.MAX_SAFE_INTEGER);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
