import { type SentenceSpan, splitSentences } from '../matching/sentences';
import type { Finding, TextDocument } from '../matching/types';
import { sentenceFingerprint } from './fingerprint';

/** One sentence of a scanned page, with the findings the matcher reported on it. */
export interface PageSentence extends SentenceSpan {
  /** Position in the page, from 0. */
  index: number;
  text: string;
  fp: string;
  /** Claim ids found on this sentence, sorted, each once. */
  found: string[];
}

/** A page split into sentences, with its findings mapped onto them. */
export interface ScannedPage {
  sentences: PageSentence[];
  /** Findings whose start lies in no sentence (the matcher and splitter disagree): wrong warnings. */
  unmapped: Finding[];
}

/**
 * Splits a document into sentences with the matcher's own splitter and puts each finding on the
 * sentence its start falls in. A finding on a long sentence may quote one clause only, so the
 * start, not the whole range, decides.
 * @param doc the document as scanned
 * @param findings the matcher's findings on the whole document
 * @returns the page's sentences and any finding that fits none
 */
export function mapFindingsToSentences(doc: TextDocument, findings: readonly Finding[]): ScannedPage {
  const spans: SentenceSpan[] = doc.blocks.flatMap((block) => splitSentences(doc.text, block));
  const found = spans.map(() => new Set<string>());
  const unmapped: Finding[] = [];
  for (const finding of findings) {
    const at = sentenceAt(spans, finding.start);
    if (at === -1) unmapped.push(finding);
    else found[at]?.add(finding.claimId);
  }
  const sentences = spans.map((span, index) => {
    const text = doc.text.slice(span.start, span.end);
    return { ...span, index, text, fp: sentenceFingerprint(text), found: [...(found[index] ?? [])].sort() };
  });
  return { sentences, unmapped };
}

// Spans are in text order and do not overlap: binary search for the one holding `offset`.
function sentenceAt(spans: readonly SentenceSpan[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid] as SentenceSpan;
    if (offset < span.start) hi = mid - 1;
    else if (offset >= span.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
