import type { Claim, ClaimExample, Pattern } from '../schema';
import type { RuleException, RuleFile } from './rule-file';

/**
 * The matcher's view of a rules file: one pattern per `match` line, its groups' alternatives
 * expanded into terms, the file-wide and the rule's own exceptions as its veto terms.
 * @param rules the parsed file
 * @param without an exception line to leave out (the checks compare examples with and without it)
 * @returns the claim's `match` and `examples` fields
 */
export function rulesToClaimFields(
  rules: RuleFile,
  without?: RuleException,
): Pick<Claim, 'match' | 'examples'> {
  const terms = (exceptions: RuleException[]) =>
    exceptions.filter((e) => e !== without).flatMap((e) => e.alternatives.flatMap((a) => a.terms));
  const patterns: Pattern[] = rules.rules.map((rule) => {
    const none = [...terms(rules.exceptions), ...terms(rule.exceptions)];
    const window = rule.window ?? rules.window;
    return {
      all: rule.groups.map((group) => group.flatMap((a) => a.terms)),
      ...(none.length > 0 ? { none } : {}),
      ...(rule.negated ? { negated: true } : {}),
      ...(window === undefined ? {} : { window }),
      source: rule.source,
    };
  });
  const of = (polarity: 'positive' | 'negative'): ClaimExample[] =>
    rules.examples.filter((e) => e.polarity === polarity).map((e) => e.example);
  return {
    match: { subject: rules.subject, patterns },
    examples: { positive: of('positive'), negative: of('negative') },
  };
}
