import type { CompiledPattern } from './compiled-index';
import type { Hit, Lexicon } from './lexical-hits';

/**
 * The first step of rule evaluation, driven by the hits rather than by the patterns: which
 * patterns have a hit in every group. Walking each candidate pattern's groups (some hold
 * hundreds of terms) cost more than everything else in a sentence; a hit marks its own groups
 * instead. Marks are stamps in typed arrays owned by one matcher, so a sentence allocates nothing.
 */
export interface PatternCover {
  /**
   * Reads a sentence's hits. Until the next call, {@link present} answers for these hits.
   * @returns the patterns with a hit in every group, ascending (a reused array)
   */
  cover(hits: readonly Hit[]): readonly number[];
  /** Whether the last hits named the term. */
  present(term: number): boolean;
}

/**
 * Builds the scratch state for one matcher (its arrays hold a few numbers per pattern group and
 * per term; building them is one pass over the patterns).
 * @param patterns `CompiledIndex.patterns`
 * @param termCount `CompiledIndex.terms.length`
 * @param lexicon the lexical stage, for the patterns and groups of a term
 */
export function createPatternCover(
  patterns: readonly CompiledPattern[],
  termCount: number,
  lexicon: Lexicon,
): PatternCover {
  const groupBase = new Int32Array(patterns.length);
  const groupCount = new Int32Array(patterns.length);
  let groups = 0;
  patterns.forEach((pattern, p) => {
    groupBase[p] = groups;
    groupCount[p] = pattern.groups.length;
    groups += pattern.groups.length;
  });
  const termStamp = new Int32Array(termCount);
  const groupStamp = new Int32Array(groups);
  const patternStamp = new Int32Array(patterns.length);
  const coveredGroups = new Int32Array(patterns.length);
  const result: number[] = [];
  let stamp = 0;

  return {
    cover(hits) {
      // Stamps only grow; start over long before they would overflow.
      if (stamp === 0x7fffffff) {
        termStamp.fill(0);
        groupStamp.fill(0);
        patternStamp.fill(0);
        stamp = 0;
      }
      stamp++;
      result.length = 0;
      for (const hit of hits) {
        const term = hit.term;
        if (term < 0 || term >= termCount || termStamp[term] === stamp) continue;
        termStamp[term] = stamp;
        for (const p of lexicon.patternsOf(term)) {
          for (const g of lexicon.groupsOf(p, term)) {
            const slot = (groupBase[p] ?? 0) + g;
            if (groupStamp[slot] === stamp) continue;
            groupStamp[slot] = stamp;
            if (patternStamp[p] !== stamp) {
              patternStamp[p] = stamp;
              coveredGroups[p] = 0;
            }
            coveredGroups[p] = (coveredGroups[p] ?? 0) + 1;
            if (coveredGroups[p] === groupCount[p]) result.push(p);
          }
        }
      }
      if (result.length > 1) result.sort((a, b) => a - b);
      return result;
    },
    present: (term) => term >= 0 && term < termCount && termStamp[term] === stamp,
  };
}
