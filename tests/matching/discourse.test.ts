import { describe, expect, it } from 'vitest';
import {
  aboutIntrathecal,
  INITIAL_DISCOURSE,
  NO_FACTS,
  nextDiscourse,
  referentHits,
  type SentenceFacts,
  sentenceFacts,
} from '../../lib/matching/discourse';
import { createLexicon } from '../../lib/matching/lexical-hits';
import { tokenize } from '../../lib/matching/tokenize';
import { english } from './english';
import { fixtureIndex } from './fixture-index';

const lexicon = createLexicon(fixtureIndex.terms, fixtureIndex.tables);
const facts = (text: string) =>
  sentenceFacts(lexicon.findHits(tokenize(text, 0, text.length, english.tokens)), lexicon);
const named = (over: Partial<SentenceFacts>): SentenceFacts => ({ ...NO_FACTS, ...over });

describe('nextDiscourse', () => {
  it('takes the topic from a device the sentence names', () => {
    expect(nextDiscourse(INITIAL_DISCOURSE, named({ namesIntrathecal: true })).topic).toBe('intrathecal');
    const other = nextDiscourse({ topic: 'intrathecal', entities: [] }, named({ namesOtherDevice: true }));
    expect(other.topic).toBe('other');
  });

  it('presumes "the pump" is intrathecal only before any device was named', () => {
    expect(nextDiscourse(INITIAL_DISCOURSE, named({ namesBarePump: true })).topic).toBe('intrathecal');
    expect(nextDiscourse({ topic: 'other', entities: [] }, named({ namesBarePump: true })).topic).toBe(
      'other',
    );
  });

  it('keeps the topic over sentences that name nothing, but "it" reaches back one sentence only', () => {
    const after = nextDiscourse({ topic: 'intrathecal', entities: [7] }, NO_FACTS);
    expect(after).toEqual({ topic: 'intrathecal', entities: [] });
    expect(nextDiscourse(INITIAL_DISCOURSE, named({ entities: [3, 4] })).entities).toEqual([3, 4]);
  });

  it('is pure: the state it is given is not changed', () => {
    const state = Object.freeze({ topic: 'none' as const, entities: Object.freeze([1]) });
    expect(() => nextDiscourse(state, named({ namesIntrathecal: true, entities: [2] }))).not.toThrow();
    expect(state).toEqual({ topic: 'none', entities: [1] });
  });
});

describe('sentenceFacts', () => {
  it('reads device names, a bare "pump" and entities from the sentence words', () => {
    expect(facts('The pain pump helps.')).toMatchObject({ namesIntrathecal: true, namesBarePump: false });
    expect(facts('The pump helps.')).toMatchObject({ namesIntrathecal: false, namesBarePump: true });
    expect(facts('An insulin pump helps.')).toMatchObject({ namesOtherDevice: true, namesBarePump: false });
    expect(facts('Ziconotide and ziconotide.').entities).toHaveLength(1);
  });

  it('does not take a name inside a longer name of another device for intrathecal therapy', () => {
    expect(facts('The shoulder pain pump helps.')).toMatchObject({
      namesIntrathecal: false,
      namesOtherDevice: true,
    });
    // Both named side by side: the sentence still names intrathecal therapy.
    expect(facts('A shoulder pain pump is not a pain pump.')).toMatchObject({
      namesIntrathecal: true,
      namesOtherDevice: true,
    });
  });

  it('tells when a sentence is about intrathecal therapy', () => {
    expect(aboutIntrathecal(INITIAL_DISCOURSE, facts('The pump helps.'))).toBe(true);
    expect(aboutIntrathecal({ topic: 'other', entities: [] }, facts('The pump helps.'))).toBe(false);
    expect(aboutIntrathecal({ topic: 'intrathecal', entities: [] }, facts('It helps.'))).toBe(true);
  });
});

describe('referentHits', () => {
  const tokens = tokenize('It is a painkiller.', 0, 19, english.tokens);
  const hits = lexicon.findHits(tokens);
  const baclofen = lexicon.findHits(tokenize('baclofen'))[0]?.term ?? -1;
  const pump = lexicon.findHits(tokenize('pain pump'))[0]?.term ?? -1;

  it('lets "it" stand for the self-claim entity of the previous sentence', () => {
    const standIns = referentHits(hits, { topic: 'none', entities: [baclofen] }, lexicon);
    expect(standIns).toEqual([{ term: baclofen, from: 0, to: 0 }]);
  });

  it('does not stand in for entities no self claim is about, or when none was named', () => {
    expect(referentHits(hits, { topic: 'none', entities: [pump] }, lexicon)).toEqual([]);
    expect(referentHits(hits, INITIAL_DISCOURSE, lexicon)).toEqual([]);
  });
});
