import { describe, expect, it } from 'vitest';
import { parseRuleFile } from '../../../lib/claims/rules/parse-rules';
import { rulesToClaimFields } from '../../../lib/claims/rules/rules-to-claim';

const text = `subject self
window 8
except screening test  # protects: n2
match negated @trial|test dose + need|must within 6
+ p2: There is no need for a test dose.
  except repeat  # protects: n1, other-claim/p3
match skip|bypass
  + the? trial
    | test dose

examples
+ p1: You can skip the trial.
- n1: It does not need a second test dose.
    context: Ziconotide is started slowly.
`;

describe('parseRuleFile', () => {
  const { rules, problems } = parseRuleFile(text, 'rules/no-trial.rules');

  it('reads subject, window, rules, polarity and where each rule is written', () => {
    expect(problems).toEqual([]);
    expect(rules.subject).toBe('self');
    expect(rules.window).toBe(8);
    expect(rules.rules.map((r) => [r.source.line, r.negated, r.window])).toEqual([
      [4, true, 6],
      [7, false, undefined],
    ]);
  });

  it('joins continuation lines into the rule above, keeping its line number', () => {
    const skip = rules.rules[1];
    expect(skip?.source).toEqual({
      file: 'rules/no-trial.rules',
      line: 7,
      text: 'match skip|bypass + the? trial | test dose',
    });
    expect(skip?.groups.map((g) => g.flatMap((a) => a.terms))).toEqual([
      ['skip', 'bypass'],
      ['trial', 'the trial', 'test dose'],
    ]);
  });

  it('gives file-wide exceptions to every rule and a rule its own, with the examples they name', () => {
    expect(rules.exceptions.map((e) => e.protects)).toEqual([['n2']]);
    expect(rules.rules[0]?.exceptions.map((e) => e.protects)).toEqual([['n1', 'other-claim/p3']]);
    const { match } = rulesToClaimFields(rules);
    expect(match.patterns.map((p) => p.none)).toEqual([['screening test', 'repeat'], ['screening test']]);
  });

  it('reads examples with ids and context, and the rule an example is written under', () => {
    expect(rules.examples).toEqual([
      { id: 'p2', polarity: 'positive', example: 'There is no need for a test dose.', line: 5, rule: 0 },
      { id: 'p1', polarity: 'positive', example: 'You can skip the trial.', line: 12 },
      {
        id: 'n1',
        polarity: 'negative',
        example: { context: 'Ziconotide is started slowly.', text: 'It does not need a second test dose.' },
        line: 13,
      },
    ]);
  });

  it('names the line of each syntax error', () => {
    const bad = parseRuleFile(
      'match a + (b\nwindow 99\nsubject brain\nfrobnicate\nexamples\n* p1: x',
      'x.rules',
    );
    expect(bad.problems).toEqual([
      'x.rules:1: unbalanced parentheses',
      'x.rules:2: window must be a whole number from 2 to 40',
      'x.rules:3: subject must be "intrathecal" or "self"',
      'x.rules:4: unknown line; expected subject, window, except, match or examples',
      'x.rules:6: expected "+ id: positive example", "- id: negative example" or "  context: ..."',
      'x.rules:1: no "match" rule',
    ]);
  });
});
