import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../lib/matching/sentences';

const split = (text: string) =>
  splitSentences(text, { start: 0, end: text.length }).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it.each([
    ['One. Two! Three? Four', ['One.', 'Two!', 'Three?', 'Four']],
    ['Dr. Lee said 0.5 mg is small. It was.', ['Dr. Lee said 0.5 mg is small.', 'It was.']],
    ['The U.S. FDA warned. Pumps can stall.', ['The U.S. FDA warned.', 'Pumps can stall.']],
    ['He said "it works." Then he left.', ['He said "it works."', 'Then he left.']],
    ['Doses are small.[1][2] Compare them.', ['Doses are small.[1][2]', 'Compare them.']],
    ['e.g. morphine. i.e. not oral.', ['e.g. morphine. i.e. not oral.']],
    ['Side effects are rare\nNo trial is needed', ['Side effects are rare', 'No trial is needed']],
    ['the pump sends\nmorphine to the spine.', ['the pump sends\nmorphine to the spine.']],
  ])('splits %j', (text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  it('stays within the block it is given', () => {
    const text = 'Before. Inside one. Inside two. After.';
    const start = text.indexOf('Inside');
    const end = text.indexOf(' After');
    const spans = splitSentences(text, { start, end });
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Inside one.', 'Inside two.']);
  });
});
