import type { ConceptLine } from './lexicon-files';
import type { RuleFile } from './rules/rule-file';
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
  /** Each claim's parsed rules file, by claim id. */
  ruleFiles: Record<string, RuleFile>;
  /** Where each concept's terms are written (`claims/lexicon/<name>.txt`). */
  lexiconLines: Record<string, ConceptLine[]>;
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
