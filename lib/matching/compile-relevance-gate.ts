import type { CompiledPattern } from './compiled-index';
import type { RelevanceGateSpec } from './relevance-gate';

/** What the gate is compiled from: expanded lexicon terms as stems, and the compiled patterns. */
export interface RelevanceGateInput {
  /** `@intrathecal`: a claim about the therapy needs one of them on the page. */
  intrathecal: string[][];
  /** `@gate`, optional extras that open the gate on their own. */
  extra: string[][];
  /** `@bare-pump`, as written; their plurals are added. */
  pump: string[];
  /** `@gate-pump-context`. */
  pumpContext: string[][];
  /** `@other-device` and `@gate-other-pump`. */
  otherDevice: string[][];
  /** Every term's stems, by term id. */
  terms: string[][];
  patterns: readonly CompiledPattern[];
  /** Term ids of the drug and device names (`classes.entity`). */
  entity: readonly number[];
}

/** Stem sequences as the spec's space-joined terms, sorted, without duplicates or empty terms. */
const unique = (lists: string[][]) =>
  [...new Set(lists.filter((l) => l.length > 0).map((l) => l.join(' ')))].sort();

/**
 * Drops terms that hold another term ("baclofen pump" holds "baclofen"): the shorter one opens
 * the gate wherever the longer would, and fewer last words make a faster search.
 */
function withoutRedundant(terms: string[]): string[] {
  const padded = terms.map((t) => ` ${t} `);
  return terms.filter((term, i) => !padded.some((other, j) => j !== i && ` ${term} `.includes(other)));
}

/**
 * Compiles the relevance gate so that it lets through every text the matcher can find a claim
 * in, except one whose only sign of the therapy is a bare "pump" (the matcher presumes such a
 * pump is intrathecal once a page is scanned; the gate wants context near it, and no other
 * device named before it, before loading the scanner):
 * - a claim about the therapy (`subject: intrathecal`) is only found in a passage that names
 *   it with an `@intrathecal` term, so all of them open the gate;
 * - a claim about a drug itself (`subject: self`) needs one term of every group of its pattern,
 *   so the terms of one group open it: the group of drug names where there is one, else the
 *   smallest. "It" standing for the drug needs the drug named just before, which opens it.
 * @param input the expanded lexicon and the compiled patterns
 * @returns the gate spec, sorted, without duplicates
 */
export function compileRelevanceGate(input: RelevanceGateInput): RelevanceGateSpec {
  const entity = new Set(input.entity);
  const open = [...input.intrathecal, ...input.extra];
  for (const pattern of input.patterns) {
    if (pattern.subject !== 'self') continue;
    const drugNames = pattern.groups.find((group) => group.every((t) => entity.has(t)));
    const group = drugNames ?? [...pattern.groups].sort((a, b) => a.length - b.length)[0] ?? [];
    for (const id of group) open.push(input.terms[id] ?? []);
  }
  return {
    open: withoutRedundant(unique(open)),
    // The words as written and their plurals: "pumps" is as bare as "pump", "pumped" is not.
    pump: [...new Set(input.pump.flatMap((w) => [w.toLowerCase(), `${w.toLowerCase()}s`]))].sort(),
    pumpContext: unique(input.pumpContext),
    otherDevice: unique(input.otherDevice),
  };
}
