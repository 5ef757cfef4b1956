import fc from 'fast-check';
import type { ClaimList } from '../../lib/claims/claim-list';
import type { TextBlock, TextDocument } from '../../lib/matching/types';

/**
 * Generators of hostile text for the matcher: what real pages contain at their worst
 * (keyword-stuffed spam, scraped text without punctuation, mixed scripts, giant single
 * "sentences"), built from the claim list's own vocabulary so that the matcher's expensive
 * paths actually run. Shared by the fuzz tests and scripts/bench-linearity.ts.
 */

/** Words and example sentences of the claim list: the text most likely to reach deep matcher paths. */
export interface ClaimVocabulary {
  /** Lexicon terms and pattern terms, e.g. "pain pump", "deliver", "not". */
  terms: string[];
  /** Positive example sentences (claim wordings). */
  sentences: string[];
}

/**
 * Collects the vocabulary of a claim list.
 * @param list the validated claim list
 * @returns de-duplicated terms (without `@concept` references) and positive example texts
 */
export function claimVocabulary(list: ClaimList): ClaimVocabulary {
  const terms = new Set<string>();
  for (const words of Object.values(list.lexicon.concepts)) for (const word of words) terms.add(word);
  for (const claim of list.claims) {
    for (const pattern of claim.match.patterns) {
      for (const group of pattern.all) for (const term of group) terms.add(term);
      for (const term of pattern.none ?? []) terms.add(term);
    }
  }
  const sentences = list.claims.flatMap((claim) =>
    claim.examples.positive.map((example) =>
      typeof example === 'string' ? example : `${example.context} ${example.text}`,
    ),
  );
  return { terms: [...terms].filter((term) => !term.startsWith('@')).sort(), sentences };
}

/** Right-to-left, CJK, emoji (with ZWJ and skin tone), combining marks and invisible controls. */
export const FOREIGN_PIECES = [
  'مضخة المورفين',
  'משאבת כאב',
  '鞘内注射泵',
  'モルヒネポンプ',
  '척수강 내 펌프',
  'насос',
  '👩🏽‍⚕️',
  '💉',
  '🏳️‍🌈',
  'e\u0301\u0302\u0303',
  '\u202Epmup niap\u202C',
  '\u200B',
  '\u200D',
  '\u00A0',
  '\uFEFF',
  '\uD83D',
  '\uDC89',
  '\u0000',
  '\t',
  '\r\n',
  '\u2028',
  'ﬁ',
  'İ',
  'ß',
];

const PUNCTUATION = [
  '.',
  '!',
  '?',
  '…',
  ',',
  ';',
  ':',
  ' - ',
  '"',
  '(',
  ')',
  '...',
  '?!',
  '\n',
  '\n\n',
  '。',
  '؟',
  // Runs of sentence ends without a space after them: the splitter must not restart inside.
  '.'.repeat(40),
  '?!'.repeat(20),
  '…'.repeat(30),
  '."'.repeat(20),
  '..... ',
];

/**
 * Text pieces mixing claim vocabulary, foreign scripts, punctuation and arbitrary Unicode.
 * @param vocabulary the claim list's words and sentences
 * @returns an arbitrary string piece
 */
export function textPiece(vocabulary: ClaimVocabulary): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...vocabulary.terms) },
    { weight: 2, arbitrary: fc.constantFrom(...vocabulary.sentences) },
    { weight: 2, arbitrary: fc.constantFrom(...FOREIGN_PIECES) },
    { weight: 2, arbitrary: fc.constantFrom(...PUNCTUATION) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  );
}

/**
 * Pieces joined by random separators (or none, as in scraped text).
 * @param vocabulary the claim list's words and sentences
 * @param maxPieces upper bound on the number of pieces
 */
export function adversarialText(vocabulary: ClaimVocabulary, maxPieces = 60): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(textPiece(vocabulary), fc.constantFrom(' ', '', '  ', '\n', '-', ' ')), {
      maxLength: maxPieces,
    })
    .map((parts) => parts.map(([piece, separator]) => piece + separator).join(''));
}

/**
 * A document over `text` with random, sorted, non-overlapping blocks (gaps allowed, as
 * between a page's paragraphs), always within the text.
 * @param text the document text
 */
