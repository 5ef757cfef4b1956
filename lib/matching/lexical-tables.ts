import type { CompiledIndex } from './compiled-index';

/**
 * The look-up tables of the lexical stage, built once at compile time and shipped in the bundle
 * as plain JSON, so that creating a matcher in each frame builds no maps. Keys of records are
 * term ids or stems; read stems with `Object.hasOwn` (a page word may be "constructor").
 */
export interface LexicalTables {
  /** Term ids by their first stem. */
  termsByFirstStem: Record<string, number[]>;
  /** Pattern indexes (ascending) whose groups use the term, by term id (dense). */
  patternsByTerm: number[][];
  /** Per pattern: the groups (ascending) each of its group terms belongs to, by term id. */
  groupsOfTerm: Record<string, number[]>[];
  /** Built-in word classes of each term as a bit set of {@link TERM_CLASS}, by term id (dense). */
  termClasses: number[];
}

/** Bits of `LexicalTables.termClasses`. */
export const TERM_CLASS = {
  intrathecal: 1,
  otherDevice: 2,
  otherTherapy: 4,
  negation: 8,
  negationException: 16,
  correction: 32,
  entity: 64,
  referent: 128,
  barePump: 256,
  /** An entity that some `self`-subject pattern is stated about, so "it" may stand in for it. */
  selfEntity: 512,
} as const;

export type TermClass = keyof typeof TERM_CLASS;

const push = (table: Record<string, number[]>, key: string | number, value: number) => {
  const list = table[key];
  if (list === undefined) table[key] = [value];
  else if (list[list.length - 1] !== value) list.push(value);
};

/**
 * Builds the lexical tables of an index (the last step of `compileIndex`).
 * @param index the compiled terms, patterns and classes
 * @returns tables in plain JSON form
 */
export function buildLexicalTables(
  index: Pick<CompiledIndex, 'terms' | 'patterns' | 'classes'>,
): LexicalTables {
  // Null-prototype records, so that no stem collides with an inherited property while building.
  const termsByFirstStem: Record<string, number[]> = Object.create(null);
  index.terms.forEach((stems, id) => {
    if (stems[0] !== undefined) push(termsByFirstStem, stems[0], id);
  });

  const patternsByTerm: number[][] = index.terms.map(() => []);
  const groupsOfTerm = index.patterns.map((pattern, p) => {
    const groups: Record<string, number[]> = {};
    pattern.groups.forEach((group, g) => {
      for (const term of group) {
        push(groups, term, g);
        const list = patternsByTerm[term];
        if (list && list[list.length - 1] !== p) list.push(p);
      }
    });
    return groups;
  });

  const termClasses: number[] = index.terms.map(() => 0);
  const mark = (ids: readonly number[], bit: number) => {
    for (const id of ids) termClasses[id] = (termClasses[id] ?? 0) | bit;
  };
  for (const name of Object.keys(index.classes) as (keyof CompiledIndex['classes'])[]) {
    mark(index.classes[name], TERM_CLASS[name]);
  }
  for (const pattern of index.patterns) {
    if (pattern.subject !== 'self') continue;
    const entities = pattern.groups.flat().filter((t) => ((termClasses[t] ?? 0) & TERM_CLASS.entity) !== 0);
    mark(entities, TERM_CLASS.selfEntity);
  }
  return { termsByFirstStem: { ...termsByFirstStem }, patternsByTerm, groupsOfTerm, termClasses };
}
