/**
 * `npm run bench`: matcher throughput on a large generated corpus, next to a naive baseline
 * that runs one case-insensitive RegExp per positive claim example over the same text.
 * Prints figures; asserts nothing.
 */

import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadClaimFiles } from '../lib/claims/load-claim-files';
import { createMatcher } from '../lib/matching/matcher';
import { createRelevanceGate } from '../lib/matching/relevance-gate';
import { plainTextDocument } from '../lib/scan/plain-text';
import { loadDevSet } from './dev-set';
import { loadProjectClaimBundle } from './load-claim-bundle';

const TARGET_BYTES = Number(process.env.BENCH_MB ?? 8) * 1024 * 1024;
const RUNS = 3;

// A deterministic generator, so that every run measures the same corpus.
let seed = 42;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const FILLER_WORDS = [
  'the a patient doctor clinic pain back spine week month dose medicine therapy nurse visit said felt better worse',
  'because after before with about some many people family care team hospital surgery scan result question answer',
]
  .join(' ')
  .split(' ');

function fillerSentence(): string {
  const length = 8 + Math.floor(random() * 14);
  const words = Array.from({ length }, () => pick(FILLER_WORDS));
  const first = words[0] ?? 'the';
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return `${words.join(' ')}.`;
}

function generateCorpus(passages: string[]): string {
  const paragraphs: string[] = [];
  let size = 0;
  while (size < TARGET_BYTES) {
    // Roughly one labeled passage per four paragraphs of ordinary forum prose.
    const paragraph =
      random() < 0.25
        ? pick(passages)
        : Array.from({ length: 3 + Math.floor(random() * 4) }, fillerSentence).join(' ');
    paragraphs.push(paragraph);
    size += paragraph.length + 2;
  }
  return paragraphs.join('\n\n');
}

function time(label: string, run: () => number): { label: string; ms: number; result: number } {
  let best = Number.POSITIVE_INFINITY;
  let result = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    result = run();
    best = Math.min(best, performance.now() - start);
  }
  return { label, ms: best, result };
}

const bundle = loadProjectClaimBundle();
const list = loadClaimFiles(resolve(import.meta.dirname, '..', 'claims'));
const matcher = createMatcher(bundle.index);
const corpus = generateCorpus(loadDevSet().map((p) => p.text));
const mb = Buffer.byteLength(corpus) / (1024 * 1024);
const doc = plainTextDocument(corpus);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const baselinePatterns = list.claims.flatMap((claim) =>
  claim.examples.positive.map((e) => new RegExp(escapeRegExp(typeof e === 'string' ? e : e.text), 'gi')),
);

const ours = time('Claimnote matcher', () => matcher.scan(doc).length);
const naive = time(`naive: ${baselinePatterns.length} RegExps, one per example`, () => {
  let count = 0;
  for (const pattern of baselinePatterns) {
    pattern.lastIndex = 0;
    while (pattern.exec(corpus) !== null) count++;
  }
  return count;
});
// The relevance check's worst case is a page without any intrathecal word: it reads it all.
const irrelevant = Array.from({ length: 20000 }, fillerSentence).join(' ');
const irrelevantMb = Buffer.byteLength(irrelevant) / (1024 * 1024);
// The gate the content script runs on every page (lib/matching/relevance-gate.ts).
const gate = createRelevanceGate(bundle.index.relevanceGate);
const relevance = time(`relevance gate, ${irrelevantMb.toFixed(1)} MB irrelevant text`, () =>
  gate.test(irrelevant) ? 1 : 0,
);

console.log(`Claimnote bench — claim list ${bundle.version}`);
console.log(
  `corpus: ${mb.toFixed(1)} MB, ${doc.blocks.length} paragraphs; best of ${RUNS} runs; node ${process.version}`,
);
console.log('');
for (const [r, size] of [
  [ours, mb],
  [naive, mb],
  [relevance, irrelevantMb],
] as const) {
  console.log(
    `${r.label.padEnd(44)} ${r.ms.toFixed(1).padStart(9)} ms ${(size / (r.ms / 1000)).toFixed(1).padStart(8)} MB/s   (${r.result} matches)`,
  );
}
console.log('');
console.log(`matcher time / naive baseline time: ${(ours.ms / naive.ms).toFixed(2)}`);
console.log(
  'The naive baseline only finds verbatim copies of the examples; the matcher also finds paraphrases, ' +
    'resolves "the pump" and respects negation, so its match count differs.',
);
