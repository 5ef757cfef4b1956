import { vi } from 'vitest';
import { createMatcher } from '../../lib/matching/matcher';
import type { Finding } from '../../lib/matching/types';
import { extractText } from '../../lib/page/extract-text';
import { attributeHiddenPredicate } from '../../lib/page/hidden';
import { type AnchoredFinding, createPageDocument, type PageDocument } from '../../lib/page/page-document';
import { testBundle } from './test-bundle';

export const matcher = createMatcher(testBundle.index);

/** Runs a stepwise task to its end. */
export function finish<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * A page document over `root()` that counts its work: runs matched (`scanBlock` calls) and
 * elements asked whether they are hidden (one per element a walk enters).
 */
export function countingDocument(root: () => Element | null = () => document.body) {
  const counted = { ...matcher };
  const scans = vi.spyOn(counted, 'scanBlock');
  const asked: Element[] = [];
  const page: PageDocument = createPageDocument({
    root,
    extract: {
      isHidden: (element) => {
        asked.push(element);
        return attributeHiddenPredicate(element);
      },
    },
    matcher: counted,
  });
  return {
    page,
    update: () => finish(page.update()),
    /** Texts matched since the last call. */
    matched(): string[] {
      const texts = scans.mock.calls.map(([text]) => text);
      scans.mockClear();
      return texts;
    },
    /** How many elements were asked since the last call. */
    asked(): number {
      const count = asked.length;
      asked.length = 0;
      return count;
    },
  };
}

/**
 * Records the page's mutations as the DOM watcher does and hands them over by the page
 * document's contract: a childList record's target and added nodes, a changed text node, an
 * element whose `hidden` or `open` changed.
 */
export function watchChanges(target: Node = document.documentElement) {
  const observer = new MutationObserver(() => undefined);
  observer.observe(target, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['hidden', 'open'],
  });
  return {
    /** The changed nodes since the last call, connected ones first as the watcher lists them. */
    take(): Node[] {
      const nodes: Node[] = [];
      for (const record of observer.takeRecords()) {
        nodes.push(record.target);
        if (record.type === 'childList') nodes.push(...record.addedNodes, ...record.removedNodes);
      }
      return nodes;
    },
    /** Forgets changes made so far (ones Claimnote made itself). */
    discard: () => observer.takeRecords(),
    stop: () => observer.disconnect(),
  };
}

/** What a whole-page extraction and scan finds, the reference for incremental passes. */
export function fullScan(root: Node = document.body): Finding[] {
  const { doc } = extractText(root, { isHidden: attributeHiddenPredicate });
  return matcher.scan(doc);
}

/** A fresh page document's findings on the current DOM. */
export function freshFindings(root: () => Element | null = () => document.body): AnchoredFinding[] {
  return countingDocument(root).update();
}

/** Findings as comparable records: what, where, and the key. */
export const summary = (found: readonly AnchoredFinding[]) =>
  found.map(({ finding, key }) => ({ ...finding, key }));
