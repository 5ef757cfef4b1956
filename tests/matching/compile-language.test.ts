import { describe, expect, it } from 'vitest';
import type { Claim } from '../../lib/claims/schema';
import { compileIndex } from '../../lib/matching/compile-index';
import { compileLanguage, parseContraction } from '../../lib/matching/compile-language';
import { createLanguage } from '../../lib/matching/language';
import { splitSentences } from '../../lib/matching/sentences';
import { tokenize } from '../../lib/matching/tokenize';
import { englishCompiled } from './english';

describe('compileLanguage', () => {
  it('compiles abbreviations lowercase without their final stop, and does not stem them', () => {
    const language = compileLanguage({
      abbreviation: ['Dr.', 'e.g.', 'U.S.', 'approx.'],
      'number-abbreviation': ['No.'],
    });
    expect(language.abbreviations).toEqual(['dr', 'e.g', 'u.s', 'approx']);
    expect(language.numberAbbreviations).toEqual(['no']);
  });

  it('puts exact contractions before starred ones and stems clause words and question openers', () => {
    const language = compileLanguage({
      contraction: ["*n't = * not", "won't = will not"],
      'clause-word': ['however', 'because'],
      'question-claim-opener': ['did you know'],
    });
    expect(language.contractions.map((c) => c.written)).toEqual(["won't", "*n't"]);
    expect(language.clauseWords).toEqual(['however', 'becaus']);
    expect(language.questionClaimOpeners).toEqual([['did', 'you', 'know']]);
  });

  it('compiles irregular forms and stems clause words with them', () => {
    const language = compileLanguage({ 'irregular-form': ['Went = go'], 'clause-word': ['went'] });
    expect(language.irregularForms).toEqual([['went', 'go']]);
    expect(language.clauseWords).toEqual(['go']);
    expect(() => compileLanguage({ 'irregular-form': ['went to = go'] })).toThrow(
      /@irregular-form "went to = go"/,
    );
  });

  it('refuses malformed contraction entries, naming them', () => {
    expect(() => parseContraction("won't")).toThrow(/@contraction "won't"/);
    expect(() => parseContraction('*a* = x')).toThrow(/at most one \*/);
    expect(() => parseContraction("won't = * not")).toThrow(/@contraction/);
    expect(parseContraction('Can’t = can not')).toEqual({ written: "can't", words: ['can', 'not'] });
  });

  it('lets a second language be described by data alone', () => {
    const french = createLanguage(
      compileLanguage({
        abbreviation: ['M.', 'Mme.'],
        contraction: ["l'* = le *", "n'* = ne *"],
        'clause-word': ['mais'],
      }),
    );
    const text = "M. Dupont l'a dit. Mais n'oubliez pas.";
    const spans = splitSentences(text, { start: 0, end: text.length }, french.sentences);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual([
      "M. Dupont l'a dit.",
      "Mais n'oubliez pas.",
    ]);
    const tokens = tokenize(text, 0, text.length, french.tokens);
    expect(tokens.map((t) => t.stem)).toContain('ne');
    expect(tokens.filter(french.opensClause).map((t) => t.stem)).toEqual(['mais']);
  });

  it('English from the shipped lexicon: "No." only before a number, contractions as before', () => {
    expect(englishCompiled.numberAbbreviations).toContain('no');
    expect(englishCompiled.abbreviations).not.toContain('no');
    expect(englishCompiled.contractions.at(-1)).toEqual({ written: "*n't", words: ['*', 'not'] });
  });
});

describe('compileIndex language and tables', () => {
  const claim: Claim = {
    id: 'no-refills-needed',
    statement: 'The pump never needs refills.',
    verdict: 'false',
    correction: 'Pumps are refilled every few months.',
    explanation: 'A clinician refills the reservoir through the skin with a needle.',
    sources: ['src'],
    reviewed: '2026-11-25',
    match: { subject: 'intrathecal', patterns: [{ all: [["won't"], ['refill']] }] },
    examples: { positive: [], negative: [] },
  };
  const index = compileIndex({
    version: 'v',
    claims: [claim],
    lexicon: {
      concepts: {
        intrathecal: ['pain pump'],
        relevance: ['pump'],
        contraction: ["won't = will not", "*n't = * not"],
        abbreviation: ['@titles'],
        titles: ['Dr.'],
      },
    },
  });

  it('stems claim terms with the lexicon contractions, the same way as page text', () => {
    const group = index.patterns[0]?.groups[0] ?? [];
    expect(group.map((id) => index.terms[id])).toEqual([['will', 'not']]);
  });

  it('expands concept references in language lists and ships the lexical tables', () => {
    expect(index.language.abbreviations).toEqual(['dr']);
    expect(index.tables.termsByFirstStem.will).toEqual(group0(index));
    expect(index.tables.patternsByTerm[group0(index)[0] ?? -1]).toEqual([0]);
  });
});

function group0(index: ReturnType<typeof compileIndex>): number[] {
  return index.patterns[0]?.groups[0] ?? [];
}
