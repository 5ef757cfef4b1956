/**
 * Replaces the test document's body with `markup` (written by the test, so trusted) and
 * returns the body. Tests use the global document: happy-dom's ranges misbehave in documents
 * made with createHTMLDocument.
 */
export function mount(markup: string): HTMLElement {
  document.body.innerHTML = markup;
  return document.body;
}
