/** Which elements hold text a reader sees, and which end a block of it: read by every walk of the page. */

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

/**
 * Longest text node extracted, in characters. Longer ones are data blobs, not prose: the
 * scanner never matches a block that long (MAX_BLOCK_CHARS), and copying a 10 MB node into the
 * page text on every pass was the one long task left on such a page.
 */
export const MAX_TEXT_NODE_CHARS = 100_000;

/** True when `element` starts a new block of text. */
export function isBlockElement(element: Element): boolean {
  return BLOCK_TAGS.has(element.localName) || element.localName === 'br';
}

/** True for an editable region (`contenteditable`): the reader's own text, never scanned. */
export function isEditable(element: Element): boolean {
  const value = element.getAttribute('contenteditable');
  return value !== null && value.toLowerCase() !== 'false';
}
