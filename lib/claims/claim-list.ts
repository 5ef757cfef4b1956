import type { Claim, Lexicon, Source, Verdict } from './schema';

/** The validated claim list, as read from `claims/`: everything the matcher and the notes need. */
export interface ClaimList {
  /** `<latest reviewed date>+<content hash>`: changes whenever any claim, source or term changes. */
  version: string;
  /** Latest `reviewed` date among the claims. */
  reviewed: string;
  claims: Claim[];
  sources: Source[];
  lexicon: Lexicon;
}

/** What a note card shows for one claim: the claim's text fields with its sources resolved. */
export interface ClaimNote {
  id: string;
  statement: string;
  verdict: Verdict;
  correction: string;
  explanation: string;
  reviewed: string;
  sources: Source[];
}
