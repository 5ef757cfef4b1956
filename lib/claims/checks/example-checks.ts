import { compileIndex } from '../../matching/compile-index';
import { createMatcher } from '../../matching/matcher';
import type { ClaimList } from '../claim-list';
import { exampleDocument } from '../example-document';
import type { WrittenAlternative } from '../rules/phrase';
import type { RuleException, RuleFile } from '../rules/rule-file';
import { rulesToClaimFields } from '../rules/rules-to-claim';
import type { Claim, ClaimExample } from '../schema';

/**
 * The checks that run the real matcher on the examples: every example keeps its verdict, every
 * exception changes the example it names, every rule finds a positive example of its own.
 */

/** An example of any claim, keyed `claim-id/example-id`, with where it is written. */
export interface KeyedExample {
  key: string;
  claimId: string;
  polarity: 'positive' | 'negative';
  example: ClaimExample;
  where: string;
}

/** Example keys the claim, compiled from `fields`, finds among `examples`. */
function flagged(
  list: ClaimList,
  claim: Claim,
  fields: Pick<Claim, 'match'>,
  examples: KeyedExample[],
): Set<string> {
  // The claim alone: other claims' patterns do not change what this one finds, except that the
  // drug names of `self` claims are what "it" may stand for (the matcher's referents), so those
  // claims come along, their findings ignored.
  const selfClaims = list.claims.filter((c) => c.id !== claim.id && c.match.subject === 'self');
  const index = compileIndex({
    version: list.version,
    claims: [{ ...claim, ...fields }, ...selfClaims],
    lexicon: list.lexicon,
  });
  const matcher = createMatcher(index);
  const out = new Set<string>();
  for (const e of examples) {
    const { doc, from } = exampleDocument(e.example);
    const own = e.polarity === 'positive' && e.claimId === claim.id;
    if (matcher.scan(doc).some((f) => f.claimId === claim.id && (!own || f.start >= from))) out.add(e.key);
  }
  return out;
}

/**
 * Every rule must find at least one positive example on its own, and a positive example written
 * under a rule must be one that rule finds: the reviewer reads them side by side.
 */
export function checkRuleBacking(
  list: ClaimList,
  claim: Claim,
  rules: RuleFile,
  all: KeyedExample[],
  errors: string[],
): void {
  const positives = all.filter((e) => e.claimId === claim.id && e.polarity === 'positive');
  const { match } = rulesToClaimFields(rules);
  rules.rules.forEach((rule, i) => {
    const pattern = match.patterns[i];
    if (!pattern) return;
    const found = flagged(list, claim, { match: { ...match, patterns: [pattern] } }, positives);
    const where = `${rule.source.file}:${rule.source.line}`;
    if (found.size === 0) errors.push(`${where}: the rule finds no positive example; write one under it`);
    for (const e of rules.examples) {
      if (e.rule === i && e.polarity === 'positive' && !found.has(`${claim.id}/${e.id}`)) {
        errors.push(
          `${rules.file}:${e.line}: positive example ${e.id} is written under the rule at line ${rule.source.line}, which does not find it`,
        );
      }
    }
  });
}

function withoutAlternative(rules: RuleFile, target: RuleException, alt: WrittenAlternative): RuleFile {
  const drop = (list: RuleException[]) =>
    list.map((e) => (e === target ? { ...e, alternatives: e.alternatives.filter((a) => a !== alt) } : e));
  return {
    ...rules,
    exceptions: drop(rules.exceptions),
    rules: rules.rules.map((r) => ({ ...r, exceptions: drop(r.exceptions) })),
  };
}

/**
 * Every positive example of the claim is found and no negative example of any claim is flagged
 * as it; then each exception, alternative by alternative, is removed and the examples are run
 * again: an alternative whose removal changes no example, or a `protects:` that names an example
 * the exception does not change, is an error.
 * @param all every example of every claim
 * @param errors where problems are added, as `file:line: message`
 */
export function checkByExamples(
  list: ClaimList,
  claim: Claim,
  rules: RuleFile,
  all: KeyedExample[],
  errors: string[],
): void {
  // Every claim's examples count: another claim's positive example states that claim, not this
  // one, so finding it here would be a second, wrong note on the sentence, and an exception may
  // protect it too.
  const baseline = flagged(list, claim, claim, all);
  for (const e of all) {
    if (e.polarity === 'positive' && e.claimId === claim.id && !baseline.has(e.key)) {
      errors.push(`${e.where}: positive example ${e.key} is not found as ${claim.id}`);
    }
    if (e.polarity === 'negative' && baseline.has(e.key)) {
      errors.push(`${e.where}: negative example ${e.key} is flagged as ${claim.id}`);
    }
  }
  const exceptions = [...rules.exceptions, ...rules.rules.flatMap((r) => r.exceptions)];
  if (exceptions.length === 0) return;
  // Removing vetoes only ever adds findings, so only what the claim finds with none can change.
  const bare: RuleFile = {
    ...rules,
    exceptions: [],
    rules: rules.rules.map((r) => ({ ...r, exceptions: [] })),
  };
  const reachable = flagged(list, claim, rulesToClaimFields(bare), all);
  const candidates = all.filter((e) => reachable.has(e.key) && !baseline.has(e.key));
  const changedBy = (variant: RuleFile) =>
    [...flagged(list, claim, rulesToClaimFields(variant), candidates)].filter((k) => !baseline.has(k));

  for (const exception of exceptions) {
    const where = `${exception.source.file}:${exception.source.line}`;
    for (const alt of exception.alternatives) {
      if (changedBy(withoutAlternative(rules, exception, alt)).length === 0) {
        errors.push(
          `${where}: exception "${alt.text}" protects no example: without it, every example has the same result`,
        );
      }
    }
    const changed = new Set(changedBy({ ...rules, ...withoutLine(rules, exception) }));
    for (const name of exception.protects) {
      const key = name.includes('/') ? name : `${claim.id}/${name}`;
      if (!all.some((e) => e.key === key && !(e.polarity === 'positive' && e.claimId === claim.id))) {
        errors.push(
          `${where}: "protects: ${name}" names no negative example, nor another claim's positive one`,
        );
      } else if (!changed.has(key)) {
        const actual = [...changed].map((k) =>
          k.startsWith(`${claim.id}/`) ? k.slice(claim.id.length + 1) : k,
        );
        errors.push(
          `${where}: "protects: ${name}" but without this exception ${name} is still not flagged` +
            (actual.length > 0 ? ` (it protects ${actual.join(', ')})` : ''),
        );
      }
    }
  }
}

function withoutLine(rules: RuleFile, target: RuleException): Pick<RuleFile, 'exceptions' | 'rules'> {
  const drop = (list: RuleException[]) => list.filter((e) => e !== target);
  return {
    exceptions: drop(rules.exceptions),
    rules: rules.rules.map((r) => ({ ...r, exceptions: drop(r.exceptions) })),
  };
}
