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
  /** Why it matched: the rule and the words of the text that fit it. */
  reason?: FindingReason;
}

/** The rule a finding matched and the words that made it match. */
export interface FindingReason {
  /** The rule's source text, or a rendering of its term groups when the source is not known. */
  rule: string;
  /** The claim file that holds the rule, and its line, when known. */
  file?: string;
  line?: number;
  /** The matched terms as they appear in the text, in text order. */
  words: string[];
}
