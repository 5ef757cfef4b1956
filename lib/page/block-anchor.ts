import type { Finding } from '../matching/types';
import { positionAt, type TextPosition } from './anchor';
import type { BlockRecord, TextRun } from './block-record';
import type { TextSegment } from './extract-text';

/**
 * What identifies a finding from one pass to the next, as the Hypothesis client identifies the
 * text an annotation is anchored to: the claim, the exact quote and a little of the text on
 * either side of it. The context is taken within the quote's run (its paragraph, list item,
 * cell), so an edit to a neighbouring paragraph does not change it.
 */
export interface QuoteSelector {
  claimId: string;
  exact: string;
  /** Up to {@link QUOTE_CONTEXT_CHARS} characters of the run before the quote. */
  prefix: string;
  /** Up to {@link QUOTE_CONTEXT_CHARS} characters of the run after the quote. */
  suffix: string;
}

/** Characters of context on each side of a quote, as in Hypothesis' text quote selectors. */
export const QUOTE_CONTEXT_CHARS = 32;

/** A finding of a run, anchored: kept with the run while its text nodes stay as extracted. */
export interface RunAnchor {
  selector: QuoteSelector;
  /** The key before any occurrence suffix: block, claim, prefix, quote, suffix. */
  key: string;
  start: TextPosition | null;
  end: TextPosition | null;
}

/**
 * The quote selector of a finding of `run`.
 * @param run the run the finding was matched in
 * @param finding a finding with offsets into `run.text`
 */
export function quoteSelector(run: TextRun, finding: Finding): QuoteSelector {
  return {
    claimId: finding.claimId,
    exact: finding.quote,
    prefix: run.text.slice(Math.max(0, finding.start - QUOTE_CONTEXT_CHARS), finding.start),
    suffix: run.text.slice(finding.end, finding.end + QUOTE_CONTEXT_CHARS),
  };
}

/**
 * Anchors the findings of a run's last match in the DOM and gives each its key: its block's
 * id and its selector. The block's id tells two equal paragraphs apart (a comment that quotes the
 * article), and stays the same while its element stays in the page.
 * @param run a matched run
 * @param block the block whose walk made the run
 */
export function anchorRun(run: TextRun, block: BlockRecord): RunAnchor[] {
  return (run.scan?.findings ?? []).map((finding) => {
    const selector = quoteSelector(run, finding);
    return {
      selector,
      key: [block.id, selector.claimId, selector.prefix, selector.exact, selector.suffix].join('\u0000'),
      start: positionAt(run.segments, finding.start, 'start'),
      end: positionAt(run.segments, finding.end, 'end'),
    };
  });
}

/**
 * The offset a DOM position stands for in the text its segments were extracted into: the way
 * back from {@link positionAt}.
 * @param segments the extraction's segments
 * @param position a text node and an offset in it
 * @returns the offset, or null when the node is not one of the segments
 */
export function offsetAt(segments: readonly TextSegment[], position: TextPosition): number | null {
  for (const segment of segments) {
    if (segment.node === position.node) return segment.start + position.offset;
  }
  return null;
}

/**
 * Whether the text nodes of a run with findings are still as extracted. Claimnote's markers
 * split them (without the DOM watcher hearing of it), and positions into a split node are wrong.
 * @param run a run of a block's last walk
 */
export function runSplit(run: TextRun): boolean {
  if (run.anchors === null || run.anchors.length === 0) return false;
  return run.segments.some((segment) => segment.node.length !== segment.length);
}
