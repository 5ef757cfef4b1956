import { describe, expect, it } from 'vitest';
import type { CompiledIndex } from '../../lib/matching/compiled-index';
import { createLexicon } from '../../lib/matching/lexical-hits';
import { buildLexicalTables, TERM_CLASS } from '../../lib/matching/lexical-tables';
import { tokenize } from '../../lib/matching/tokenize';
import { fixtureIndex } from './fixture-index';

const small: Pick<CompiledIndex, 'terms' | 'patterns' | 'classes'> = {
  terms: [['pain', 'pump'], ['pain'], ['brain'], ['not'], ['ziconotid'], ['it'], ['constructor']],
  patterns: [
    {
      claimId: 'a',
      verdict: 'false',
      subject: 'intrathecal',
      groups: [[0], [2]],
      none: [],
      negated: false,
      window: 9,
    },
    {
      claimId: 'b',
      verdict: 'false',
      subject: 'self',
      groups: [[4], [2, 6]],
      none: [],
      negated: false,
      window: 9,
    },
  ],
  classes: {
    intrathecal: [0, 4],
    otherDevice: [],
    otherTherapy: [],
    negation: [3],
    negationException: [],
    correction: [],
    entity: [0, 4],
    referent: [5],
    barePump: [],
  },
};

describe('buildLexicalTables', () => {
  const tables = buildLexicalTables(small);

  it('indexes terms by first stem and patterns and groups by term', () => {
    expect(tables.termsByFirstStem.pain).toEqual([0, 1]);
    expect(tables.patternsByTerm[2]).toEqual([0, 1]);
    expect(tables.patternsByTerm[1]).toEqual([]);
    expect(tables.patternsByTerm).toHaveLength(small.terms.length);
    expect(tables.groupsOfTerm[1]?.[6]).toEqual([1]);
  });

  it('gives each class term its bits, and marks the entities of self claims', () => {
    expect(tables.termClasses[4]).toBe(TERM_CLASS.intrathecal | TERM_CLASS.entity | TERM_CLASS.selfEntity);
    // "pain pump" is an entity, but no self claim is about it.
    expect(tables.termClasses[0]).toBe(TERM_CLASS.intrathecal | TERM_CLASS.entity);
    expect(tables.termClasses[2]).toBe(0);
  });

  it('is plain JSON, so the bundle can carry it as data', () => {
    expect(JSON.parse(JSON.stringify(fixtureIndex.tables))).toEqual(fixtureIndex.tables);
    expect(JSON.parse(JSON.stringify(tables))).toEqual(tables);
  });
});

describe('createLexicon', () => {
  const lexicon = createLexicon(small.terms, buildLexicalTables(small));
  const hits = (text: string) => lexicon.findHits(tokenize(text)).map((h) => [h.term, h.from, h.to]);

  it('finds single- and multi-word terms in text order, longer ones after shorter at the same start', () => {
    expect(hits('the pain pump in the brain')).toEqual([
      [0, 1, 2],
      [1, 1, 1],
      [2, 5, 5],
    ]);
  });

  it('finds a term spelled like an inherited property, and no inherited property as a term', () => {
    expect(hits('constructor toString hasOwnProperty')).toEqual([[6, 0, 0]]);
  });

  it('answers class and pattern questions from the tables', () => {
    expect(lexicon.is(3, 'negation')).toBe(true);
    expect(lexicon.is(3, 'entity')).toBe(false);
    expect(lexicon.patternsOf(2)).toEqual([0, 1]);
    expect(lexicon.patternsOf(1)).toEqual([]);
    expect(lexicon.groupsOf(1, 6)).toEqual([1]);
    expect(lexicon.groupsOf(0, 6)).toEqual([]);
  });
});
