import type { Hit } from './lexical-hits';
import type { Token } from './tokenize';

/**
 * Smallest spans of tokens that hold one hit of every group, in text order. Two-pointer sweep
 * over the hits (which arrive in text order): linear in the number of hits.
 * @param need the number of groups
 * @param window the maximum span in tokens
 * @param hits the sentence's hits, in text order
 * @param groupsOfTerm the groups each term belongs to, by term id
 * @returns for each window, the first hit of each group inside it
 */
export function* minimalWindows(
  need: number,
  window: number,
  hits: readonly Hit[],
  groupsOfTerm: Readonly<Record<string, readonly number[] | undefined>>,
): Generator<Hit[]> {
  const events: { hit: Hit; group: number }[] = [];
  for (const hit of hits) {
    const groups = groupsOfTerm[hit.term];
    if (groups) for (const g of groups) events.push({ hit, group: g });
  }
  const counts = new Array<number>(need).fill(0);
  let covered = 0;
  let left = 0;
  for (let right = 0; right < events.length; right++) {
    const r = events[right];
    if (!r) continue;
    counts[r.group] = (counts[r.group] ?? 0) + 1;
    if (counts[r.group] === 1) covered++;
    while (covered === need) {
      const l = events[left];
      if (!l) break;
      const minimal = (counts[l.group] ?? 0) === 1;
      // Checked before slicing, so that a huge sentence costs no more than its hits.
      if (minimal && r.hit.to - l.hit.from < window) {
        const inside = events.slice(left, right + 1);
        const to = Math.max(...inside.map((e) => e.hit.to));
        if (to - l.hit.from < window) {
          const chosen: Hit[] = [];
          for (let g = 0; g < need; g++) {
            const e = inside.find((x) => x.group === g);
            if (e) chosen.push(e.hit);
          }
          yield chosen;
        }
      }
      counts[l.group] = (counts[l.group] ?? 0) - 1;
      if (counts[l.group] === 0) covered--;
      left++;
    }
  }
}

/**
 * For every token, the index of the first token of its clause (one linear pass).
 * @param tokens the sentence's tokens
 * @param opensClause the language's clause rule
 */
export function clauseStarts(tokens: readonly Token[], opensClause: (token: Token) => boolean): Int32Array {
  const starts = new Int32Array(tokens.length);
  let current = 0;
  tokens.forEach((token, i) => {
    if (i > 0 && opensClause(token)) current = i;
    starts[i] = current;
  });
  return starts;
}

/** Index of the last token of the clause that holds `position`. */
export function clauseEndOf(
  tokens: readonly Token[],
  position: number,
  opensClause: (token: Token) => boolean,
): number {
  for (let i = position + 1; i < tokens.length; i++) {
    const token = tokens[i];
    if (token && opensClause(token)) return i - 1;
  }
  return tokens.length - 1;
}

/** Index of the first element of the sorted `values` that is >= `target`. */
function lowerBound(values: readonly number[], target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] ?? 0) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Negation cues in token positions [from, to], not counting those inside the claim's own hits
 * ("no side effects": that "no" is the claim's own word).
 * @param cues sorted token positions of negation words
 */
export function countNegations(
  cues: readonly number[],
  from: number,
  to: number,
  own: readonly Hit[],
): number {
  let count = lowerBound(cues, to + 1) - lowerBound(cues, from);
  const ownPositions = new Set<number>();
  for (const h of own) for (let i = h.from; i <= h.to; i++) ownPositions.add(i);
  for (const position of ownPositions) {
    if (position >= from && position <= to && cues[lowerBound(cues, position)] === position) count--;
  }
  return count;
}
