import { describe, expect, it } from 'vitest';
import type { Finding } from '../../lib/matching/types';
import { sentenceFingerprint } from '../../lib/real-pages/fingerprint';
import { mapFindingsToSentences } from '../../lib/real-pages/page-sentences';
import { addPairs, emptyTally, scorePage, scoresOf } from '../../lib/real-pages/score';
import { plainTextDocument } from '../../lib/scan/plain-text';

// Own-words test text, not page text.
const TEXT = 'The pump sits under the belly skin. It is refilled often.\n\nA nurse checks it. The end.\n';

function finding(claimId: string, sentence: string, offsetInSentence = 0): Finding {
  const start = TEXT.indexOf(sentence) + offsetInSentence;
  return { claimId, verdict: 'false', start, end: start + sentence.length, quote: sentence };
}

describe('mapFindingsToSentences', () => {
  it('splits with the matcher splitter and puts each finding on the sentence its start is in', () => {
    const doc = plainTextDocument(TEXT);
    const page = mapFindingsToSentences(doc, [
      finding('a', 'It is refilled often.'),
      // A clause-only quote starts inside its sentence.
      finding('b', 'A nurse checks it.', 2),
      finding('a', 'It is refilled often.'),
    ]);
    expect(page.sentences.map((s) => s.text)).toEqual([
      'The pump sits under the belly skin.',
      'It is refilled often.',
      'A nurse checks it.',
      'The end.',
    ]);
    expect(page.sentences.map((s) => s.found)).toEqual([[], ['a'], ['b'], []]);
    expect(page.sentences[1]?.fp).toBe(sentenceFingerprint('It is refilled often.'));
    expect(page.unmapped).toEqual([]);
  });

  it('keeps a finding that starts between sentences as unmapped', () => {
    const doc = plainTextDocument(TEXT);
    const between = TEXT.indexOf('\n\n');
    const page = mapFindingsToSentences(doc, [
      { claimId: 'x', verdict: 'false', start: between, end: between + 1, quote: '?' },
    ]);
    expect(page.unmapped.map((f) => f.claimId)).toEqual(['x']);
  });
});

describe('scorePage', () => {
  const doc = plainTextDocument(TEXT);
  const fp = (s: string) => sentenceFingerprint(s);

  it('counts found-and-expected as TP, found-only as FP and expected-only as FN, per claim', () => {
    const page = mapFindingsToSentences(doc, [
      finding('a', 'It is refilled often.'),
      finding('c', 'It is refilled often.'),
      finding('b', 'The end.'),
    ]);
    const score = scorePage(page, [
      { fp: fp('It is refilled often.'), claims: ['a', 'z'], reason: 'r' },
      { fp: fp('A nurse checks it.'), claims: [], reason: 'tricky negative' },
    ]);
    const tally = addPairs(emptyTally(), score.pairs);
    expect(tally).toEqual({ tp: 1, fp: 2, fn: 1 });
    expect(score.pairs.map((p) => `${p.outcome}:${p.claimId}@${p.sentenceIndex}`)).toEqual([
      'tp:a@1',
      'fp:c@1',
      'fn:z@1',
      'fp:b@3',
    ]);
    expect(score.unmatchedLabels).toEqual([]);
  });

  it('treats an unlabeled sentence as expecting no claim and an unmapped finding as a wrong warning', () => {
    const between = TEXT.indexOf('\n\n');
    const page = mapFindingsToSentences(doc, [
      { claimId: 'x', verdict: 'false', start: between, end: between + 1, quote: 'q' },
      finding('y', 'The pump sits under the belly skin.'),
    ]);
    const score = scorePage(page, []);
    expect(score.pairs.map((p) => `${p.outcome}:${p.claimId}`)).toEqual(['fp:y', 'fp:x']);
  });

  it('matches labels by normalized fingerprint and reports labels that match no sentence', () => {
    const page = mapFindingsToSentences(doc, [finding('a', 'It is refilled often.')]);
    const score = scorePage(page, [
      { fp: sentenceFingerprint('  IT is   refilled\u00a0often. '), claims: ['a'], reason: 'r' },
      { fp: fp('A sentence that is not on the page.'), claims: ['a'], reason: 'r' },
    ]);
    expect(addPairs(emptyTally(), score.pairs)).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(score.unmatchedLabels.map((l) => l.fp)).toEqual([fp('A sentence that is not on the page.')]);
  });
});

describe('scoresOf', () => {
  it('computes precision, recall and F1, with 1 for empty denominators', () => {
    const s = scoresOf({ tp: 3, fp: 1, fn: 2 });
    expect(s.precision).toBeCloseTo(0.75, 10);
    expect(s.recall).toBeCloseTo(0.6, 10);
    expect(s.f1).toBeCloseTo(2 / 3, 10);
    expect(scoresOf(emptyTally())).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(scoresOf({ tp: 0, fp: 2, fn: 0 }).precision).toBe(0);
  });
});
