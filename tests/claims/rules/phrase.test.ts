import { describe, expect, it } from 'vitest';
import { PhraseError, parseAlternatives } from '../../../lib/claims/rules/phrase';

describe('parseAlternatives', () => {
  it.each([
    ['deliver|send', [['deliver'], ['send']]],
    ['into (the|your)? brain', [['into brain', 'into the brain', 'into your brain']]],
    ['spinal cord?', [['spinal', 'spinal cord']]],
    [
      '(is|are) (a|the) first (line|choice)',
      [
        [
          'is a first line',
          'is a first choice',
          'is the first line',
          'is the first choice',
          'are a first line',
          'are a first choice',
          'are the first line',
          'are the first choice',
        ],
      ],
    ],
    [
      '(go|went) (in|into (the|your))',
      [['go in', 'go into the', 'go into your', 'went in', 'went into the', 'went into your']],
    ],
    ['@spinal-cord|spinal fluid', [['@spinal-cord'], ['spinal fluid']]],
  ])('expands %s', (text, expected) => {
    const alternatives = parseAlternatives(text);
    expect(alternatives.map((a) => [...a.terms].sort())).toEqual(expected.map((terms) => [...terms].sort()));
  });

  it('keeps each alternative as written, for messages', () => {
    expect(parseAlternatives('deliver | into (the|your)? brain').map((a) => a.text)).toEqual([
      'deliver',
      'into (the|your)? brain',
    ]);
  });

  it.each([
    ['into (the brain', /unbalanced/],
    ['the?', /can match no word/],
    ['a||b', /empty alternative/],
    ['into @brain', /must be a whole alternative/],
    ['@Brain', /not a concept name/],
    ['(a|b|c|d) (a|b|c|d) (a|b|c|d) (a|b|c|d)?', /more than 64 terms/],
  ])('rejects %s', (text, message) => {
    expect(() => parseAlternatives(text)).toThrow(PhraseError);
    expect(() => parseAlternatives(text)).toThrow(message);
  });
});
