import { describe, expect, it } from 'vitest';
import { hashWord, MAX_WORDS, WordCache } from '../../lib/matching/word-cache';

const lookUp = (cache: WordCache, text: string, start = 0, end = text.length) =>
  cache.find(text, start, end, hashWord(text, start, end));

describe('WordCache', () => {
  it('finds a word added by its chars anywhere in a text, and no other word', () => {
    const cache = new WordCache();
    cache.add('pumps', hashWord('pumps', 0, 5), 'pump');
    cache.add("doesn't", hashWord("doesn't", 0, 7), ['doe', 'not']);
    expect(lookUp(cache, 'two pumps here', 4, 9)).toBe('pump');
    expect(lookUp(cache, "it doesn't", 3, 10)).toEqual(['doe', 'not']);
    expect(lookUp(cache, 'pump')).toBeUndefined();
    expect(lookUp(cache, 'Pumps')).toBeUndefined();
  });

  it('tells apart words whose hashes collide', () => {
    const cache = new WordCache();
    // The same hash for two words: only their chars can tell them apart.
    cache.add('alpha', 7, 'a');
    cache.add('omega', 7, 'o');
    expect(cache.find('alpha', 0, 5, 7)).toBe('a');
    expect(cache.find('omega', 0, 5, 7)).toBe('o');
    expect(cache.find('gamma', 0, 5, 7)).toBeUndefined();
  });

  it('keeps every word while it grows, and starts over past its bound', () => {
    const cache = new WordCache();
    const word = (i: number) => `w${i}`;
    for (let i = 0; i < MAX_WORDS; i++) cache.add(word(i), hashWord(word(i), 0, word(i).length), String(i));
    for (let i = 0; i < MAX_WORDS; i += 97) expect(lookUp(cache, word(i))).toBe(String(i));
    cache.add('extra', hashWord('extra', 0, 5), 'x');
    expect(lookUp(cache, 'extra')).toBe('x');
    expect(lookUp(cache, word(0))).toBeUndefined();
  });
});
