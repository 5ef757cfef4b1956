import { compileIndex } from '../matching/compile-index';
import { compileGateSearches } from '../matching/relevance-gate-searches';
import type { ClaimBundle } from './claim-bundle';
import type { ClaimList, ClaimNote } from './claim-list';

/**
 * Turns the validated claim list into what the extension ships: the compiled matcher index and
 * each claim's note with its sources resolved.
 * @param list the output of `loadClaimFiles`
 * @returns the bundle
 */
export function buildClaimBundle(list: ClaimList): ClaimBundle {
  const sourcesById = new Map(list.sources.map((s) => [s.id, s]));
  const notes: ClaimNote[] = list.claims.map((claim) => ({
    id: claim.id,
    statement: claim.statement,
    verdict: claim.verdict,
    correction: claim.correction,
    explanation: claim.explanation,
    reviewed: claim.reviewed,
    sources: claim.sources.flatMap((id) => sourcesById.get(id) ?? []),
  }));
  const index = compileIndex(list);
  return {
    version: list.version,
    reviewed: list.reviewed,
    notes,
    index,
    gateSearches: compileGateSearches(index.relevanceGate),
  };
}
