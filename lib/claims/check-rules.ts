import { BUILT_IN_CONCEPTS, compileIndex } from '../matching/compile-index';
import { createMatcher } from '../matching/matcher';
import { termStems } from '../matching/tokenize';
import type { ClaimList } from './claim-list';
import { exampleDocument, exampleText } from './example-document';
import type { WrittenAlternative } from './rules/phrase';
import type { RuleException, RuleFile } from './rules/rule-file';
import { rulesToClaimFields } from './rules/rules-to-claim';
import type { Claim, ClaimExample } from './schema';

/** What `checkRules` found: errors fail the build, warnings are printed. */
export interface RuleCheckResult {
  errors: string[];
  warnings: string[];
}

/** An example of any claim, keyed `claim-id/example-id`, with where it is written. */
interface KeyedExample {
  key: string;
  claimId: string;
  polarity: 'positive' | 'negative';
  example: ClaimExample;
  where: string;
}

const BUILT_INS = new Set<string>(Object.values(BUILT_IN_CONCEPTS));
const keyOf = (term: string) => termStems(term).join(' ');

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

  checkConcepts(list, errors);
  for (const claim of list.claims) {
    const rules = list.ruleFiles[claim.id];
    if (!rules) continue;
    checkRedundancy(rules, expand, errors);
    checkExercised(rules, expand, warnings);
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

/** Duplicate terms within a concept, and concepts that no rule and no other concept uses. */
function checkConcepts(list: ClaimList, errors: string[]): void {
  const lines = list.lexiconLines;
  const used = new Set<string>();
  const note = (term: string) => term.startsWith('@') && used.add(term.slice(1));
  for (const claim of list.claims) {
    for (const p of claim.match.patterns) for (const t of [...p.all.flat(), ...(p.none ?? [])]) note(t);
  }
  for (const conceptLines of Object.values(lines)) {
    const seen = new Map<string, string>();
    for (const line of conceptLines) {
      for (const term of line.terms) {
        note(term);
        const key = term.startsWith('@') ? term : keyOf(term);
        const earlier = seen.get(key);
        if (earlier !== undefined && earlier !== line.source.text) {
          errors.push(
            `${line.source.file}:${line.source.line}: "${term}" repeats "${earlier}" after stemming`,
          );
        }
        seen.set(key, line.source.text);
      }
    }
  }
  for (const [name, conceptLines] of Object.entries(lines)) {
    if (used.has(name) || BUILT_INS.has(name)) continue;
    const file = conceptLines[0]?.source.file ?? `claims/lexicon/${name}.txt`;
    errors.push(`${file}:1: concept @${name} is used by no rule; remove it`);
  }
}

/** Alternatives of one group, or exceptions of one rule, that stem to the same words. */
function checkRedundancy(rules: RuleFile, expand: (t: string) => string[], errors: string[]): void {
  const check = (alternatives: { alt: WrittenAlternative; line: number }[], what: string) => {
    const seen = new Map<string, { alt: WrittenAlternative; term: string }>();
    const describe = (alt: WrittenAlternative, term: string) =>
      alt.text === term
        ? `"${term}"`
        : alt.text.startsWith('@')
          ? `"${term}" of ${alt.text}`
          : `"${alt.text}" ("${term}")`;
    for (const { alt, line } of alternatives) {
      for (const term of alt.terms.flatMap((t) => expand(t))) {
        const key = keyOf(term);
        const earlier = seen.get(key);
        if (earlier && earlier.alt !== alt) {
          errors.push(
            `${rules.file}:${line}: ${what} ${describe(alt, term)} repeats ${describe(earlier.alt, earlier.term)} after stemming ("${key}")`,
          );
          break;
        }
        seen.set(key, { alt, term });
      }
    }
  };
  for (const rule of rules.rules) {
    for (const group of rule.groups)
      check(
        group.map((alt) => ({ alt, line: rule.source.line })),
        'term',
      );
    const vetoes = [...rules.exceptions, ...rule.exceptions].flatMap((e) =>
      e.alternatives.map((alt) => ({ alt, line: e.source.line })),
    );
    check(vetoes, 'exception');
    // A veto acts on presence alone, so one that contains another veto's words never decides.
    for (const { alt, line } of vetoes) {
      const keys = alt.terms.flatMap((t) => expand(t)).map(keyOf);
      const cover = vetoes.find(
        (other) =>
          other.alt !== alt &&
          other.alt.terms.flatMap((t) => expand(t)).some((k) => keys.every((key) => contains(key, keyOf(k)))),
      );
      if (cover)
        errors.push(`${rules.file}:${line}: exception "${alt.text}" is covered by "${cover.alt.text}"`);
    }
  }
}

/** True when the stem sequence `outer` holds `inner` as whole consecutive words. */
function contains(outer: string, inner: string): boolean {
  return outer !== inner && ` ${outer} `.includes(` ${inner} `);
}

/** Warns for a positive alternative that none of the claim's positive examples uses. */
function checkExercised(rules: RuleFile, expand: (t: string) => string[], warnings: string[]): void {
  const positives = rules.examples
    .filter((e) => e.polarity === 'positive')
    .map((e) => ` ${termStems(exampleText(e.example)).join(' ')} `);
  for (const rule of rules.rules) {
    for (const group of rule.groups) {
      for (const alt of group) {
        const keys = alt.terms.flatMap((t) => expand(t)).map(keyOf);
        if (!positives.some((p) => keys.some((k) => p.includes(` ${k} `)))) {
          warnings.push(`${rules.file}:${rule.source.line}: no positive example uses "${alt.text}"`);
        }
      }
    }
  }
}

/** Example keys the claim, compiled from `fields`, finds among `examples`. */
function flagged(
  list: ClaimList,
  claim: Claim,
  fields: Pick<Claim, 'match'>,
  examples: KeyedExample[],
): Set<string> {
  // The claim alone: other claims' patterns do not change what this one finds.
  const index = compileIndex({
    version: list.version,
    claims: [{ ...claim, ...fields }],
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
function checkRuleBacking(
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

function checkByExamples(
  list: ClaimList,
  claim: Claim,
  rules: RuleFile,
  all: KeyedExample[],
  errors: string[],
): void {
  // Another claim's positive example states that claim, not this one: finding it here would be
  // a second, wrong note on the same sentence, so an exception may protect it too.
  const relevant = all;
  const baseline = flagged(list, claim, claim, relevant);
  for (const e of relevant) {
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
  const reachable = flagged(list, claim, rulesToClaimFields(bare), relevant);
  const candidates = relevant.filter((e) => reachable.has(e.key) && !baseline.has(e.key));
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
