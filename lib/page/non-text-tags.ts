/**
 * Elements whose content is not prose a reader sees as page text. The one list for the whole
 * page layer: the extractor skips these subtrees, the relevance check ignores text inside them,
 * and the DOM watcher ignores changes there (scripts injected, ad iframes and images filling,
 * style sheets rewritten by CSS-in-JS), so none of those costs a pass.
 */
export const NON_TEXT_TAGS: ReadonlySet<string> = new Set([
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
  'img',
  'head',
  'title',
  'meta',
  'link',
]);

/**
 * Whether `node` lies inside (or is) an element of {@link NON_TEXT_TAGS}.
 * @param node any node; a detached one is judged by the ancestors it still has
 */
export function inNonTextElement(node: Node): boolean {
  const start = node.nodeType === 1 ? (node as Element) : node.parentElement;
  for (let element = start; element !== null; element = element.parentElement) {
    if (NON_TEXT_TAGS.has(element.localName)) return true;
  }
  return false;
}
