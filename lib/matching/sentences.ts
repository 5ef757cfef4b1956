import {
  continues,
  fullStops,
  isLowercase,
  isSpace,
  NO_SENTENCE_RULES,
  nextVisible,
  runEnd,
} from './sentence-ends';
import type { TextBlock } from './types';

export { NO_SENTENCE_RULES, type SentenceRules } from './sentence-ends';

/** A sentence as offsets into the document text (end exclusive, trimmed of surrounding space). */
export interface SentenceSpan {
  start: number;
  end: number;
}

/**
 * Longer than this, a "sentence" is not prose (scraped text without stops, keyword lists) and is
 * cut into pieces at a space. Matching one 800,000-character sentence kept all its tokens alive
 * at once, and the garbage collector's work made the scan superlinear (the `negationStack` case).
 */
export const MAX_SENTENCE_CHARS = 2_000;
// How far back from the limit a piece looks for a space to end at.
const MAX_CUT_LOOK_BACK = 200;

/** Where to cut the over-long span starting at `s`: the last space in reach, else a code-point boundary. */
function cutPoint(text: string, s: number): number {
  const limit = s + MAX_SENTENCE_CHARS;
  for (let k = limit; k > limit - MAX_CUT_LOOK_BACK; k--) if (isSpace(text[k])) return k;
  const code = text.charCodeAt(limit);
  return code >= 0xdc00 && code <= 0xdfff ? limit - 1 : limit;
}

/** Adds `text[start, end)` trimmed of space, cut into pieces when it is over-long. */
function pushTrimmed(spans: SentenceSpan[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && isSpace(text[s])) s++;
  while (e > s && isSpace(text[e - 1])) e--;
  while (e - s > MAX_SENTENCE_CHARS) {
    const cut = cutPoint(text, s);
    let pieceEnd = cut;
    while (pieceEnd > s && isSpace(text[pieceEnd - 1])) pieceEnd--;
    if (pieceEnd > s) spans.push({ start: s, end: pieceEnd });
    s = cut;
    while (s < e && isSpace(text[s])) s++;
  }
  if (e > s) spans.push({ start: s, end: e });
}

/**
 * Splits one block into sentences in one pass (linear in the block's length, whatever its
 * punctuation). A sentence ends at a run of `.`, `!`, `?` or `…` followed by space, unless the
 * run is a full stop after an abbreviation of `rules` or the next word starts lowercase; or at a
 * line break inside the block (list items, <br>) that is not followed by lowercase text. A
 * sentence longer than {@link MAX_SENTENCE_CHARS} comes back in pieces cut at spaces.
 * @param text the whole document text
 * @param block the block to split
 * @param rules the language's abbreviations (default: none)
 * @returns sentence spans within the block, in order
 */
export function splitSentences(text: string, block: TextBlock, rules = NO_SENTENCE_RULES): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = block.start;
  // Jump from one possible sentence end to the next: a regular-expression search is much faster
  // than a character loop over long runs of text without any. It runs over the block alone: on
  // the whole text it could run past the block's end to a far-away stop for every block.
  const boundary = /[.!?…\n]/g;
  const blockText = text.slice(block.start, block.end);
  let i = block.start;
  while (i < block.end) {
    boundary.lastIndex = i - block.start;
    const found = boundary.exec(blockText);
    if (found === null) break;
    i = block.start + found.index;
    if (text[i] === '\n') {
      // A line break ends a sentence (list lines, <br>), except inside hard-wrapped prose
      // where the next line continues in lowercase.
      if (!isLowercase(nextVisible(text, i + 1, block.end))) {
        pushTrimmed(spans, text, start, i);
        start = i + 1;
      }
      i++;
      continue;
    }
    // The whole run is decided at once and never re-entered: restarting inside a run of
    // 20,000 dots followed by a letter made this quadratic.
    const j = block.start + runEnd(blockText, i - block.start);
    if (j < block.end && !isSpace(text[j])) {
      i = j;
      continue;
    }
    // Only runs of full stops can continue a sentence ("e.g. this", "Dr. Lee"); "?" or "!" never.
    const stops = fullStops(text, i, j);
    if (stops > 0 && continues(text, i, j, block, rules, stops === 1)) {
      i = j;
      continue;
    }
    pushTrimmed(spans, text, start, j);
    start = j;
    i = j;
  }
  pushTrimmed(spans, text, start, block.end);
  return spans;
}
