import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildClaimBundle } from '../../lib/claims/build-claim-bundle';
import { loadClaimFiles } from '../../lib/claims/load-claim-files';
import type { ClaimExample } from '../../lib/claims/schema';
import { createMatcher } from '../../lib/matching/matcher';
import type { TextDocument } from '../../lib/matching/types';

// The claim list is tested by its own examples: every positive example must be found as its
// claim, and no negative example may be found as its claim.
const list = loadClaimFiles(resolve(import.meta.dirname, '../../claims'));
const matcher = createMatcher(buildClaimBundle(list).index);

/** The example as a document; `from` is where the sentence under test begins. */
function exampleDocument(example: ClaimExample): { doc: TextDocument; from: number } {
  const context = typeof example === 'string' ? '' : example.context;
  const sentence = typeof example === 'string' ? example : example.text;
  const text = context ? `${context}\n\n${sentence}` : sentence;
  const from = text.length - sentence.length;
  const blocks = context
    ? [
        { start: 0, end: context.length },
        { start: from, end: text.length },
      ]
    : [];
  return { doc: { text, blocks: blocks.length ? blocks : [{ start: 0, end: text.length }] }, from };
}

const label = (e: ClaimExample) => (typeof e === 'string' ? e : `[${e.context}] ${e.text}`);

describe.each(list.claims.map((claim) => [claim.id, claim] as const))('claim %s', (_id, claim) => {
  it.each(claim.examples.positive.map((e) => [label(e), e] as const))('finds %s', (_l, example) => {
    const { doc, from } = exampleDocument(example);
    const found = matcher.scan(doc).filter((f) => f.claimId === claim.id && f.start >= from);
    expect(found, 'positive example not matched').not.toHaveLength(0);
  });

  it.each(claim.examples.negative.map((e) => [label(e), e] as const))('does not flag %s', (_l, example) => {
    const { doc } = exampleDocument(example);
    const found = matcher.scan(doc).filter((f) => f.claimId === claim.id);
    expect(found.map((f) => f.quote)).toEqual([]);
  });
});