export function documentOver(text: string): fc.Arbitrary<TextDocument> {
  return fc.uniqueArray(fc.integer({ min: 0, max: text.length }), { maxLength: 12 }).map((cuts) => {
    const points = [0, ...cuts.sort((a, b) => a - b), text.length];
    const blocks: TextBlock[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const start = points[i] ?? 0;
      const end = points[i + 1] ?? 0;
      // Every third gap stays outside any block: text the DOM layer skipped (scripts, hidden).
      if (end > start && i % 3 !== 2) blocks.push({ start, end });
    }
    return { text, blocks };
  });
}

/** A document with one block covering the whole text. */
export function wholeText(text: string): TextDocument {
  return { text, blocks: [{ start: 0, end: text.length }] };
}

/**
 * Deterministic adversarial inputs of about `size` characters, for the 1 MB cases and the
 * linearity benchmark. Each is a worst case for a different part of the matcher.
 */
export const ADVERSARIAL_KINDS = {
  /** One trigger word over and over, no punctuation: one enormous sentence full of hits. */
  triggerRun: (vocabulary: ClaimVocabulary, size: number) => repeatTo(`${vocabulary.terms.join(' ')} `, size),
  /** A claim wording repeated without sentence ends: every pattern matches everywhere. */
  repeatedClaim: (vocabulary: ClaimVocabulary, size: number) =>
    repeatTo(
      `${vocabulary.sentences.map((sentence) => sentence.replace(/[.!?]+\s*$/, '')).join(' and ')} `,
      size,
    ),
  /** Claim wordings as proper sentences: maximum number of findings. */
  manyClaimSentences: (vocabulary: ClaimVocabulary, size: number) =>
    repeatTo(`${vocabulary.sentences.join(' ')} `, size),
  /** Negations and corrections stacked: the negation-scope logic's worst case. */
  negationStack: (vocabulary: ClaimVocabulary, size: number) =>
    repeatTo(
      `it is not true that it is a myth that the pain pump does not never ${vocabulary.terms[0] ?? ''} `,
      size,
    ),
  /** A single "word" with no spaces or punctuation (minified data, base64 blobs). */
  noSpaces: (_vocabulary: ClaimVocabulary, size: number) => repeatTo('intrathecalpumpmorphinebrain', size),
  /** Mixed scripts with trigger words in between. */
  mixedScripts: (vocabulary: ClaimVocabulary, size: number) =>
    repeatTo(
      FOREIGN_PIECES.filter((piece) => !/[\uD800-\uDFFF]/.test(piece) || piece.length > 1)
        .map((piece, i) => `${piece} ${vocabulary.terms[i % vocabulary.terms.length] ?? ''}`)
        .join(' '),
      size,
    ),
  /** Sentence terminators only: a million empty sentences. */
  punctuationOnly: (_vocabulary: ClaimVocabulary, size: number) => repeatTo('. ! ? ', size),
  /** One run of full stops followed by a letter: the splitter once restarted inside such runs. */
  dotRun: (_vocabulary: ClaimVocabulary, size: number) => runThenLetter('.', size),
  /** The same with "?!" pairs. */
  interrobangRun: (_vocabulary: ClaimVocabulary, size: number) => runThenLetter('?!', size),
  /** The same with the ellipsis character. */
  ellipsisRun: (_vocabulary: ClaimVocabulary, size: number) => runThenLetter('…', size),
  /** The same with a stop and a closing quote, over and over. */
  quotedStopRun: (_vocabulary: ClaimVocabulary, size: number) => runThenLetter('."', size),
  /** Runs of stops before lowercase words, between claim words: abbreviation and look-ahead paths. */
  stopsBeforeLowercase: (vocabulary: ClaimVocabulary, size: number) =>
    repeatTo(`${vocabulary.terms[1] ?? ''}...... etc.. no. e.g. ${vocabulary.terms[2] ?? ''} `, size),
} as const satisfies Record<string, (vocabulary: ClaimVocabulary, size: number) => string>;

export type AdversarialKind = keyof typeof ADVERSARIAL_KINDS;

/** `unit` repeated to `size - 1` characters, then one letter: a single run with no space in it. */
function runThenLetter(unit: string, size: number): string {
  return `${repeatTo(unit, size - 1)}x`;
}

function repeatTo(unit: string, size: number): string {
  if (unit.length === 0) return '';
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}
