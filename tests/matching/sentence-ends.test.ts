import { describe, expect, it } from 'vitest';
import { continues, fullStops, isLowercase, runEnd } from '../../lib/matching/sentence-ends';
import { english } from './english';

describe('sentence ends', () => {
  it('finds the end of a punctuation run with its quotes, brackets and citation marks', () => {
    expect(runEnd('Yes?!" Next', 3)).toBe(6);
    expect(runEnd('Small.[1][2–4] Next', 5)).toBe(14);
    expect(runEnd('No.[x] Next', 2)).toBe(3);
  });

  it('counts full stops, and refuses a run with another terminal', () => {
    expect(fullStops('Wait...', 4, 7)).toBe(3);
    expect(fullStops('So.")', 2, 5)).toBe(1);
    expect(fullStops('What.?', 4, 6)).toBe(-1);
  });

  it('continues after an abbreviation, a number abbreviation before a digit, or before lowercase', () => {
    const at = (text: string, stop: number) =>
      continues(text, stop, stop + 1, { start: 0, end: text.length }, english.sentences, true);
    expect(at('Dr. Lee', 2)).toBe(true);
    expect(at('No. 5', 2)).toBe(true);
    expect(at('No. You', 2)).toBe(false);
    expect(at('It ends. and goes on', 7)).toBe(true);
    expect(at('It ends. Next', 7)).toBe(false);
  });
});

describe('isLowercase', () => {
  it('says what /\\p{Ll}/u says for every code unit, and no for none', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (isLowercase(ch) !== /\p{Ll}/u.test(ch)) expect(c).toBe(-1);
    }
    expect(isLowercase('')).toBe(false);
  });
});
