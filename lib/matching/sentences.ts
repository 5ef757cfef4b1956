import type { TextBlock } from './types';

/** A sentence as offsets into the document text (end exclusive, trimmed of surrounding space). */
export interface SentenceSpan {
  start: number;
  end: number;
}

// Words after which a period does not end a sentence.
const ABBREVIATIONS = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'prof',
  'st',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'approx',
  'no',
  'fig',
  'inc',
  'ltd',
  'u.s',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mg',
  'mcg',
]);

const isSpace = (c: string | undefined) =>
  c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\u00a0';

function wordBefore(text: string, index: number, from: number): string {
  let i = index;
  // Abbreviations are short; the bound keeps long dotted runs from being rescanned.
  while (i > from && index - i < 12 && /[\p{L}.]/u.test(text[i - 1] ?? '')) i--;
  return text.slice(i, index).toLowerCase();
}

/**
 * Splits one block into sentences. A sentence ends at `.`, `!`, `?` or `…` followed by space
 * (unless the word before is a known abbreviation or the next word starts lowercase), or at a
 * line break inside the block (list items, <br>) that is not followed by lowercase text.
 * @param text the whole document text
 * @param block the block to split
 * @returns sentence spans within the block, in order
 */
export function splitSentences(text: string, block: TextBlock): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = block.start;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  // Jump from one possible sentence end to the next: a regular-expression search is much faster
  // than a character loop over long runs of text without any.
  // The search runs over the block alone: on the whole text it could run past the block's end
  // to a far-away full stop for every block, which is quadratic when blocks hold no stops.
  const boundary = /[.!?…\n]/g;
  const blockText = text.slice(block.start, block.end);
  for (let i = block.start; i < block.end; i++) {
    boundary.lastIndex = i - block.start;
    const next = boundary.exec(blockText);
    if (next === null) break;
    i = block.start + next.index;
    const c = text[i];
    if (c === '\n') {
      // A line break ends a sentence (list lines, <br>), except inside hard-wrapped prose
      // where the next line continues in lowercase.
      // The look-ahead is bounded so that long runs of blank lines stay linear.
      let k = i + 1;
      while (k < block.end && k - i < 16 && isSpace(text[k])) k++;
      if (k < block.end && /\p{Ll}/u.test(text[k] ?? '')) continue;
      push(i);
      start = i + 1;
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?' && c !== '…') continue;
    // Take the whole run of closing punctuation and quotes ("?!", ".”", ".)").
    let j = i + 1;
    while (j < block.end && /[.!?…"'”’)\]]/.test(text[j] ?? '')) j++;
    // Citation marks after the stop ("….[1][2] Next") belong to the sentence that ends.
    while (j < block.end && text[j] === '[' && /^\[\d{1,3}(?:[,–-]\d{1,3})*\]/.test(text.slice(j, j + 12))) {
      j = text.indexOf(']', j) + 1;
    }
    if (j < block.end && !isSpace(text[j])) continue;
    if (c === '.') {
      if (ABBREVIATIONS.has(wordBefore(text, i, block.start))) continue;
      let k = j;
      while (k < block.end && k - j < 16 && isSpace(text[k])) k++;
      const next = text[k] ?? '';
      if (k < block.end && /\p{Ll}/u.test(next)) continue;
    }
    push(j);
    start = j;
    i = j - 1;
  }
  push(block.end);
  return spans;
}
