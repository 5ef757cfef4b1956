import type { Finding } from '../matching/types';

/**
 * Most markers on one page. Past a few hundred, markers stop being a reading aid and cost
 * layout on every change; every finding is still highlighted and counted, each claim keeps at
 * least one marker, and the popup can still reveal any listed finding (its marker is then
 * placed on demand).
 */
export const MAX_MARKERS = 300;

/**
 * The findings that get a marker in a render: the first of each claim, then the rest in text
 * order, up to {@link MAX_MARKERS} (more only when a page has more distinct claims).
 * @param items the visible findings, in text order
 */
export function chooseMarked<T extends { finding: Finding }>(items: readonly T[]): Set<T> {
  const marked = new Set<T>();
  const claims = new Set<string>();
  for (const item of items) {
    if (claims.has(item.finding.claimId)) continue;
    claims.add(item.finding.claimId);
    marked.add(item);
  }
  for (const item of items) {
    if (marked.size >= MAX_MARKERS) break;
    marked.add(item);
  }
  return marked;
}

/** Whether one more finding may get a marker between renders; see {@link lateMarkerBudget}. */
export interface MarkerBudget {
  /** True when `item` may get a marker: the cap is not reached, or its claim has none yet. */
  allows(item: { finding: Finding }): boolean;
  /** Counts a marker just placed for `item`. */
  took(item: { finding: Finding }): void;
}

/**
 * The same cap for markers placed after a render (findings that became visible): the markers
 * already in place count, and a claim without a marker may always get one.
 * @param items the rendered findings
 */
export function lateMarkerBudget(
  items: readonly { finding: Finding; marker: HTMLElement | null }[],
): MarkerBudget {
  const withMarker = items.filter((item) => item.marker !== null);
  let markers = withMarker.length;
  const claims = new Set(withMarker.map((item) => item.finding.claimId));
  return {
    allows: (item) => markers < MAX_MARKERS || !claims.has(item.finding.claimId),
    took: (item) => {
      markers += 1;
      claims.add(item.finding.claimId);
    },
  };
}
