import type { TextBlock } from './types';

/**
 * Where a run of sentence punctuation ends and whether it ends the sentence: the splitter's
 * bounded look-arounds, apart from its main loop.
 */

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

/** Whether `c` is a space the splitter trims and looks past. */
export const isSpace = (c: string | undefined) =>
  c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\u00a0';
const isTerminal = (c: string | undefined) => c === '.' || c === '!' || c === '?' || c === '…';
// Closing punctuation and quotes that belong to a sentence end ("?!", ".”", ".)").
const RUN = /[.!?…"'”’)\]]*/y;
const CITATION = /^\[\d{1,3}(?:[,–-]\d{1,3})*\]/;
// Look-arounds are bounded so that every character is examined a constant number of times.
const MAX_ABBREVIATION = 12;
const MAX_SPACE_RUN = 16;
const LOWERCASE = /\p{Ll}/u;
const LETTER_OR_STOP = /[\p{L}.]/u;

/** Whether the character `c` (one code unit, as `text[k]` gives) is a lowercase letter: `/\p{Ll}/u`. */
export function isLowercase(c: string): boolean {
  const code = c.charCodeAt(0);
  // ASCII without a RegExp: most text is.
  if (code < 0x80) return code >= 97 && code <= 122;
  return LOWERCASE.test(c);
}

/** `/[\p{L}.]/u` for one code unit, ASCII without a RegExp. */
function isLetterOrStop(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 0x80) return code === 46 || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return LETTER_OR_STOP.test(c);
}

function wordBefore(text: string, index: number, from: number): string {
  let i = index;
  while (i > from && index - i < MAX_ABBREVIATION && isLetterOrStop(text[i - 1] ?? '')) i--;
  return text.slice(i, index).toLowerCase();
}

/** The first non-space character at or after `from` within `to`, looking at most a few characters ahead. */
export function nextVisible(text: string, from: number, to: number): string {
  let k = from;
  while (k < to && k - from < MAX_SPACE_RUN && isSpace(text[k])) k++;
  return k < to ? (text[k] ?? '') : '';
}

/**
 * End of the run of closing punctuation that starts at the terminal `blockText[i]`, with citation
 * marks ("….[1][2]"), as an offset into `blockText`. One native scan per run.
 */
export function runEnd(blockText: string, i: number): number {
  RUN.lastIndex = i + 1;
  RUN.exec(blockText);
  let j = RUN.lastIndex;
  while (blockText[j] === '[' && CITATION.test(blockText.slice(j, j + 12))) j = blockText.indexOf(']', j) + 1;
  return j;
}

/** The number of terminals in `text[i, j)`, or -1 when one of them is not a full stop. */
export function fullStops(text: string, i: number, j: number): number {
  let count = 0;
  for (let k = i; k < j; k++) {
    const c = text[k];
    if (c === '.') count++;
    else if (isTerminal(c)) return -1;
  }
  return count;
}

/** Whether a run of full stops ending at `j` and followed by space continues the sentence. */
export function continues(
  text: string,
  i: number,
  j: number,
  block: TextBlock,
  rules: SentenceRules,
  singleStop: boolean,
): boolean {
  const next = nextVisible(text, j, block.end);
  if (isLowercase(next)) return true;
  if (!singleStop) return false;
  const word = wordBefore(text, i, block.start);
  return rules.abbreviations.has(word) || (rules.numberAbbreviations.has(word) && /\p{Nd}/u.test(next));
}
