import { describe, expect, it } from 'vitest';
import type { Hit } from '../../lib/matching/lexical-hits';
import { tokenize } from '../../lib/matching/tokenize';
import { clauseEndOf, clauseStarts, countNegations, minimalWindows } from '../../lib/matching/windows';
import { english } from './english';

const hit = (term: number, from: number, to = from): Hit => ({ term, from, to });
// Term 0 is group 0, term 1 group 1, term 2 both.
const groupsOf: Record<number, number[]> = { 0: [0], 1: [1], 2: [0, 1] };

describe('minimalWindows', () => {
  it('yields the smallest spans holding every group, within the window', () => {
    const hits = [hit(0, 0), hit(0, 3), hit(1, 5), hit(1, 30)];
    expect([...minimalWindows(2, 10, hits, groupsOf)]).toEqual([[hit(0, 3), hit(1, 5)]]);
    expect([...minimalWindows(2, 2, hits, groupsOf)]).toEqual([]);
  });

  it('counts a multi-token hit by its last token against the window', () => {
    expect([...minimalWindows(2, 4, [hit(0, 0), hit(1, 2, 4)], groupsOf)]).toEqual([]);
    expect([...minimalWindows(2, 5, [hit(0, 0), hit(1, 2, 4)], groupsOf)]).toHaveLength(1);
  });

  it('stays linear on many hits: one window per pair of neighbours', () => {
    const hits = Array.from({ length: 20_000 }, (_, i) => hit(i % 2, i));
    let windows = 0;
    for (const _ of minimalWindows(2, 3, hits, groupsOf)) windows++;
    expect(windows).toBe(19_999);
  });
});

describe('clauses and negations', () => {
  const tokens = tokenize('It is cheap, but it never needs refills', 0, 39, english.tokens);

  it('starts a clause at punctuation and at the language clause words', () => {
    expect([...clauseStarts(tokens, english.opensClause)]).toEqual([0, 0, 0, 3, 3, 3, 3, 3]);
    expect(clauseEndOf(tokens, 1, english.opensClause)).toBe(2);
    expect(clauseEndOf(tokens, 5, english.opensClause)).toBe(7);
  });

  it('counts cues in the range but not those inside the claim own hits', () => {
    expect(countNegations([2, 5, 9], 0, 6, [])).toBe(2);
    expect(countNegations([2, 5, 9], 0, 6, [hit(0, 5)])).toBe(1);
    expect(countNegations([2, 5, 9], 3, 9, [])).toBe(2);
  });
});
