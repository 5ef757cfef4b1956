import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Hit } from '../../lib/matching/lexical-hits';
import { createLexicon } from '../../lib/matching/lexical-hits';
import { createPatternCover } from '../../lib/matching/pattern-cover';
import { tokenize } from '../../lib/matching/tokenize';
import { english } from './english';
import { fixtureIndex } from './fixture-index';

const { patterns, terms } = fixtureIndex;
const lexicon = createLexicon(terms, fixtureIndex.tables);

/** The definition, pattern by pattern: every group has a term among the hits. */
function coveredByDefinition(hits: readonly Hit[]): number[] {
  const present = new Set(hits.map((h) => h.term));
  const candidates = new Set(hits.flatMap((h) => [...lexicon.patternsOf(h.term)]));
  return [...candidates]
    .filter((p) => patterns[p]?.groups.every((group) => group.some((t) => present.has(t))))
    .sort((a, b) => a - b);
}

const hitsOf = (text: string) => lexicon.findHits(tokenize(text, 0, text.length, english.tokens));

describe('createPatternCover', () => {
  const cover = createPatternCover(patterns, terms.length, lexicon);

  it('finds the patterns with a hit in every group, and only those', () => {
    const hits = hitsOf('The pain pump sends morphine into the brain.');
    const covered = [...cover.cover(hits)];
    expect(covered.length).toBeGreaterThan(0);
    expect(covered).toEqual(coveredByDefinition(hits));
    expect(cover.cover(hitsOf('The pain pump sends morphine.'))).toEqual(
      coveredByDefinition(hitsOf('The pain pump sends morphine.')),
    );
  });

  it('answers which terms the last hits named, forgetting earlier sentences', () => {
    const [first] = hitsOf('brain');
    cover.cover(hitsOf('brain'));
    expect(cover.present(first?.term ?? -1)).toBe(true);
    cover.cover(hitsOf('refill'));
    expect(cover.present(first?.term ?? -1)).toBe(false);
    expect(cover.present(-1)).toBe(false);
    expect(cover.present(terms.length)).toBe(false);
  });

  it('agrees with the definition on any set of hits, sentence after sentence', () => {
    const hit = fc.record({ term: fc.nat(terms.length - 1), from: fc.nat(30) }).map(({ term, from }) => ({
      term,
      from,
      to: from,
    }));
    fc.assert(
      fc.property(fc.array(fc.array(hit, { maxLength: 12 }), { maxLength: 5 }), (sentences) => {
        for (const hits of sentences) expect([...cover.cover(hits)]).toEqual(coveredByDefinition(hits));
      }),
      { numRuns: 500 },
    );
  });
});
