/**
 * Character classes of the tokenizer, read from char codes without a RegExp per character: what
 * `/[\p{L}\p{N}]/u` and `/\s/` say, answered from ASCII tables, a lazily filled table of the
 * Basic Multilingual Plane and, for the rare astral code point, a small cache. On them, where a
 * word ends and whether the gap before it separates clauses.
 */

/** Class of a code point: neither, a letter (`\p{L}`), or a number (`\p{N}`). */
export const OTHER = 1;
export const LETTER = 2;
export const NUMBER = 3;

const LETTER_TEST = /^\p{L}$/u;
const NUMBER_TEST = /^\p{N}$/u;
// 0 = not classified yet. Filled on first sight, so a page pays once per distinct character.
const bmp = new Uint8Array(0x10000);
for (let c = 0; c < 0x80; c++) {
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  bmp[c] = letter ? LETTER : c >= 48 && c <= 57 ? NUMBER : OTHER;
}
const astral = new Map<number, number>();

/**
 * Classes of the ASCII characters (index by char code < 128): the tokenizer's loops read this
 * table inline and call {@link classAt} only for other characters.
 */
export const ASCII_CLASS: Readonly<Uint8Array> = bmp.slice(0, 0x80);

function classify(s: string): number {
  return LETTER_TEST.test(s) ? LETTER : NUMBER_TEST.test(s) ? NUMBER : OTHER;
}

/**
 * The class of the code point at `i` (a surrogate pair counts as one code point, as in a `u`
 * RegExp, but only when both halves lie before `to`).
 */
export function classAt(text: string, i: number, to: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= to) {
    const known = bmp[c] ?? OTHER;
    if (known !== 0) return known;
    // A lone surrogate is no letter; classify() would see it as such too.
    const found = classify(String.fromCharCode(c));
    bmp[c] = found;
    return found;
  }
  const low = text.charCodeAt(i + 1);
  if (low < 0xdc00 || low > 0xdfff) return OTHER;
  const point = (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  let found = astral.get(point);
  if (found === undefined) {
    found = classify(String.fromCodePoint(point));
    if (astral.size < 4096) astral.set(point, found);
  }
  return found;
}

/** Code units the code point at `i` takes (2 for a surrogate pair before `to`). */
export function widthAt(text: string, i: number, to: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= to) return 1;
  const low = text.charCodeAt(i + 1);
  return low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
}

/** Whether `c` is a char code that `/\s/` matches. */
export function isRegExpSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Whether `c` separates clauses on its own: , ; : ( ) [ ] – —. */
export function isClausePunctuation(c: number): boolean {
  return (
    c === 44 ||
    c === 59 ||
    c === 58 ||
    c === 40 ||
    c === 41 ||
    c === 91 ||
    c === 93 ||
    c === 0x2013 ||
    c === 0x2014
  );
}

/** Whether `c` joins the parts of a word ("doesn't", "patient’s"). */
export const isApostrophe = (c: number): boolean => c === 39 || c === 0x2019;

/** Whether the gap `text[from, to)` between two words separates clauses: clause punctuation, or a spaced dash. */
export function breaksClause(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (isClausePunctuation(c)) return true;
    if (c === 45 && k > from && k + 1 < to) {
      if (isRegExpSpace(text.charCodeAt(k - 1)) && isRegExpSpace(text.charCodeAt(k + 1))) return true;
    }
  }
  return false;
}

/** The end of the word (letters or digits, then apostrophe-joined letters) that starts at `i`. */
export function wordEnd(text: string, i: number, to: number): number {
  let j = i;
  for (;;) {
    while (j < to && text.charCodeAt(j) < 0x80 && ASCII_CLASS[text.charCodeAt(j)] !== OTHER) j++;
    if (j >= to || text.charCodeAt(j) < 0x80 || classAt(text, j, to) === OTHER) break;
    j += widthAt(text, j, to);
  }
  while (j + 1 < to && isApostrophe(text.charCodeAt(j)) && classAt(text, j + 1, to) === LETTER) {
    j++;
    while (j < to && classAt(text, j, to) === LETTER) j += widthAt(text, j, to);
  }
  return j;
}
