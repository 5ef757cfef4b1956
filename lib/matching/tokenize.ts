import { stem } from './stem';

/** A word of the text, normalized for matching. */
export interface Token {
  /** Stemmed, lowercased, accent-free form. */
  stem: string;
  /** Offset of the word's first character in the source text. */
  start: number;
  /** Offset just past the word in the source text. */
  end: number;
  /** True when punctuation that separates clauses (, ; : brackets, dashes) precedes this word. */
  clauseBreak: boolean;
}

// Letters or digits, optionally followed by apostrophe-joined parts ("doesn't", "patient's").
// Each quantifier consumes a disjoint character class, so matching is linear in the input.
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const CLAUSE_PUNCTUATION = /[,;:()[\]–—]|\s-\s/;
const MAX_WORD_LENGTH = 64;
const NEEDS_FOLDING = /[^ -~\t\n\r]/;

const CONTRACTION_BASES: Record<string, string> = {
  ca: 'can',
  wo: 'will',
  sha: 'shall',
  ai: 'is',
};

function fold(word: string): string {
  const lower = word.toLowerCase();
  if (!NEEDS_FOLDING.test(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/’/g, "'");
}

/**
 * Splits `text[from, to)` into normalized word tokens with their source offsets.
 * Contractions become two tokens ("doesn't" → "does" + "not") so that negation is seen.
 * @param text the whole document text
 * @param from first offset to read
 * @param to offset to stop at (exclusive)
 * @returns tokens in text order
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(from, to);
  WORD.lastIndex = 0;
  let previousEnd = 0;
  for (let m = WORD.exec(slice); m !== null; m = WORD.exec(slice)) {
    const raw = m[0];
    const start = from + m.index;
    const end = start + raw.length;
    const gap = slice.slice(previousEnd, m.index);
    const clauseBreak = CLAUSE_PUNCTUATION.test(gap);
    previousEnd = m.index + raw.length;

    // No claim term is this long; a giant "word" is data (base64, minified code), not prose,
    // and folding or stemming it would cost time in proportion to its length.
    if (raw.length > MAX_WORD_LENGTH) continue;
    const word = fold(raw);
    const apostrophe = word.search(/['’]/);
    if (apostrophe < 0) {
      tokens.push({ stem: stem(word), start, end, clauseBreak });
      continue;
    }
    const head = word.slice(0, apostrophe);
    const tail = word.slice(apostrophe + 1);
    if (tail === 't' && head.endsWith('n')) {
      const base = head.slice(0, -1);
      tokens.push({ stem: stem(CONTRACTION_BASES[base] ?? base), start, end, clauseBreak });
      tokens.push({ stem: 'not', start, end, clauseBreak: false });
    } else {
      // Possessives and 're/'ll/'ve/'d carry nothing a claim pattern needs.
      tokens.push({ stem: stem(head), start, end, clauseBreak });
    }
  }
  return tokens;
}

/**
 * Normalizes a claim term ("spinal fluid", "doesn't") into the stem sequence that `tokenize`
 * would produce for the same words in a page.
 * @param term a word or phrase
 * @returns its stems
 */
export function termStems(term: string): string[] {
  return tokenize(term).map((t) => t.stem);
}
