/**
 * Predicates that tell the text extractor which elements a reader cannot see. Extraction takes
 * the predicate as a parameter so the same walk runs in the browser (computed style) and in
 * Node under linkedom (attributes only, for the scan CLI).
 */

/** Decides whether an element, and so its whole subtree, is invisible to the reader. */
export type HiddenPredicate = (element: Element) => boolean;

const hiddenStyle =
  /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!important\s*)?(?:;|$)/i;

/**
 * Hidden-ness from markup alone: the `hidden` attribute or an inline `display:none` /
 * `visibility:hidden` style. For environments without layout (linkedom in the scan CLI);
 * stylesheet rules are invisible to it, which errs towards scanning more text.
 * @param element element to test
 * @returns true when the markup itself hides the element
 */
export const attributeHiddenPredicate: HiddenPredicate = (element) => {
  if (element.hasAttribute('hidden')) return true;
  const style = element.getAttribute('style');
  return style !== null && hiddenStyle.test(style);
};

/**
 * Hidden-ness from the rendered page: `display:none` anywhere up the tree, `visibility:hidden`,
 * or `content-visibility:hidden`. Uses `Element.checkVisibility()` where the browser has it,
 * since it reuses the style already computed for layout; otherwise falls back to
 * `getComputedStyle`.
 * @param view the window whose styles apply
 * @returns a predicate for elements of that window's document
 */
export function computedStyleHiddenPredicate(view: Window): HiddenPredicate {
  return (element) => {
    if (typeof element.checkVisibility === 'function') {
      if (element.checkVisibility({ visibilityProperty: true })) return false;
      // `display: contents` elements have no box of their own, so checkVisibility() reports
      // them invisible although their children render.
      return view.getComputedStyle(element).display !== 'contents';
    }
    const style = view.getComputedStyle(element);
    return style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse';
  };
}

/**
 * Whether an element defers rendering its content (`content-visibility: auto`), read from the
 * computed style the hidden check has just computed for the same element.
 * @param view the window whose styles apply
 * @returns a predicate for ExtractOptions.defersRendering
 */
export function computedStyleDefersRendering(view: Window): (element: Element) => boolean {
  return (element) => view.getComputedStyle(element).contentVisibility === 'auto';
}
