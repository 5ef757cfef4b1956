import type { Claim, Lexicon } from '../claims/schema';
import { compileLanguage, LANGUAGE_CONCEPTS, tokenRulesOf } from './compile-language';
import { compileRelevanceGate } from './compile-relevance-gate';
import type { CompiledIndex, CompiledPattern } from './compiled-index';
import { buildLexicalTables } from './lexical-tables';
import { termStems } from './tokenize';

/** Lexicon concepts with a fixed meaning to the matcher (see `CompiledIndex.classes`). */
export const BUILT_IN_CONCEPTS = {
  intrathecal: 'intrathecal',
  otherDevice: 'other-device',
  otherTherapy: 'other-therapy',
  negation: 'negation',
  negationException: 'negation-exception',
  correction: 'correction',
  /** Anchor words: a page without any of them has nothing to match (checked against @intrathecal). */
  relevance: 'relevance',
  /** Words that refer back to the drug or device named just before ("it", "this drug"). */
  referent: 'referent',
  barePump: 'bare-pump',
  /** Optional extra terms that open the relevance gate (see compile-relevance-gate.ts). */
  gate: 'gate',
  /** Terms that open the gate near a bare pump word. */
  gatePumpContext: 'gate-pump-context',
  /** Pumps other than intrathecal ones, beside `other-device`, for the gate only. */
  gateOtherPump: 'gate-other-pump',
  /** The language's own lists for the splitter and tokenizer (see `CompiledLanguage`). */
  ...LANGUAGE_CONCEPTS,
} as const;

const DEFAULT_WINDOW = 15;

/**
 * Compiles claims and lexicon into the matcher's index: expands `@concept` references, stems
 * every term once, and gives each distinct stem sequence one id.
 * @param input the validated claim list (see `loadClaimFiles`)
 * @returns the compiled index
 * @throws {Error} when a concept is missing or refers to itself in a cycle
 */
export function compileIndex(input: { version: string; claims: Claim[]; lexicon: Lexicon }): CompiledIndex {
  const terms: string[][] = [];
  const idByKey = new Map<string, number>();
  const { concepts } = input.lexicon;

  const termId = (stems: string[]): number => {
    const key = stems.join(' ');
    let id = idByKey.get(key);
    if (id === undefined) {
      id = terms.length;
      terms.push(stems);
      idByKey.set(key, id);
    }
    return id;
  };

  const expand = (term: string, trail: string[] = []): string[] => {
    if (!term.startsWith('@')) return [term];
    const name = term.slice(1);
    if (trail.includes(name)) throw new Error(`lexicon: concept "@${name}" refers to itself`);
    const list = concepts[name];
    if (!list) throw new Error(`lexicon: unknown concept "@${name}"`);
    return list.flatMap((t) => expand(t, [...trail, name]));
  };

  // Compiled first: claim terms are stemmed with the same contractions as the page will be.
  const language = compileLanguage(
    Object.fromEntries(
      Object.values(LANGUAGE_CONCEPTS).map((name) => [name, concepts[name] ? expand(`@${name}`) : []]),
    ),
  );

  const tokenRules = tokenRulesOf(language);

  const ids = (list: readonly string[]): number[] => {
    const out = new Set<number>();
    for (const raw of list.flatMap((t) => expand(t))) {
      const stems = termStems(raw, tokenRules);
      if (stems.length > 0) out.add(termId(stems));
    }
    return [...out];
  };

  const classIds = (name: string): number[] => (concepts[name] ? ids([`@${name}`]) : []);

  const patterns: CompiledPattern[] = [];
  for (const claim of input.claims) {
    for (const pattern of claim.match.patterns) {
      patterns.push({
        claimId: claim.id,
        verdict: claim.verdict,
        subject: claim.match.subject,
        groups: pattern.all.map((group) => ids(group)),
        none: ids(pattern.none ?? []),
        negated: pattern.negated ?? false,
        window: pattern.window ?? DEFAULT_WINDOW,
        ...(pattern.source ? { source: pattern.source } : {}),
      });
    }
  }

  // The cheap check looks for a few anchor words only; every word that names intrathecal therapy
  // must contain one, or a page that only uses that word would never be scanned.
  const relevanceWords = concepts[BUILT_IN_CONCEPTS.relevance]
    ? expand(`@${BUILT_IN_CONCEPTS.relevance}`)
    : [];
  const anchors = relevanceWords.map((w) => w.toLowerCase());
  const intrathecalTerms = concepts[BUILT_IN_CONCEPTS.intrathecal]
    ? expand(`@${BUILT_IN_CONCEPTS.intrathecal}`)
    : [];
  for (const term of intrathecalTerms) {
    if (!anchors.some((a) => term.toLowerCase().includes(a))) {
      throw new Error(`lexicon: "${term}" in @intrathecal contains no @relevance anchor word`);
    }
  }

  // The gate ships alone to the content script, without the language lists, and stems page
  // words without them: its terms are stemmed the same way (drug and device names, in practice
  // free of contractions and irregular forms).
  const stemsOf = (name: string) => (concepts[name] ? expand(`@${name}`).map((term) => termStems(term)) : []);
  const classes = {
    intrathecal: classIds(BUILT_IN_CONCEPTS.intrathecal),
    otherDevice: classIds(BUILT_IN_CONCEPTS.otherDevice),
    otherTherapy: classIds(BUILT_IN_CONCEPTS.otherTherapy),
    negation: classIds(BUILT_IN_CONCEPTS.negation),
    negationException: classIds(BUILT_IN_CONCEPTS.negationException),
    correction: classIds(BUILT_IN_CONCEPTS.correction),
    entity: [
      ...new Set([...classIds(BUILT_IN_CONCEPTS.intrathecal), ...classIds(BUILT_IN_CONCEPTS.relevance)]),
    ],
    referent: classIds(BUILT_IN_CONCEPTS.referent),
    barePump: classIds(BUILT_IN_CONCEPTS.barePump),
  };
  const relevanceGate = compileRelevanceGate({
    intrathecal: stemsOf(BUILT_IN_CONCEPTS.intrathecal),
    extra: stemsOf(BUILT_IN_CONCEPTS.gate),
    pump: concepts[BUILT_IN_CONCEPTS.barePump] ? expand(`@${BUILT_IN_CONCEPTS.barePump}`) : [],
    pumpContext: stemsOf(BUILT_IN_CONCEPTS.gatePumpContext),
    otherDevice: [...stemsOf(BUILT_IN_CONCEPTS.otherDevice), ...stemsOf(BUILT_IN_CONCEPTS.gateOtherPump)],
    terms,
    patterns,
    entity: classes.entity,
  });

  return {
    version: input.version,
    terms,
    patterns,
    classes,
    relevanceWords: [...new Set(anchors)].sort(),
    relevanceGate,
    language,
    tables: buildLexicalTables({ terms, patterns, classes }),
  };
}
