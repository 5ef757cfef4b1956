import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildClaimBundle } from '../../lib/claims/build-claim-bundle';
import { exampleDocument } from '../../lib/claims/example-document';
import { loadClaimFiles } from '../../lib/claims/load-claim-files';
import type { ClaimExample } from '../../lib/claims/schema';
import { createMatcher } from '../../lib/matching/matcher';

// The claim list is tested by its own examples: every positive example must be found as its
// claim, and no negative example may be found as any claim — a sentence written to show where
// one claim stops must not be a false warning for another (issue 8).
const list = loadClaimFiles(resolve(import.meta.dirname, '../../claims'));
const matcher = createMatcher(buildClaimBundle(list).index);

const label = (e: ClaimExample) => (typeof e === 'string' ? e : `[${e.context}] ${e.text}`);

describe.each(list.claims.map((claim) => [claim.id, claim] as const))('claim %s', (_id, claim) => {
  it.each(claim.examples.positive.map((e) => [label(e), e] as const))('finds %s', (_l, example) => {
    const { doc, from } = exampleDocument(example);
    const found = matcher.scan(doc).filter((f) => f.claimId === claim.id && f.start >= from);
    expect(found, 'positive example not matched').not.toHaveLength(0);
  });

  it.each(claim.examples.negative.map((e) => [label(e), e] as const))(
    'flags no claim in %s',
    (_l, example) => {
      const { doc } = exampleDocument(example);
      expect(matcher.scan(doc).map((f) => `${f.claimId}: ${f.quote}`)).toEqual([]);
    },
  );
});
