import type { CompiledIndex } from '../matching/compiled-index';
import type { RelevanceGateSearches } from '../matching/relevance-gate-searches';
import type { ClaimNote } from './claim-list';

/**
 * What the extension ships: the claim list compiled at build time into the matcher's index,
 * plus the note text and resolved sources for each claim. Served to extension code as the
 * virtual module `virtual:claimnote/claim-bundle`.
 */
export interface ClaimBundle {
  version: string;
  reviewed: string;
  notes: ClaimNote[];
  index: CompiledIndex;
  /**
   * The relevance gate's searches (`index.relevanceGate` compiled at build time), for the
   * scanner's own watch after a resume: building them on the page would ship their compiler.
   */
  gateSearches: RelevanceGateSearches;
}
