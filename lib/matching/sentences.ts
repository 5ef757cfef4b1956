import type { TextBlock } from './types';

/** A sentence as offsets into the document text (end exclusive, trimmed of surrounding space). */
export interface SentenceSpan {
  start: number;
  end: number;
}

/**
 * The language-specific words the splitter needs, compiled from the lexicon
 * (`CompiledIndex.language`), so that a second language needs no code change.
 */
export interface SentenceRules {
  /** Lowercase words, without their final full stop, after which a full stop never ends a sentence ("dr", "e.g"). */
  abbreviations: ReadonlySet<string>;
  /** Abbreviations only when a number follows ("No. 5", "Fig. 2"); otherwise "No." ends a sentence. */
  numberAbbreviations: ReadonlySet<string>;
}

/** No abbreviations at all: every full stop followed by space and a capital ends a sentence. */
export const NO_SENTENCE_RULES: SentenceRules = { abbreviations: new Set(), numberAbbreviations: new Set() };

const isSpace = (c: string | undefined) =>
  c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\u00a0';
const isTerminal = (c: string | undefined) => c === '.' || c === '!' || c === '?' || c === '…';
// Closing punctuation and quotes that belong to a sentence end ("?!", ".”", ".)").
const RUN = /[.!?…"'”’)\]]*/y;
const CITATION = /^\[\d{1,3}(?:[,–-]\d{1,3})*\]/;
// Look-arounds are bounded so that every character is examined a constant number of times.
const MAX_ABBREVIATION = 12;
const MAX_SPACE_RUN = 16;
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

function wordBefore(text: string, index: number, from: number): string {
  let i = index;
  while (i > from && index - i < MAX_ABBREVIATION && /[\p{L}.]/u.test(text[i - 1] ?? '')) i--;
  return text.slice(i, index).toLowerCase();
}

/** The first non-space character at or after `from` within `to`, looking at most a few characters ahead. */
function nextVisible(text: string, from: number, to: number): string {
  let k = from;
  while (k < to && k - from < MAX_SPACE_RUN && isSpace(text[k])) k++;
  return k < to ? (text[k] ?? '') : '';
}

/**
 * End of the run of closing punctuation that starts at the terminal `blockText[i]`, with citation
 * marks ("….[1][2]"), as an offset into `blockText`. One native scan per run.
 */
function runEnd(blockText: string, i: number): number {
  RUN.lastIndex = i + 1;
  RUN.exec(blockText);
  let j = RUN.lastIndex;
  while (blockText[j] === '[' && CITATION.test(blockText.slice(j, j + 12))) j = blockText.indexOf(']', j) + 1;
  return j;
}

/** The number of terminals in `text[i, j)`, or -1 when one of them is not a full stop. */
function fullStops(text: string, i: number, j: number): number {
  let count = 0;
  for (let k = i; k < j; k++) {
    const c = text[k];
    if (c === '.') count++;
    else if (isTerminal(c)) return -1;
  }
  return count;
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
  const push = (end: number) => {
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
  };
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
      if (!/\p{Ll}/u.test(nextVisible(text, i + 1, block.end))) {
        push(i);
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
    push(j);
    start = j;
    i = j;
  }
  push(block.end);
  return spans;
}

/** Whether a run of full stops ending at `j` and followed by space continues the sentence. */
function continues(
  text: string,
  i: number,
  j: number,
  block: TextBlock,
  rules: SentenceRules,
  singleStop: boolean,
): boolean {
  const next = nextVisible(text, j, block.end);
  if (/\p{Ll}/u.test(next)) return true;
  if (!singleStop) return false;
  const word = wordBefore(text, i, block.start);
  return rules.abbreviations.has(word) || (rules.numberAbbreviations.has(word) && /\p{Nd}/u.test(next));
}
