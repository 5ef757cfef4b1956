import type { TextBlock, TextDocument } from '../matching/types';
import { attributeHiddenPredicate, type HiddenPredicate } from './hidden';
import { isOwnElement } from './own-elements';

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

/** Elements whose content is not prose a reader sees as page text. */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'datalist',
  'svg',
  'math',
  'canvas',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'head',
  'title',
  'meta',
  'link',
]);

/**
 * Elements that start a new line in the default rendering. A tag list rather than computed
 * `display`, because reading the style of every element would cost more than the walk itself.
 */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** Nodes visited between two yields of the stepwise extractor. */
const DEFAULT_STEP_NODES = 256;
const TEXT_NODE = 3;
/**
 * Longest text node extracted, in characters. Longer ones are data blobs, not prose: the
 * scanner never matches a block that long (MAX_BLOCK_CHARS), and copying a 10 MB node into the
 * page text on every pass was the one long task left on such a page.
 */
export const MAX_TEXT_NODE_CHARS = 100_000;
const ELEMENT_NODE = 1;

/** True when `element` starts a new block of text. */
export function isBlockElement(element: Element): boolean {
  return BLOCK_TAGS.has(element.localName) || element.localName === 'br';
}

/** True for an editable region (`contenteditable`): the reader's own text, never scanned. */
export function isEditable(element: Element): boolean {
  const value = element.getAttribute('contenteditable');
  return value !== null && value.toLowerCase() !== 'false';
}

/**
 * Walks the visible text under `root` and yields every `stepNodes` nodes, so a caller can
 * spread the walk over several short tasks. Skips scripts, styles, form fields, editable
 * regions, hidden elements and Claimnote's own UI; block elements and `<br>` end a block.
 * The DOM must not change between steps (the content script re-extracts after mutations).
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
  const isOwn = options.isOwnElement ?? isOwnElement;
  const parts: string[] = [];
  const segments: TextSegment[] = [];
  const blocks: TextBlock[] = [];
  let length = 0;
  // Trimmed extent of the block being collected; -1 while it holds no visible character.
  let blockFirst = -1;
  let blockLast = -1;
  let breakPending = false;

  const endBlock = () => {
    if (blockFirst >= 0) blocks.push({ start: blockFirst, end: blockLast });
    blockFirst = -1;
    breakPending = true;
  };

  const addText = (node: Text) => {
    if (node.length > MAX_TEXT_NODE_CHARS) {
      // Skipped unread, and kept apart from the text around it.
      endBlock();
      return;
    }
    const data = node.data;
    if (data.length === 0) return;
    const firstVisible = data.search(/\S/);
    if (firstVisible < 0 && blockFirst < 0) {
      // Indentation between blocks: not part of any sentence, and no offset needs it.
      return;
    }
    if (breakPending && length > 0) {
      parts.push('\n');
      length += 1;
    }
    breakPending = false;
    if (firstVisible >= 0) {
      if (blockFirst < 0) blockFirst = length + firstVisible;
      let last = data.length - 1;
      while (last > 0 && /\s/.test(data.charAt(last))) last -= 1;
      blockLast = length + last + 1;
    }
    segments.push({ node, start: length, length: data.length });
    parts.push(data);
    length += data.length;
  };

  const insideDeferred = options.insideDeferred ?? attributeHiddenPredicate;
  // The outermost element that defers rendering and that the walk is inside, if any.
  let deferredRoot: Element | null = null;
  const hidden = (element: Element) => {
    if (deferredRoot !== null) return insideDeferred(element);
    if (options.isHidden(element)) return true;
    // Only containers can defer much; leaf elements skip the extra style read.
    if (element.firstElementChild !== null && options.defersRendering?.(element)) deferredRoot = element;
    return false;
  };

  let steps = 0;
  let node: Node | null = root.firstChild;
  while (node !== null) {
    let descend = false;
    if (node.nodeType === TEXT_NODE) {
      addText(node as Text);
    } else if (node.nodeType === ELEMENT_NODE) {
      const element = node as Element;
      const tag = element.localName;
      const block = isBlockElement(element);
      if (tag === 'br') {
        endBlock();
      } else if (SKIPPED_TAGS.has(tag) || isOwn(element) || isEditable(element) || hidden(element)) {
        // A hidden paragraph still separates the visible text around it.
        if (block) endBlock();
      } else {
        if (block) endBlock();
        descend = element.firstChild !== null;
      }
    }

    steps += 1;
    if (steps % stepNodes === 0) yield;

    if (descend && node.firstChild !== null) {
      node = node.firstChild;
      continue;
    }
    if (node === deferredRoot) deferredRoot = null;
    while (node !== null && node !== root && node.nextSibling === null) {
      node = node.parentNode;
      if (node === deferredRoot) deferredRoot = null;
      if (
        node !== null &&
        node !== root &&
        node.nodeType === ELEMENT_NODE &&
        isBlockElement(node as Element)
      ) {
        endBlock();
      }
    }
    if (node === null || node === root) break;
    node = node.nextSibling;
  }
  endBlock();
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
