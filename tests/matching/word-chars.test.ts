import { describe, expect, it } from 'vitest';
import {
  classAt,
  isApostrophe,
  isClausePunctuation,
  isRegExpSpace,
  LETTER,
  NUMBER,
  OTHER,
  widthAt,
} from '../../lib/matching/word-chars';

const expected = (s: string) => (/^\p{L}$/u.test(s) ? LETTER : /^\p{N}$/u.test(s) ? NUMBER : OTHER);

describe('word characters', () => {
  it('classifies every BMP code unit as /\\p{L}/u and /\\p{N}/u do', () => {
    for (let c = 0; c < 0x10000; c++) {
      const s = String.fromCharCode(c);
      if (classAt(s, 0, 1) !== expected(s)) expect([c, classAt(s, 0, 1)]).toEqual([c, expected(s)]);
    }
  });

  it('reads a surrogate pair as one code point, but only when both halves are in range', () => {
    for (const s of ['𝐀', '𝟘', '😀', '𠀀']) {
      expect(classAt(s, 0, 2)).toBe(expected(s));
      expect(widthAt(s, 0, 2)).toBe(2);
      expect(classAt(s, 0, 1)).toBe(OTHER);
      expect(widthAt(s, 0, 1)).toBe(1);
      expect(classAt(s, 1, 2)).toBe(OTHER);
    }
    expect(classAt('\uD835x', 0, 2)).toBe(OTHER);
  });

  it('knows the spaces of /\\s/ and the clause punctuation', () => {
    for (let c = 0; c < 0x10000; c++) {
      if (isRegExpSpace(c) !== /\s/.test(String.fromCharCode(c))) expect(c).toBe(-1);
    }
    expect([...',;:()[]–—'].every((ch) => isClausePunctuation(ch.charCodeAt(0)))).toBe(true);
    expect([...'.-!?"\'’ '].some((ch) => isClausePunctuation(ch.charCodeAt(0)))).toBe(false);
    expect([isApostrophe(39), isApostrophe(0x2019), isApostrophe(0x2018)]).toEqual([true, true, false]);
  });
});
