import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadClaimFiles } from '../../lib/claims/load-claim-files';
import type { ClaimExample } from '../../lib/claims/schema';
import { createMatcher } from '../../lib/matching/matcher';
import { createRelevanceGate } from '../../lib/matching/relevance-gate';
import { plainTextDocument } from '../../lib/scan/plain-text';
import { loadDevSet } from '../../scripts/dev-set';
import { testBundle } from '../page/test-bundle';

// The gate must stay a superset filter: a page that fails it is never scanned, so any text in
// which the matcher finds a claim must pass it, or its notes are silently lost.
const gate = createRelevanceGate(testBundle.index.relevanceGate);
const matcher = createMatcher(testBundle.index);
// The former substring check (any @relevance word inside the text, any case, any space
// between the words of one), only to recognise passages it already let through.
const anchors = new RegExp(
  testBundle.index.relevanceWords
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'))
    .join('|'),
  'i',
);
const substringCheck = (text: string) => anchors.test(text);

const exampleText = (e: ClaimExample) => (typeof e === 'string' ? e : `${e.context}\n\n${e.text}`);
const { claims } = loadClaimFiles(resolve(import.meta.dirname, '../../claims'));
const examples = claims.flatMap((claim) =>
  [...claim.examples.positive.map((e) => ({ claim: claim.id, positive: true, text: exampleText(e) }))].concat(
    claim.examples.negative.map((e) => ({ claim: claim.id, positive: false, text: exampleText(e) })),
  ),
);
const devSet = loadDevSet();

describe('relevance gate as a superset filter', () => {
  it('has claim examples and dev-set passages to check', () => {
    expect(examples.filter((e) => e.positive).length).toBeGreaterThan(100);
    expect(devSet.filter((p) => p.expect.length > 0).length).toBeGreaterThan(200);
  });

  it('passes every positive example of every claim', () => {
    const missed = examples
      .filter((e) => e.positive && !gate.test(e.text))
      .map((e) => `${e.claim}: ${e.text}`);
    expect(missed).toEqual([]);
  });

  it('passes every dev-set passage that states a claim (all the substring check passed)', () => {
    const missed = devSet
      .filter((p) => p.expect.length > 0 && substringCheck(p.text) && !gate.test(p.text))
      .map((p) => p.id);
    expect(missed).toEqual([]);
  });

  it('passes every example and passage in which the matcher finds anything', () => {
    const texts = [...examples.map((e) => e.text), ...devSet.map((p) => p.text)];
    const missed = texts.filter(
      (text) => matcher.scan(plainTextDocument(text)).length > 0 && !gate.test(text),
    );
    expect(missed).toEqual([]);
  });
});
