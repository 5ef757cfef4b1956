import type { Finding } from '../matching/types';
import { positionAt, type TextPosition } from './anchor';
import { type ExtractedText, type ExtractOptions, extractTextSteps } from './extract-text';
import type { IncrementalScanner } from './incremental-scanner';

/** A finding of the current pass, anchored in the DOM. */
export interface AnchoredFinding {
  finding: Finding;
  /**
   * What makes this the same finding as one of an earlier pass (its marker and open note are
   * kept): equal keys mean the same claim on the same sentence.
   */
  key: string;
  /** Where the sentence starts and ends, as extracted (before any marker split a node). */
  start: TextPosition | null;
  end: TextPosition | null;
}

/**
 * The page's text as the scanner sees it, kept between passes. The controller tells it what
 * changed (from the DOM watcher's records) and asks it, once per pass, for the findings.
 */
export interface PageDocument {
  /** Nodes added, removed or edited since the last update. */
  markChanged(nodes: readonly Node[]): void;
  /** Anything may have changed (a batch too large to list, a navigation). */
  markAllChanged(): void;
  /**
   * Brings the text up to date and matches what changed, as steps for runInSlices.
   * @returns every finding of the page, in text order
   */
  update(): Generator<void, AnchoredFinding[], void>;
}

/** What {@link createPageDocument} reads. */
export interface PageDocumentOptions {
  /** The root to extract, read at each update (`document.body` may be replaced). */
  root(): Node | null;
  extract: ExtractOptions;
  scanner: IncrementalScanner;
}

/**
 * A page document that extracts the whole root on every update; the scanner's block cache
 * keeps unchanged blocks from being matched again.
 * @param options root, extraction options and scanner
 */
export function createPageDocument(options: PageDocumentOptions): PageDocument {
  return {
    markChanged: () => undefined,
    markAllChanged: () => undefined,
    *update() {
      const root = options.root();
      const extracted: ExtractedText =
        root === null
          ? { doc: { text: '', blocks: [] }, segments: [] }
          : yield* extractTextSteps(root, options.extract);
      const result = yield* options.scanner.scan(extracted.doc);
      return anchorFindings(result.findings, extracted);
    },
  };
}

/**
 * Anchors findings in the extraction they came from. A finding's key is its claim, its quote
 * and how many equal (claim, quote) pairs come before it.
 */
function anchorFindings(findings: readonly Finding[], extracted: ExtractedText): AnchoredFinding[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const base = `${finding.claimId}\u0000${finding.quote}`;
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    return {
      finding,
      key: `${base}\u0000${occurrence}`,
      start: positionAt(extracted.segments, finding.start, 'start'),
      end: positionAt(extracted.segments, finding.end, 'end'),
    };
  });
}
