import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stem } from '../../lib/matching/stem';
import {
  applyContraction,
  fold,
  NO_TOKEN_RULES,
  type Token,
  type TokenRules,
  tokenize,
} from '../../lib/matching/tokenize';
import { english } from './english';

/**
 * The tokenizer written the straightforward way, one RegExp per word and no cache: what the
 * char-code tokenizer must agree with, token for token.
 */
function referenceTokenize(text: string, from: number, to: number, rules: TokenRules): Token[] {
  const word = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
  const clausePunctuation = /[,;:()[\]–—]|\s-\s/;
  const slice = text.slice(from, to);
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (let m = word.exec(slice); m !== null; m = word.exec(slice)) {
    const raw = m[0];
    const start = from + m.index;
    const clauseBreak = clausePunctuation.test(slice.slice(previousEnd, m.index));
    previousEnd = m.index + raw.length;
    if (raw.length > 64) continue;
    const folded = fold(raw);
    const apostrophe = folded.search(/['’]/);
    let words = apostrophe < 0 ? [folded] : undefined;
    for (const rule of rules.contractions) words ??= applyContraction(rule, folded);
    words ??= [folded.slice(0, apostrophe)];
    words.forEach((w, k) => {
      tokens.push({
        stem: stem(w, rules.irregular),
        start,
        end: start + raw.length,
        clauseBreak: k === 0 && clauseBreak,
      });
    });
  }
  return tokens;
}

// Pieces that stress every branch: accents precomposed and combining, apostrophes of both kinds,
// astral letters and digits, lone surrogates, spaced and unspaced dashes, clause punctuation,
// irregular forms and contractions, words over the length limit.
const PIECES = [
  'pump',
  'Pumps',
  'delivered',
  'sent',
  "doesn't",
  'won’t',
  "patient's",
  "rock'n'roll",
  "'",
  '’',
  '‘',
  'café',
  'cafe\u0301',
  'NAÏVE',
  'İstanbul',
  'ﬁne',
  'Straße',
  'ǅ',
  'ΣΊΣΥΦΟΣ',
  '٣٤',
  '²',
  'Ⅻ',
  '𝐀𝐁𝐂',
  '𝟘',
  '😀',
  '\uD835',
  '\uDC00',
  ' ',
  '  ',
  '\u00a0',
  '\u2003',
  '\n',
  '\t',
  ',',
  ';',
  ':',
  '(',
  ')',
  '[',
  ']',
  '–',
  '—',
  '-',
  ' - ',
  '\u00a0-\u3000',
  '.',
  '?',
  'a2b',
  "x'1",
  "don't2",
  'x'.repeat(65),
  'y'.repeat(64),
  'constructor',
  '__proto__',
  '123',
  'é'.repeat(40),
];
const text = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 6 })), {
    maxLength: 40,
  })
  .map((parts) => parts.join(''));
const withRange = text.chain((t) =>
  fc.tuple(fc.constant(t), fc.nat(t.length), fc.nat(t.length)).map(([s, a, b]) => ({
    text: s,
    from: Math.min(a, b),
    to: Math.max(a, b),
  })),
);

describe('tokenize against the reference tokenizer', () => {
  it.each([
    ['no rules', NO_TOKEN_RULES],
    ['English rules', english.tokens],
  ])('yields the same tokens on generated text (%s)', (_name, rules) => {
    fc.assert(
      fc.property(withRange, ({ text: t, from, to }) => {
        // Twice: the second run reads the stems from the cache.
        expect(tokenize(t, from, to, rules)).toEqual(referenceTokenize(t, from, to, rules));
        expect(tokenize(t, from, to, rules)).toEqual(referenceTokenize(t, from, to, rules));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees on a range that cuts a surrogate pair in two', () => {
    const t = 'a𝐀b 𝐀𝐀';
    for (let from = 0; from <= t.length; from++) {
      for (let to = from; to <= t.length; to++) {
        expect(tokenize(t, from, to, english.tokens)).toEqual(referenceTokenize(t, from, to, english.tokens));
      }
    }
  });

  it('keeps giving the same stems after its cache has started over', () => {
    const words = Array.from({ length: 25_000 }, (_, i) => `w${i.toString(36)}ed`).join(' ');
    const t = `${words} delivered`;
    expect(tokenize(t, 0, t.length, english.tokens)).toEqual(
      referenceTokenize(t, 0, t.length, english.tokens),
    );
  });
});
