import { compileLanguage, tokenRulesOf } from '../matching/compile-language';
import { checkByExamples, checkRuleBacking, type KeyedExample } from './checks/example-checks';
import { checkConcepts, checkExercised, checkRedundancy } from './checks/term-checks';
import type { ClaimList } from './claim-list';

/** What `checkRules` found: errors fail the build, warnings are printed. */
export interface RuleCheckResult {
  errors: string[];
  warnings: string[];
}

/**
 * The checks that make every rule earn its place (issue 8): no term that stemming makes
 * redundant, no concept nobody uses, no exception whose removal changes no example (judged by
 * running the real matcher on every claim's examples with and without it), every positive
 * example found and no negative example flagged as any claim, every rule finding a positive
 * example of its own. A positive alternative that no example uses is a warning.
 * @param list the loaded claim list (see `loadClaimFiles`)
 * @returns errors and warnings, each starting with `file:line:`
 */
export function checkRules(list: ClaimList): RuleCheckResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  const expand = conceptExpander(list);
  const examples = keyedExamples(list);

  // Terms are compared stemmed as the matcher stems them: with the lexicon's contractions.
  const tokenRules = tokenRulesOf(compileLanguage(list.lexicon.concepts));
  checkConcepts(list, errors, tokenRules);
  for (const claim of list.claims) {
    const rules = list.ruleFiles[claim.id];
    if (!rules) continue;
    checkRedundancy(rules, expand, errors, tokenRules);
    checkExercised(rules, expand, warnings, tokenRules);
    checkByExamples(list, claim, rules, examples, errors);
    checkRuleBacking(list, claim, rules, examples, errors);
  }
  return { errors, warnings };
}

function conceptExpander(list: ClaimList): (term: string) => string[] {
  const { concepts } = list.lexicon;
  const expand = (term: string, trail: string[] = []): string[] => {
    if (!term.startsWith('@')) return [term];
    const name = term.slice(1);
    if (trail.includes(name)) return [];
    return (concepts[name] ?? []).flatMap((t) => expand(t, [...trail, name]));
  };
  return expand;
}

function keyedExamples(list: ClaimList): KeyedExample[] {
  return Object.entries(list.ruleFiles).flatMap(([claimId, rules]) =>
    rules.examples.map((e) => ({
      key: `${claimId}/${e.id}`,
      claimId,
      polarity: e.polarity,
      example: e.example,
      where: `${rules.file}:${e.line}`,
    })),
  );
}

/**
 * One line per file for a list of warnings, so that a build log stays readable.
 * @param warnings `file:line: message` lines from `checkRules`
 * @returns e.g. `claims/rules/x.rules: 3 alternatives no positive example uses (claims:check -- --warnings)`
 */
export function warningSummary(warnings: string[]): string[] {
  const perFile = new Map<string, number>();
  for (const w of warnings) {
    const file = w.slice(0, w.indexOf(':'));
    perFile.set(file, (perFile.get(file) ?? 0) + 1);
  }
  return [...perFile].map(
    ([file, n]) => `${file}: ${n} alternatives no positive example uses (npm run claims:check -- --warnings)`,
  );
}
