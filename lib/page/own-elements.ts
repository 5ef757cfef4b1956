/**
 * Claimnote's own elements in the page, recognised by identity rather than by name or
 * attribute: a page can give its own elements any tag or attribute (`<claimnote-marker>` to
 * hide its text from the scanner, or to trip the mutation filter), but it cannot put an
 * element into this set, which lives in the content script's world.
 */
const ownElements = new WeakSet<Node>();

/**
 * Records `element` as Claimnote's: the extractor skips it and the DOM watcher ignores its
 * changes.
 * @param element a host element Claimnote created
 */
export function markOwnElement(element: Element): void {
  ownElements.add(element);
}

/**
 * Whether `node` is one of Claimnote's elements or lies inside one. Hosts keep their content in
 * shadow roots, so the walk up is short; it stops at the first shadow root boundary.
 * @param node any node of the page
 */
export function isOwnNode(node: Node | null): boolean {
  for (let current = node; current !== null; current = current.parentNode) {
    if (ownElements.has(current)) return true;
  }
  return false;
}

/**
 * Whether `element` itself is one of Claimnote's elements (for walks that test each element
 * they enter).
 * @param element an element of the page
 */
export function isOwnElement(element: Element): boolean {
  return ownElements.has(element);
}
