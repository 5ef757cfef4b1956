import type { Claim, Lexicon } from '../claims/schema';
import { compileRelevanceGate } from './compile-relevance-gate';
import type { CompiledIndex, CompiledPattern } from './compiled-index';
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

  const ids = (list: readonly string[]): number[] => {
    const out = new Set<number>();
    for (const raw of list.flatMap((t) => expand(t))) {
      const stems = termStems(raw);
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

  const stemsOf = (name: string) => (concepts[name] ? expand(`@${name}`).map(termStems) : []);
  const entity = [
    ...new Set([...classIds(BUILT_IN_CONCEPTS.intrathecal), ...classIds(BUILT_IN_CONCEPTS.relevance)]),
  ];
  const relevanceGate = compileRelevanceGate({
    intrathecal: stemsOf(BUILT_IN_CONCEPTS.intrathecal),
    extra: stemsOf(BUILT_IN_CONCEPTS.gate),
    pump: concepts[BUILT_IN_CONCEPTS.barePump] ? expand(`@${BUILT_IN_CONCEPTS.barePump}`) : [],
    pumpContext: stemsOf(BUILT_IN_CONCEPTS.gatePumpContext),
    otherDevice: [...stemsOf(BUILT_IN_CONCEPTS.otherDevice), ...stemsOf(BUILT_IN_CONCEPTS.gateOtherPump)],
    terms,
    patterns,
    entity,
  });

  return {
    version: input.version,
    terms,
    patterns,
    classes: {
      intrathecal: classIds(BUILT_IN_CONCEPTS.intrathecal),
      otherDevice: classIds(BUILT_IN_CONCEPTS.otherDevice),
      otherTherapy: classIds(BUILT_IN_CONCEPTS.otherTherapy),
      negation: classIds(BUILT_IN_CONCEPTS.negation),
      negationException: classIds(BUILT_IN_CONCEPTS.negationException),
      correction: classIds(BUILT_IN_CONCEPTS.correction),
      entity,
      referent: classIds(BUILT_IN_CONCEPTS.referent),
      barePump: classIds(BUILT_IN_CONCEPTS.barePump),
    },
    relevanceWords: [...new Set(anchors)].sort(),
    relevanceGate,
  };
}
