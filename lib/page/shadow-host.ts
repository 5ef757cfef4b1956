import { markOwnElement } from './own-elements';

/** Built-in elements that may host a shadow root; pages cannot redefine them. */
export type ShadowHostTag = 'span' | 'div';

/** A host element and its closed shadow root. */
export interface ShadowHost {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
}

/** Closed roots by host: the only way to reach them, kept in the content script's world. */
const roots = new WeakMap<Element, ShadowRoot>();

/**
 * Creates a host for Claimnote's UI: a plain `<span>` or `<div>` with a closed shadow root.
 *
 * Why built-in tags: a page can define a custom element under any name Claimnote would use
 * (`claimnote-root` with `disabledFeatures = ['shadow']`, or a constructor that attaches its
 * own root), and the browser then upgrades Claimnote's element with the page's class. Built-in
 * elements cannot be redefined. Why closed: the page's scripts cannot reach into the root to
 * read a note or click its buttons. In content scripts `attachShadow` comes from the isolated
 * world's prototypes (Chromium) or through Xray wrappers (Firefox), so a page that replaces
 * `Element.prototype.attachShadow` does not see the root either.
 *
 * @param doc the page's document
 * @param tag `span` for inline hosts (markers), `div` for the note layer
 * @returns the host, not yet in the page, and its root
 * @throws when the browser refuses the shadow root (callers log it instead of going silent)
 */
export function createShadowHost(doc: Document, tag: ShadowHostTag): ShadowHost {
  const host = doc.createElement(tag);
  const root = host.attachShadow({ mode: 'closed' });
  roots.set(host, root);
  markOwnElement(host);
  return { host, root };
}

/**
 * The closed shadow root of a host made by {@link createShadowHost}, or null for any other
 * element. Code in the content script (and its unit tests) reaches the root through this; page
 * scripts have no path to it.
 * @param host an element
 */
export function ownShadowRoot(host: Element): ShadowRoot | null {
  return roots.get(host) ?? null;
}
