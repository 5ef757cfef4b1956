/**
 * Claim ids that issue 9 adds to the claim list. Labels may use them before the claims exist in
 * claims/items: until then every such label is a miss, which is what the corpus should show.
 */
export const ISSUE_9_CLAIM_IDS = [
  'delivers-into-spinal-cord',
  'pump-placed-in-spine',
  'minor-surgery-quick-recovery',
  'instant-or-stronger-relief',
  'delivers-to-pain-site',
  'complete-or-lifelong-relief',
  'overdose-impossible',
] as const;

/**
 * Recurring wrong statements seen in the corpus that may become claims (see
 * tests/real-pages/README.md for what each one covers).
 */
export const CANDIDATE_CLAIM_IDS = [
  'granuloma-is-infection',
  'baclofen-pump-for-back-pain',
  'proven-for-non-cancer-pain',
] as const;
