import { parseHTML } from 'linkedom';
import type { TextDocument } from '../matching/types';
import { extractTextSteps } from '../page/extract-text';
import { attributeHiddenPredicate } from '../page/hidden';
import { nestsDeeperThan } from './html-depth';
import { InputRefused } from './scan-limits';

/** Bounds on extracting one page. */
export interface HtmlTextOptions {
  /** Deepest element nesting accepted; deeper pages are refused before they are parsed. */
  maxDepth: number;
  /** Called between extraction steps; throws to stop a page that ran out of time. */
  checkBudget?: () => void;
}

/**
 * Extracts an HTML page's visible text with the same rules the content script uses, so that the
 * CLI finds what a reader of the page would be shown. Hidden elements are recognized by their
 * attributes only (no stylesheet is applied outside a browser).
 * @param html the page source
 * @param options nesting limit and time-budget check
 * @returns the document
 * @throws {InputRefused} when the page nests elements deeper than `maxDepth`
 */
export function htmlTextDocument(html: string, options: HtmlTextOptions): TextDocument {
  // The DOM library is quadratic in nesting depth and cannot be interrupted, so the depth is
  // checked on the source first, in one linear pass.
  if (nestsDeeperThan(html, options.maxDepth)) {
    throw new InputRefused(`elements nested deeper than ${options.maxDepth}`);
  }
  const { document } = parseHTML(html);
  options.checkBudget?.();
  const root = document.body ?? document.documentElement;
  // linkedom implements the DOM subset the extractor walks, but ships its own type names.
  const steps = extractTextSteps(root as unknown as Node, { isHidden: attributeHiddenPredicate });
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value.doc;
    options.checkBudget?.();
  }
}
