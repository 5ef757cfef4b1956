import { parseHTML } from 'linkedom';
import type { TextDocument } from '../matching/types';
import { extractText } from '../page/extract-text';
import { attributeHiddenPredicate } from '../page/hidden';

/**
 * Extracts an HTML page's visible text with the same rules the content script uses, so that the
 * CLI finds what a reader of the page would be shown. Hidden elements are recognized by their
 * attributes only (no stylesheet is applied outside a browser).
 * @param html the page source
 * @returns the document
 */
export function htmlTextDocument(html: string): TextDocument {
  const { document } = parseHTML(html);
  const root = document.body ?? document.documentElement;
  // linkedom implements the DOM subset the extractor walks, but ships its own type names.
  return extractText(root as unknown as Node, { isHidden: attributeHiddenPredicate }).doc;
}
