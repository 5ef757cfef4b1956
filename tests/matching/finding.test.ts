import { describe, expect, it } from 'vitest';
import type { CompiledPattern } from '../../lib/matching/compiled-index';
import { reasonOf, renderPattern, toFinding } from '../../lib/matching/finding';
import type { RuleMatch } from '../../lib/matching/rules';
import { tokenize } from '../../lib/matching/tokenize';
import { english } from './english';

const terms = [['deliv'], ['send'], ['inject'], ['put'], ['into', 'the', 'brain'], ['it']];
const pattern: CompiledPattern = {
  claimId: 'delivers-into-brain',
  verdict: 'false',
  subject: 'intrathecal',
  groups: [[0, 1, 2, 3], [4]],
  none: [],
  negated: false,
  window: 15,
};

describe('renderPattern', () => {
  it('spells the groups with a few alternatives each, the window and the polarity', () => {
    expect(renderPattern(pattern, terms)).toBe(
      '[deliv | send | inject | …] + [into the brain] within 15 words',
    );
    expect(renderPattern({ ...pattern, groups: [[1]], negated: true, window: 6 }, terms)).toBe(
      '[send] within 6 words, negated',
    );
  });
});

describe('reasonOf and toFinding', () => {
  const text = 'Pain pumps send it into the brain.';
  const tokens = tokenize(text, 0, text.length, english.tokens);
  // "send" (token 2) and "into the brain" (tokens 4-6), chosen in group order.
  const match: RuleMatch = {
    pattern: 0,
    chosen: [
      { term: 1, from: 2, to: 2 },
      { term: 4, from: 4, to: 6 },
    ],
    clauseStart: 0,
    from: 2,
    to: 6,
  };

  it('gives the matched words as the text writes them, and the rendered rule without a source', () => {
    expect(reasonOf(text, tokens, match, pattern, terms)).toEqual({
      rule: '[deliv | send | inject | …] + [into the brain] within 15 words',
      words: ['send', 'into the brain'],
    });
  });

  it('uses the rule source text, file and line when the compiler gave them', () => {
    const source = {
      file: 'claims/rules/delivers-into-brain.rules',
      line: 3,
      text: '@deliver … into the brain',
    };
    expect(reasonOf(text, tokens, match, { ...pattern, source }, terms)).toEqual({
      rule: source.text,
      file: source.file,
      line: source.line,
      words: ['send', 'into the brain'],
    });
  });

  it('quotes the whole sentence, with its reason', () => {
    const finding = toFinding(
      text,
      { start: 0, end: text.length },
      tokens,
      match,
      pattern,
      terms,
      english.opensClause,
    );
    expect(finding).toMatchObject({
      claimId: 'delivers-into-brain',
      start: 0,
      end: text.length,
      quote: text,
    });
    expect(finding.reason?.words).toEqual(['send', 'into the brain']);
  });

  it('quotes only the matched clause of an over-long sentence', () => {
    const long = `${'word '.repeat(120)}and yet, pumps send it into the brain, say some`;
    const longTokens = tokenize(long, 0, long.length, english.tokens);
    const at = longTokens.findIndex((t) => t.stem === 'send');
    const longMatch = {
      ...match,
      chosen: [{ term: 1, from: at, to: at }],
      clauseStart: at - 1,
      from: at,
      to: at + 4,
    };
    const finding = toFinding(
      long,
      { start: 0, end: long.length },
      longTokens,
      longMatch,
      pattern,
      terms,
      english.opensClause,
    );
    expect(finding.quote).toBe('pumps send it into the brain');
  });
});
