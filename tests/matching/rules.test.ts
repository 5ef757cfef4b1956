import { describe, expect, it } from 'vitest';
import {
  type DiscourseState,
  INITIAL_DISCOURSE,
  referentHits,
  sentenceFacts,
} from '../../lib/matching/discourse';
import { createLexicon } from '../../lib/matching/lexical-hits';
import { createPatternCover } from '../../lib/matching/pattern-cover';
import { evaluateRules } from '../../lib/matching/rules';
import { tokenize } from '../../lib/matching/tokenize';
import { english } from './english';
import { fixtureIndex } from './fixture-index';

const lexicon = createLexicon(fixtureIndex.terms, fixtureIndex.tables);
const cover = createPatternCover(fixtureIndex.patterns, fixtureIndex.terms.length, lexicon);

/** The rule matches of one sentence, as claim id and matched words. */
function evaluate(text: string, state: DiscourseState = INITIAL_DISCOURSE) {
  const tokens = tokenize(text, 0, text.length, english.tokens);
  const named = lexicon.findHits(tokens);
  const hits = [...named, ...referentHits(named, state, lexicon)].sort((a, b) => a.from - b.from);
  const facts = sentenceFacts(named, lexicon);
  const candidates = cover.cover(hits);
  return evaluateRules(
    { tokens, named, hits, facts, state, candidates, present: cover.present },
    fixtureIndex.patterns,
    lexicon,
    english.opensClause,
  ).map((match) => ({
    claimId: fixtureIndex.patterns[match.pattern]?.claimId,
    words: match.chosen.map((h) => text.slice(tokens[h.from]?.start, tokens[h.to]?.end)),
    span: [match.from, match.to],
  }));
}

describe('evaluateRules', () => {
  it('returns the match with the hit of each group that made it', () => {
    expect(evaluate('The pain pump sends morphine into the brain.')).toEqual([
      { claimId: 'delivers-into-brain', words: ['sends', 'brain'], span: [3, 7] },
    ]);
  });

  it('needs every group within the window and no veto term', () => {
    expect(evaluate('The pain pump sends morphine into the brain ventricle.')).toEqual([]);
    expect(evaluate('The pain pump sends morphine to the spinal fluid.')).toEqual([]);
  });

  it('counts negation cues in the matched clause against the pattern polarity', () => {
    expect(evaluate('The pain pump never needs a refill.').map((m) => m.claimId)).toEqual([
      'no-refills-needed',
    ]);
    expect(evaluate('The pain pump needs a refill.')).toEqual([]);
    expect(evaluate('It is not true that the pain pump sends drug into the brain.')).toEqual([]);
    expect(evaluate('No, the pain pump, but it never needs a refill.').map((m) => m.claimId)).toEqual([
      'no-refills-needed',
    ]);
  });

  it('asks the discourse state when the sentence does not name the therapy', () => {
    const text = 'The pump sends morphine into the brain.';
    expect(evaluate(text, { topic: 'intrathecal', entities: [] })).toHaveLength(1);
    expect(evaluate(text, { topic: 'other', entities: [] })).toEqual([]);
    // "The pump" before any device was named is presumed to be the intrathecal one.
    expect(evaluate(text)).toHaveLength(1);
  });

  it('lets a stand-in for "it" fill a self claim group', () => {
    const baclofen = lexicon.findHits(tokenize('baclofen'))[0]?.term ?? -1;
    expect(evaluate('It is a painkiller.', { topic: 'none', entities: [baclofen] })).toEqual([
      { claimId: 'baclofen-is-painkiller', words: ['It', 'painkiller'], span: [0, 3] },
    ]);
    expect(evaluate('It is a painkiller.')).toEqual([]);
  });

  it('finds nothing in a correction frame', () => {
    expect(evaluate("It's a myth that the pain pump sends drug into the brain.")).toEqual([]);
  });
});
