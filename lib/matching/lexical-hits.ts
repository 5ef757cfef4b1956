import { type LexicalTables, TERM_CLASS, type TermClass } from './lexical-tables';
import type { Token } from './tokenize';

/** One occurrence of a term in a sentence's tokens. */
export interface Hit {
  term: number;
  /** First and last token index the term covers. */
  from: number;
  to: number;
}

/** The lexical stage: finds terms in tokens and answers questions about terms. */
export interface Lexicon {
  /** Every occurrence of every term, in text order (by first token, then by length). */
  findHits(tokens: readonly Token[]): Hit[];
  /** Whether the term belongs to a built-in word class. */
  is(term: number, kind: TermClass): boolean;
  /** The term's built-in word classes as bits of `TERM_CLASS` (one look-up for several tests). */
  classesOf(term: number): number;
  /** Pattern indexes whose groups use the term. */
  patternsOf(term: number): readonly number[];
  /** The groups of pattern `p` that the term belongs to. */
  groupsOf(p: number, term: number): readonly number[];
  /** All of pattern `p`'s groups by term id (for the window sweep). */
  groupsOfPattern(p: number): Readonly<Record<string, readonly number[] | undefined>>;
}

const NONE: readonly number[] = [];

/**
 * Wraps the build-time tables: no loop over terms or patterns here, so that creating a matcher
 * in every frame of a page costs nothing.
 * @param terms `CompiledIndex.terms`
 * @param tables `CompiledIndex.tables`
 * @returns the lexical stage
 */
export function createLexicon(terms: readonly (readonly string[])[], tables: LexicalTables): Lexicon {
  const { patternsByTerm, groupsOfTerm, termClasses } = tables;
  // Page words become keys here; without a prototype, "constructor" finds nothing inherited.
  // Setting the prototype costs nothing, unlike copying the table into a Map.
  const termsByFirstStem: Readonly<Record<string, number[] | undefined>> = Object.setPrototypeOf(
    tables.termsByFirstStem,
    null,
  );
  return {
    findHits(tokens) {
      const hits: Hit[] = [];
      const count = tokens.length;
      for (let i = 0; i < count; i++) {
        const candidates = termsByFirstStem[(tokens[i] as Token).stem];
        if (candidates === undefined) continue;
        // Every word of the text passes here: plain indexed loops, no optional reads.
        for (let c = 0; c < candidates.length; c++) {
          const term = candidates[c] as number;
          const stems = terms[term] ?? NONE;
          const length = stems.length;
          if (length > count - i) continue;
          let k = 1;
          while (k < length && (tokens[i + k] as Token).stem === stems[k]) k++;
          if (k === length) hits.push({ term, from: i, to: i + k - 1 });
        }
      }
      return hits;
    },
    is: (term, kind) => ((termClasses[term] ?? 0) & TERM_CLASS[kind]) !== 0,
    classesOf: (term) => termClasses[term] ?? 0,
    patternsOf: (term) => patternsByTerm[term] ?? NONE,
    groupsOf: (p, term) => groupsOfTerm[p]?.[term] ?? NONE,
    groupsOfPattern: (p) => groupsOfTerm[p] ?? {},
  };
}
