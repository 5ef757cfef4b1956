import { stem } from './stem';
import { type CachedStems, hashWord, WordCache } from './word-cache';
import { ASCII_CLASS, breaksClause, classAt, OTHER, widthAt, wordEnd } from './word-chars';

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

const MAX_WORD_LENGTH = 64;
const NEEDS_FOLDING = /[^ -~\t\n\r]/;

/**
 * How a word joined by an apostrophe splits into words ("won't" → "will not"), compiled from the
 * lexicon's `@contraction` concept. `written` holds at most one `*`, which stands for any
 * letters and is copied into `words` ("*n't" → "* not").
 */
export interface ContractionRule {
  written: string;
  words: string[];
}

/** The language-specific lists the tokenizer needs (`CompiledIndex.language`). */
export interface TokenRules {
  /** Tried in order; exact forms come before `*` forms. */
  contractions: readonly ContractionRule[];
  /** Irregular word forms and the form they stem as ("sent" → "send"). */
  irregular: ReadonlyMap<string, string>;
}

/** No rules: an apostrophe word keeps only its part before the apostrophe, no irregular forms. */
export const NO_TOKEN_RULES: TokenRules = { contractions: [], irregular: new Map() };

/** The words `rule` expands `word` into, or undefined when it does not apply. */
export function applyContraction(rule: ContractionRule, word: string): string[] | undefined {
  const star = rule.written.indexOf('*');
  if (star < 0) return rule.written === word ? rule.words : undefined;
  const prefix = rule.written.slice(0, star);
  const suffix = rule.written.slice(star + 1);
  if (word.length <= prefix.length + suffix.length || !word.startsWith(prefix) || !word.endsWith(suffix)) {
    return undefined;
  }
  const stemPart = word.slice(prefix.length, word.length - suffix.length);
  return rule.words.map((w) => (w === '*' ? stemPart : w));
}

/**
 * Lowercases and strips accents, and writes the typographic apostrophe as `'`.
 * @param word a word as written
 * @returns its folded form, as matched against the lexicon
 */
export function fold(word: string): string {
  const lower = word.toLowerCase();
  if (!NEEDS_FOLDING.test(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/’/g, "'");
}

// One memo per language, so per matcher (see word-cache.ts).
const caches = new WeakMap<TokenRules, WordCache>();

/** The stem (or, for a contraction, the stems) of a word as written; not memoized. */
function stemsOf(raw: string, rules: TokenRules): CachedStems {
  const word = fold(raw);
  const apostrophe = word.indexOf("'");
  if (apostrophe < 0) return stem(word, rules.irregular);
  let words: string[] | undefined;
  for (const rule of rules.contractions) {
    words = applyContraction(rule, word);
    if (words) break;
  }
  // Possessives and 're/'ll/'ve/'d carry nothing a claim pattern needs.
  words ??= [word.slice(0, apostrophe)];
  return words.map((w) => stem(w, rules.irregular));
}

/**
 * Splits `text[from, to)` into normalized word tokens with their source offsets. A word is a run
 * of letters or digits (`\p{L}`, `\p{N}`), optionally followed by apostrophe-joined letters
 * ("doesn't", "patient's"); it is read by char codes, and its stems come from a bounded cache.
 * Contractions become several tokens by `rules` ("doesn't" → "does" + "not") so that negation
 * is seen; other apostrophe words (possessives, 're/'ll/'ve/'d) keep their first part only.
 * @param text the whole document text
 * @param from first offset to read
 * @param to offset to stop at (exclusive)
 * @param rules the language's contractions (default: none)
 * @returns tokens in text order
 */
export function tokenize(text: string, from = 0, to = text.length, rules = NO_TOKEN_RULES): Token[] {
  const tokens: Token[] = [];
  let cache = caches.get(rules);
  if (cache === undefined) {
    cache = new WordCache();
    caches.set(rules, cache);
  }
  let previousEnd = from;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c < 0x80 ? ASCII_CLASS[c] === OTHER : classAt(text, i, to) === OTHER) {
      i += c < 0x80 ? 1 : widthAt(text, i, to);
      continue;
    }
    const start = i;
    const end = wordEnd(text, i, to);
    i = end;
    const clauseBreak = breaksClause(text, previousEnd, start);
    previousEnd = end;
    // No claim term is this long; a giant "word" is data (base64, minified code), not prose,
    // and folding or stemming it would cost time in proportion to its length.
    if (end - start > MAX_WORD_LENGTH) continue;
    const hash = hashWord(text, start, end);
    let stems = cache.find(text, start, end, hash);
    if (stems === undefined) {
      const raw = text.slice(start, end);
      stems = stemsOf(raw, rules);
      cache.add(raw, hash, stems);
    }
    if (typeof stems === 'string') {
      tokens.push({ stem: stems, start, end, clauseBreak });
      continue;
    }
    for (let k = 0; k < stems.length; k++) {
      tokens.push({ stem: stems[k] ?? '', start, end, clauseBreak: k === 0 && clauseBreak });
    }
  }
  return tokens;
}

/**
 * Normalizes a claim term ("spinal fluid", "doesn't") into the stem sequence that `tokenize`
 * would produce for the same words in a page.
 * @param term a word or phrase
 * @param rules the language's contractions: the same as the page is tokenized with
 * @returns its stems
 */
export function termStems(term: string, rules = NO_TOKEN_RULES): string[] {
  return tokenize(term, 0, term.length, rules).map((t) => t.stem);
}
