import { describe, expect, it } from 'vitest';
import { stem } from '../../lib/matching/stem';
import { termStems, tokenize } from '../../lib/matching/tokenize';

describe('stem', () => {
  it.each([
    ['delivers', 'deliver'],
    ['delivered', 'deliver'],
    ['delivering', 'deliver'],
    ['requires', stem('require')],
    ['required', stem('require')],
    ['stopped', 'stop'],
    ['therapies', 'therapy'],
    ['sent', 'send'],
    ['gas', 'gas'],
  ])('maps %s onto the stem of its base form', (word, expected) => {
    expect(stem(word)).toBe(expected);
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

  it('splits negative contractions into a verb and "not"', () => {
    expect(termStems("doesn't")).toEqual(['doe', 'not']);
    expect(termStems('can’t')).toEqual(['can', 'not']);
    expect(termStems("won't")).toEqual(['will', 'not']);
    expect(termStems("patient's")).toEqual(['patient']);
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
