import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildClaimBundle } from '../../lib/claims/build-claim-bundle';
import { loadClaimFiles } from '../../lib/claims/load-claim-files';
import { createMatcher } from '../../lib/matching/matcher';
import { createRelevanceGate } from '../../lib/matching/relevance-gate';
import type { Finding, TextDocument } from '../../lib/matching/types';
import {
  ADVERSARIAL_KINDS,
  adversarialText,
  claimVocabulary,
  documentOver,
  FOREIGN_PIECES,
  wholeText,
} from './adversarial-text';

/**
 * Property-based robustness of the matcher against the real claim list: whatever a page
 * contains, scanning must not throw and every finding must point at real text inside one
 * block. Timing is measured separately (`npm run bench:linearity`), not asserted here.
 */

const list = loadClaimFiles(join(import.meta.dirname, '..', '..', 'claims'));
const bundle = buildClaimBundle(list);
const matcher = createMatcher(bundle.index);
const gate = createRelevanceGate(bundle.index.relevanceGate);
const vocabulary = claimVocabulary(list);
const verdictOf = new Map(bundle.notes.map((note) => [note.id, note.verdict]));

/** Every way a finding can be malformed, as readable strings (empty when all is well). */
function problemsOf(doc: TextDocument, findings: readonly Finding[]): string[] {
  const problems: string[] = [];
  let previousStart = -1;
  for (const [i, finding] of findings.entries()) {
    const at = `finding ${i} (${finding.claimId} ${finding.start}-${finding.end})`;
    if (!(Number.isInteger(finding.start) && Number.isInteger(finding.end)))
      problems.push(`${at}: non-integer offsets`);
    if (!(finding.start >= 0 && finding.start < finding.end && finding.end <= doc.text.length)) {
      problems.push(`${at}: outside 0..${doc.text.length} or empty`);
    }
    if (finding.quote !== doc.text.slice(finding.start, finding.end))
      problems.push(`${at}: quote is not the text`);
    if (!doc.blocks.some((block) => block.start <= finding.start && finding.end <= block.end)) {
      problems.push(`${at}: not inside a single block`);
    }
    if (verdictOf.get(finding.claimId) !== finding.verdict)
      problems.push(`${at}: unknown claim or wrong verdict`);
    if (finding.start < previousStart) problems.push(`${at}: out of text order`);
    previousStart = finding.start;
  }
  return problems;
}

/** Scans both ways and checks they agree and are well-formed. */
function checkDocument(doc: TextDocument): Finding[] {
  // The content script's cheap check runs over the same text first.
  gate.test(doc.text);
  const findings = matcher.scan(doc);
  expect(problemsOf(doc, findings)).toEqual([]);
  const incremental = [...matcher.scanIncrementally(doc)].flat();
  expect(incremental).toEqual(findings);
  return findings;
}

describe('matcher on random and adversarial text', () => {
  it('the claim vocabulary used by the generators is not empty', () => {
    expect(vocabulary.terms.length).toBeGreaterThan(20);
    expect(vocabulary.sentences.length).toBeGreaterThan(20);
  });

  it('never throws and returns well-formed findings for mixed vocabulary, scripts and noise', () => {
    fc.assert(
      fc.property(
        adversarialText(vocabulary).chain((text) => documentOver(text)),
        (doc) => {
          checkDocument(doc);
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);

  it('handles arbitrary Unicode, including lone surrogates and control characters', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 400 }).chain((text) => documentOver(text)),
        (doc) => {
          checkDocument(doc);
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);

  it('finds claim sentences even when surrounded by RTL, CJK and emoji text', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...vocabulary.sentences),
        fc.array(fc.constantFrom(...FOREIGN_PIECES.filter((piece) => !/^[\uD800-\uDFFF]$/.test(piece))), {
          maxLength: 6,
        }),
        (sentence, noise) => {
          const alone = checkDocument(wholeText(sentence)).map((finding) => finding.claimId);
          const text = `${noise.join(' ')}. ${sentence} ${noise.join(' ')}`;
          checkDocument(wholeText(text));
          // Noise before and after a sentence in its own paragraph must not change what it states.
          const separate = `${noise.join(' ')}\n\n${sentence}\n\n${noise.join(' ')}`;
          const start = noise.join(' ').length + 2;
          const doc: TextDocument = {
            text: separate,
            blocks: [
              { start: 0, end: start - 2 },
              { start, end: start + sentence.length },
              { start: start + sentence.length + 2, end: separate.length },
            ],
          };
          const inSentence = checkDocument(doc)
            .filter((finding) => finding.start >= start && finding.end <= start + sentence.length)
            .map((finding) => finding.claimId);
          expect(inSentence).toEqual(alone);
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);

  it('finds a claim sentence after a long run of punctuation, whatever the run', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('.', '?!', '…', '."', '!?"', '.)'),
        fc.integer({ min: 1, max: 3_000 }),
        fc.constantFrom(...vocabulary.sentences),
        (unit, times, lowercase) => {
          // A capital after the run's space starts a new sentence; lowercase would continue it.
          const sentence = `${lowercase.charAt(0).toUpperCase()}${lowercase.slice(1)}`;
          const alone = checkDocument(wholeText(sentence)).map((finding) => finding.claimId);
          // A run glued to a letter, then the sentence on its own after a space.
          const text = `${unit.repeat(times)}x ${unit.repeat(times)} ${sentence}`;
          const found = checkDocument(wholeText(text))
            .filter((finding) => finding.start >= text.length - sentence.length)
            .map((finding) => finding.claimId);
          expect(found).toEqual(alone);
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);

  it('survives deeply repeated claim fragments and long runs of trigger words', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...vocabulary.sentences, ...vocabulary.terms),
        fc.integer({ min: 50, max: 2000 }),
        fc.constantFrom(' ', ', ', ' and ', '', '. '),
        (fragment, times, separator) => {
          checkDocument(wholeText(Array.from({ length: times }, () => fragment).join(separator)));
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);

  it.each(Object.keys(ADVERSARIAL_KINDS) as (keyof typeof ADVERSARIAL_KINDS)[])(
    'scans a 1 MB %s input without throwing',
    (kind) => {
      const text = ADVERSARIAL_KINDS[kind](vocabulary, 1_000_000);
      expect(text.length).toBe(1_000_000);
      const findings = checkDocument(wholeText(text));
      // A finding's quote is capped, so a page without full stops cannot become one giant highlight.
      for (const finding of findings) expect(finding.quote.length).toBeLessThanOrEqual(1_000);
    },
    120_000,
  );
});
