import type { SentenceLabel } from './corpus';
import type { ScannedPage } from './page-sentences';

/** Counts of (sentence, claim) pairs. */
export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

/** One scored (sentence, claim) pair that was not a true negative. */
export interface PairOutcome {
  outcome: keyof Tally;
  claimId: string;
  /** Sentence position in the page, or -1 for a finding that fits no sentence. */
  sentenceIndex: number;
  sentence: string;
}

/** Everything one labeled page contributes to the score. */
export interface PageScore {
  pairs: PairOutcome[];
  /** Labels whose fingerprint is no sentence of the page: the splitter or the text changed. */
  unmatchedLabels: SentenceLabel[];
}

/** An empty tally. */
export const emptyTally = (): Tally => ({ tp: 0, fp: 0, fn: 0 });

/**
 * Scores one page sentence by sentence. A sentence expects the claims of the label with its
 * fingerprint, and no claim when it has no label. Each claim found on a sentence that expects it is
 * a true positive; found but not expected, a false positive (a wrong warning); expected but not
 * found, a false negative. A finding that fits no sentence is a false positive.
 * @param page the page's sentences and findings (see `mapFindingsToSentences`)
 * @param labels the page's sentence labels
 * @returns the page's pairs and the labels that match no sentence
 */
export function scorePage(page: ScannedPage, labels: readonly SentenceLabel[]): PageScore {
  const expectedByFp = new Map<string, Set<string>>();
  for (const label of labels) {
    const set = expectedByFp.get(label.fp) ?? new Set<string>();
    for (const id of label.claims) set.add(id);
    expectedByFp.set(label.fp, set);
  }
  const pairs: PairOutcome[] = [];
  const seenFps = new Set<string>();
  for (const sentence of page.sentences) {
    seenFps.add(sentence.fp);
    const expected = expectedByFp.get(sentence.fp) ?? new Set<string>();
    const found = new Set(sentence.found);
    for (const claimId of [...new Set([...found, ...expected])].sort()) {
      const outcome: keyof Tally = found.has(claimId) ? (expected.has(claimId) ? 'tp' : 'fp') : 'fn';
      pairs.push({ outcome, claimId, sentenceIndex: sentence.index, sentence: sentence.text });
    }
  }
  for (const finding of page.unmapped) {
    pairs.push({ outcome: 'fp', claimId: finding.claimId, sentenceIndex: -1, sentence: finding.quote });
  }
  return { pairs, unmatchedLabels: labels.filter((l) => !seenFps.has(l.fp)) };
}

/**
 * Adds pairs to a tally.
 * @param tally the tally to add to (changed in place)
 * @param pairs the pairs to count
 * @returns the same tally
 */
export function addPairs(tally: Tally, pairs: Iterable<Pick<PairOutcome, 'outcome'>>): Tally {
  for (const pair of pairs) tally[pair.outcome]++;
  return tally;
}

/**
 * Precision, recall and F1 of a tally. With nothing found, precision is 1 (no wrong warning); with
 * nothing expected, recall is 1 (nothing missed).
 * @param t the tally
 * @returns the three scores in [0, 1]
 */
export function scoresOf(t: Tally): { precision: number; recall: number; f1: number } {
  const precision = t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp);
  const recall = t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
