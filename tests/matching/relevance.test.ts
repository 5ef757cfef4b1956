import { describe, expect, it } from 'vitest';
import { createRelevanceTest, RELEVANCE_CARRY_CHARS } from '../../lib/matching/relevance';
import { testBundle } from '../page/test-bundle';

describe('createRelevanceTest', () => {
  const test = createRelevanceTest(['intrathecal', 'drug delivery', 'c++']);

  it('finds anchor words in any case, inside longer words too', () => {
    expect(test('An INTRATHECAL pump')).toBe(true);
    expect(test('nonintrathecalish')).toBe(true);
    expect(test('a tomato garden')).toBe(false);
  });

  it('lets any whitespace separate the words of a multi-word anchor', () => {
    expect(test('targeted drug\n\t delivery')).toBe(true);
    expect(test('drugdelivery')).toBe(false);
  });

  it('treats anchor characters literally', () => {
    expect(test('c++ code')).toBe(true);
    expect(test('ccc code')).toBe(false);
  });

  it('is never true without anchors', () => {
    expect(createRelevanceTest([])('intrathecal')).toBe(false);
  });

  it('refuses an anchor longer than the carry that page checks keep between text nodes', () => {
    expect(() => createRelevanceTest(['x'.repeat(RELEVANCE_CARRY_CHARS + 1)])).toThrow(/longer than/);
  });

  it('accepts every anchor of the real claim list', () => {
    const real = createRelevanceTest(testBundle.index.relevanceWords);
    expect(real('My ziconotide trial starts Monday.')).toBe(true);
    expect(real('Insulin dosing for beginners.')).toBe(false);
  });
});
