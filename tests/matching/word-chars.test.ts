import { describe, expect, it } from 'vitest';
import {
  breaksClause,
  classAt,
  isApostrophe,
  isClausePunctuation,
  isRegExpSpace,
  LETTER,
  NUMBER,
  OTHER,
  widthAt,
  wordEnd,
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

describe('word ends and clause gaps', () => {
  it('ends a word after its letters, digits and apostrophe-joined letters', () => {
    const end = (t: string, to = t.length) => wordEnd(t, 0, to);
    expect(end("doesn't stop")).toBe(7);
    expect(end("rock'n'roll!")).toBe(11);
    expect(end("abc' x")).toBe(3);
    expect(end("don't2")).toBe(5);
    expect(end('café𝐀𝐁 x')).toBe(8);
    expect(end('a𝐀', 2)).toBe(1);
    expect(end("it's", 3)).toBe(2);
  });

  it('breaks a clause at clause punctuation or a dash with space on both sides', () => {
    const gap = (t: string) => breaksClause(t, 0, t.length);
    expect([gap(', '), gap(' ('), gap(' — '), gap(' - '), gap('\u00a0-\u3000')]).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect([gap(' '), gap('-'), gap(' -'), gap('- '), gap('. ')]).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
