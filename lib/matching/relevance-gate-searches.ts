import type { RelevanceGateSpec } from './relevance-gate';
import { stem } from './stem';

/**
 * The relevance gate's searches, built from its spec at build time (the content script is
 * served them by `virtual:claimnote/relevance-gate`). Building them on the page cost more than
 * the check itself on a small page (0.7 ms of cold code in Chromium's isolated world: stemming
 * the pump words, sorting and escaping the prefixes, three RegExps); the page now only creates
 * the RegExp of the one search it runs, and reads the terms only once a possible term is found.
 */

/** What a term does, as stored in {@link CompiledWordSearch.ends}. */
export enum GateKind {
  Open = 0,
  Pump = 1,
  Context = 2,
  Other = 3,
}

/** One search, ready to run: a RegExp over the places where a term's last word may start. */
export interface CompiledWordSearch {
  /** Source of a case-insensitive global RegExp: the last words' prefixes, longest first; '' for no term. */
  pattern: string;
  /**
   * JSON of `{ [last stem]: [kind, ...stems before it, last first][] }`, a string so that the
   * page parses it only at the first possible term (a page without one never does).
   */
  ends: string;
}

/** The gate's three searches and its pump words. Plain JSON. */
export interface RelevanceGateSearches {
  /** `RelevanceGateSpec.pump`: only these words, as written, are a bare pump. */
  pump: string[];
  /** Terms that can open the gate, pump words, and other devices whose name ends in a pump word. */
  main: CompiledWordSearch;
  /** Context terms, looked for only around a bare pump. */
  context: CompiledWordSearch;
  /** Other devices, looked for only before a bare pump. */
  other: CompiledWordSearch;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The letters every surface form of a word with this stem starts with: the stemmer only cuts
 * endings, except "-ies" → "-y" ("therapies" → "therapy").
 */
const surfacePrefix = (s: string) => (s.length > 3 && s.endsWith('y') ? s.slice(0, -1) : s);

const lastWord = (term: string) => term.slice(term.lastIndexOf(' ') + 1);

function compileWordSearch(terms: readonly { term: string; kind: GateKind }[]): CompiledWordSearch {
  const byLastStem = new Map<string, (string | number)[][]>();
  for (const { term, kind } of terms) {
    const stems = term.split(' ');
    const last = stems[stems.length - 1];
    if (last === undefined || last === '') continue;
    const entries = byLastStem.get(last) ?? [];
    entries.push([kind, ...stems.slice(0, -1).reverse()]);
    byLastStem.set(last, entries);
  }
  const prefixes = [...new Set([...byLastStem.keys()].map(surfacePrefix))].sort(
    (a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0),
  );
  return {
    pattern: prefixes.map(escapeRegExp).join('|'),
    ends: JSON.stringify(Object.fromEntries(byLastStem)),
  };
}

/**
 * Builds the gate's searches from its spec. The first search runs over all the text and looks
 * only for terms that can open the gate and for pump words (with the other devices whose name
 * ends in one, "breast pump", to tell a pump inside another device's name from a bare one);
 * context and other devices are looked for only around a bare pump.
 * @param spec the compiled gate (`CompiledIndex.relevanceGate`)
 * @returns the searches, as plain JSON
 */
export function compileGateSearches(spec: RelevanceGateSpec): RelevanceGateSearches {
  const pumpWords = new Set(spec.pump);
  return {
    pump: [...pumpWords],
    main: compileWordSearch(
      [
        ...spec.open.map((term) => ({ term, kind: GateKind.Open })),
        ...[...pumpWords].map((word) => ({ term: stem(word), kind: GateKind.Pump })),
        ...spec.otherDevice.map((term) => ({ term, kind: GateKind.Other })),
      ].filter(({ term, kind }) => kind !== GateKind.Other || pumpWords.has(lastWord(term))),
    ),
    context: compileWordSearch(spec.pumpContext.map((term) => ({ term, kind: GateKind.Context }))),
    other: compileWordSearch(spec.otherDevice.map((term) => ({ term, kind: GateKind.Other }))),
  };
}
