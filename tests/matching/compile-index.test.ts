import { describe, expect, it } from 'vitest';
import type { Claim } from '../../lib/claims/schema';
import { compileIndex } from '../../lib/matching/compile-index';
import { stem } from '../../lib/matching/stem';

const claim: Claim = {
  id: 'no-refills-needed',
  statement: 'The pump never needs refills.',
  verdict: 'false',
  correction: 'Pumps are refilled every few months.',
  explanation: 'A clinician refills the reservoir through the skin with a needle.',
  sources: ['src'],
  reviewed: '2026-11-25',
  match: { subject: 'intrathecal', patterns: [{ all: [['@need'], ['refills', 'refill']] }] },
  examples: { positive: [], negative: [] },
};

describe('compileIndex', () => {
  it('expands concepts, stems terms once and shares ids between equal terms', () => {
    const index = compileIndex({
      version: 'v',
      claims: [claim],
      lexicon: {
        concepts: {
          need: ['need', 'needs', '@require'],
          require: ['require'],
          intrathecal: ['pain pump'],
          relevance: ['pump'],
        },
      },
    });
    const [pattern] = index.patterns;
    expect(pattern?.groups[0]?.map((id) => index.terms[id])).toEqual([['need'], [stem('require')]]);
    // "refills" and "refill" stem alike, so they become one term.
    expect(pattern?.groups[1]).toHaveLength(1);
    expect(pattern?.window).toBe(15);
    expect(index.relevanceWords).toEqual(['pump']);
  });

  it('refuses an intrathecal term that the cheap relevance check would never see', () => {
    expect(() =>
      compileIndex({
        version: 'v',
        claims: [claim],
        lexicon: { concepts: { need: ['need'], intrathecal: ['ziconotide'], relevance: ['pump'] } },
      }),
    ).toThrow(/"ziconotide" in @intrathecal contains no @relevance anchor/);
  });

  it('refuses concept cycles', () => {
    expect(() =>
      compileIndex({ version: 'v', claims: [claim], lexicon: { concepts: { need: ['@need'] } } }),
    ).toThrow(/refers to itself/);
  });
});
