import type { Verdict } from '../claims/schema';

/**
 * A paragraph-like block of the text being scanned, as character offsets into
 * `TextDocument.text` (end exclusive). Sentences never span two blocks.
 */
export interface TextBlock {
  start: number;
  end: number;
}

/** Plain text plus its block boundaries: what the DOM layer and the CLI hand to the matcher. */
export interface TextDocument {
  text: string;
  blocks: readonly TextBlock[];
}

/** One matched claim: the character range of the sentence that states it. */
export interface Finding {
  claimId: string;
  verdict: Verdict;
  /** Offset of the first character of the matched sentence in `TextDocument.text`. */
  start: number;
  /** Offset just past the last character of the matched sentence. */
  end: number;
  /** The matched sentence, exactly as in the text. */
  quote: string;
}
