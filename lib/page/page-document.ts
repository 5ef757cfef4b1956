import type { Finding } from '../matching/types';
import type { TextPosition } from './anchor';
import type { QuoteSelector } from './block-anchor';
import { type PageMatcher, passSteps } from './block-pass';
import { BlockStore } from './block-record';
import type { ExtractOptions } from './extract-text';

export type { PageMatcher } from './block-pass';

/** A finding of the current pass, anchored in the DOM. */
export interface AnchoredFinding {
  /** Offsets into the page text as a whole-page extraction makes it (extract-text.ts). */
  finding: Finding;
  /**
   * What makes this the same finding as one of an earlier pass (its marker and open note are
   * kept): its block, its {@link selector} and, for equal ones in one block, their order. The
   * same sentence added elsewhere on the page, or an edit to another paragraph, leaves it alone.
   */
  key: string;
  /** The quote and its context within its paragraph. */
  selector: QuoteSelector;
  /** Where the sentence starts and ends, as extracted (before any marker split a node). */
  start: TextPosition | null;
  end: TextPosition | null;
}

/**
 * The page's text as the scanner sees it, kept between passes. The controller tells it what
 * changed (from the DOM watcher's records) and asks it, once per pass, for the findings.
 */
export interface PageDocument {
  /**
   * Connected nodes under which visible text may have changed since the last update: for a
   * childList record its target and the added nodes, for characterData the text node, for an
   * attribute (`hidden`, `open`) the element. Disconnected nodes are ignored.
   */
  markChanged(nodes: readonly Node[]): void;
  /** Anything may have changed (a batch too large to list, a navigation). */
  markAllChanged(): void;
  /**
   * Brings the text up to date and matches what changed, as steps for runInSlices.
   * @returns every finding of the page, in text order
   */
  update(): Generator<void, AnchoredFinding[], void>;
  /** Some element was hidden when its block was last walked. */
  hasHidden(): boolean;
  /**
   * Finds the elements that were hidden when their block was last walked and that the reader
   * can see now: a "read more", tab or accordion shown by a class or style change, which the DOM
   * watcher does not record. As steps for runInSlices; it reads the page and writes nothing to it.
   * @returns those elements, to hand to the next pass as changes
   */
  shownSteps(): Generator<void, Element[], void>;
}

/** Hidden elements asked per step of {@link PageDocument.shownSteps}: each reads style. */
const SHOWN_CHECKS_PER_STEP = 200;

/** What {@link createPageDocument} reads. */
export interface PageDocumentOptions {
  /** The root to extract, read at each update (`document.body` may be replaced). */
  root(): Element | null;
  extract: ExtractOptions;
  matcher: PageMatcher;
}

/**
 * A page document made of blocks (block-record.ts): a change marks the blocks around it, and
 * an update walks only those again and rematches their runs and the runs after them until the
 * discourse state carried from block to block is what it was (block-pass.ts).
 * @param options root, extraction options and matcher
 */
export function createPageDocument(options: PageDocumentOptions): PageDocument {
  const store = new BlockStore();
  return {
    markChanged: (nodes) => store.markChanged(nodes),
    markAllChanged: () => store.markAllChanged(),
    *update() {
      const root = options.root();
      if (root === null) return [];
      return yield* passSteps(store, root, options.extract, options.matcher);
    },
    hasHidden: () => store.hiddenIn.size > 0,
    *shownSteps() {
      const shown: Element[] = [];
      let asked = 0;
      for (const [element] of store.hiddenIn) {
        // Gone from the page: its old parent, reported by the watcher, is what changed.
        if (!element.isConnected) store.hiddenIn.delete(element);
        else if (!options.extract.isHidden(element)) {
          // Asked once: the walk its pass makes keeps it again if it is hidden once more.
          store.hiddenIn.delete(element);
          shown.push(element);
        }
        asked += 1;
        if (asked % SHOWN_CHECKS_PER_STEP === 0) yield;
      }
      return shown;
    },
  };
}
