import { describe, expect, it } from 'vitest';
import { stem } from '../../lib/matching/stem';
import { applyContraction, termStems, tokenize } from '../../lib/matching/tokenize';
import { english } from './english';

describe('stem', () => {
  it.each([
    ['delivers', 'deliver'],
    ['delivered', 'deliver'],
    ['delivering', 'deliver'],
    ['requires', stem('require')],
    ['required', stem('require')],
    ['stopped', 'stop'],
    ['therapies', 'therapy'],
    ['gas', 'gas'],
  ])('maps %s onto the stem of its base form', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it("maps irregular forms by the lexicon's @irregular-form list only", () => {
    expect(stem('sent', english.tokens.irregular)).toBe('send');
    expect(stem('gotten', english.tokens.irregular)).toBe('get');
    expect(stem('sent')).toBe('sent');
  });

  it('stems words spelled like inherited object properties as words', () => {
    expect(stem('constructor', english.tokens.irregular)).toBe('constructor');
    expect(stem('valueof', english.tokens.irregular)).toBe('valueof');
  });
});

describe('tokenize', () => {
  it('keeps source offsets for every word', () => {
    const text = 'The Pump, ‘refilled’ monthly.';
    for (const token of tokenize(text)) {
      expect(text.slice(token.start, token.end).toLowerCase()).toMatch(/^[a-z‘’]+$/);
    }
    expect(tokenize(text).map((t) => t.stem)).toEqual(['the', 'pump', 'refill', 'month']);
  });

  it('splits negative contractions into a verb and "not" by the lexicon\'s @contraction rules', () => {
    const stems = (term: string) => termStems(term, english.tokens);
    expect(stems("doesn't")).toEqual(['doe', 'not']);
    expect(stems('can’t')).toEqual(['can', 'not']);
    expect(stems("won't")).toEqual(['will', 'not']);
    expect(stems("patient's")).toEqual(['patient']);
    // Without rules, an apostrophe word keeps its first part only: nothing English is built in.
    expect(termStems("won't")).toEqual(['won']);
  });

  it('keeps offsets and the clause break on the first word of a contraction', () => {
    const tokens = tokenize("Yes, don't", 0, 10, english.tokens);
    expect(tokens.map((t) => [t.stem, t.start, t.end, t.clauseBreak])).toEqual([
      ['yes', 0, 3, false],
      ['do', 5, 10, true],
      ['not', 5, 10, false],
    ]);
  });

  it('applies exact and starred contraction rules', () => {
    expect(applyContraction({ written: "won't", words: ['will', 'not'] }, "won't")).toEqual(['will', 'not']);
    expect(applyContraction({ written: "won't", words: ['will', 'not'] }, "don't")).toBeUndefined();
    expect(applyContraction({ written: "*n't", words: ['*', 'not'] }, "isn't")).toEqual(['is', 'not']);
    expect(applyContraction({ written: "l'*", words: ['le', '*'] }, "l'homme")).toEqual(['le', 'homme']);
    expect(applyContraction({ written: "*n't", words: ['*', 'not'] }, "n't")).toBeUndefined();
  });

  it('folds case and accents', () => {
    expect(termStems('NAÏVE Café')).toEqual(termStems('naive cafe'));
  });

  it('marks clause breaks from punctuation', () => {
    const tokens = tokenize('It is cheap, but (never) refilled; really — yes');
    expect(tokens.filter((t) => t.clauseBreak).map((t) => t.stem)).toEqual([
      'but',
      'never',
      'refill',
      'real',
      'yes',
    ]);
  });

  it('reads only the requested range', () => {
    const text = 'skip these words only';
    expect(tokenize(text, 11, 16).map((t) => [t.stem, t.start])).toEqual([['word', 11]]);
  });
});
