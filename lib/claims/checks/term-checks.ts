import { BUILT_IN_CONCEPTS } from '../../matching/compile-index';
import { LANGUAGE_CONCEPTS } from '../../matching/compile-language';
import { NO_TOKEN_RULES, type TokenRules, termStems } from '../../matching/tokenize';
import type { ClaimList } from '../claim-list';
import { exampleText } from '../example-document';
import type { WrittenAlternative } from '../rules/phrase';
import type { RuleFile } from '../rules/rule-file';

/**
 * The checks that need no matcher run: terms that stemming makes redundant, vetoes that another
 * veto implies, concepts nobody uses, and (as warnings) positive alternatives no example uses.
 */

const BUILT_INS = new Set<string>(Object.values(BUILT_IN_CONCEPTS));

const LANGUAGE_NAMES = new Set<string>(Object.values(LANGUAGE_CONCEPTS));

/**
 * A term's stems as one string: two terms with equal keys match exactly the same words.
 * `rules` are the lexicon's contractions and irregular forms, as the matcher stems with them.
 */
export const keyOfTerm = (term: string, rules: TokenRules = NO_TOKEN_RULES) =>
  termStems(term, rules).join(' ');

/** Duplicate terms within a concept, and concepts that no rule and no other concept uses. */
export function checkConcepts(list: ClaimList, errors: string[], tokenRules = NO_TOKEN_RULES): void {
  const lines = list.lexiconLines;
  const used = new Set<string>();
  const note = (term: string) => term.startsWith('@') && used.add(term.slice(1));
  for (const claim of list.claims) {
    for (const p of claim.match.patterns) for (const t of [...p.all.flat(), ...(p.none ?? [])]) note(t);
  }
  for (const [name, conceptLines] of Object.entries(lines)) {
    // The language's own lists (abbreviations, contractions, …) are not stemmed term lists.
    const language = LANGUAGE_NAMES.has(name);
    const seen = new Map<string, string>();
    for (const line of conceptLines) {
      for (const term of line.terms) {
        note(term);
        if (language) continue;
        const key = term.startsWith('@') ? term : keyOfTerm(term, tokenRules);
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
export function checkRedundancy(
  rules: RuleFile,
  expand: (t: string) => string[],
  errors: string[],
  tokenRules = NO_TOKEN_RULES,
): void {
  const keyOf = (term: string) => keyOfTerm(term, tokenRules);
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
export function checkExercised(
  rules: RuleFile,
  expand: (t: string) => string[],
  warnings: string[],
  tokenRules = NO_TOKEN_RULES,
): void {
  const keyOf = (term: string) => keyOfTerm(term, tokenRules);
  const positives = rules.examples
    .filter((e) => e.polarity === 'positive')
    .map((e) => ` ${termStems(exampleText(e.example), tokenRules).join(' ')} `);
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
