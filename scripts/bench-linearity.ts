import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildClaimBundle } from '../lib/claims/build-claim-bundle';
import { loadClaimFiles } from '../lib/claims/load-claim-files';
import { createMatcher } from '../lib/matching/matcher';
import { createRelevanceGate } from '../lib/matching/relevance-gate';
import type { TextDocument } from '../lib/matching/types';
import { ADVERSARIAL_KINDS, type AdversarialKind, claimVocabulary } from '../tests/matching/adversarial-text';

/**
 * Is the matcher's time linear in its input? Scans adversarial texts of each kind at 1× and
 * 8× a base size and prints the time ratio: about 8 means linear, 64 quadratic. A figure for
 * people to read, not an assertion (timings on shared machines are noisy).
 *
 * Usage: npm run bench:linearity [-- <base size in characters, default 100000>]
 */

const BASE = Number(process.argv[2] ?? 100_000);
const FACTOR = 8;
const RUNS = 5;

const list = loadClaimFiles(resolve(import.meta.dirname, '..', 'claims'));
const index = buildClaimBundle(list).index;
const matcher = createMatcher(index);
// The content script's cheap check, which reads every page's text before any scan.
const gate = createRelevanceGate(index.relevanceGate);
const vocabulary = claimVocabulary(list);

/** Paragraph blocks every ~2,000 characters (at a space), as the DOM layer would cut a long page. */
function paragraphs(text: string): TextDocument {
  const blocks = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + 2_000);
    const space = text.indexOf(' ', end);
    end = space === -1 || space - end > 200 ? end : space;
    blocks.push({ start, end });
    start = end;
  }
  return { text, blocks };
}

// A measurement shorter than this is mostly timer and garbage-collector noise: such inputs are
// scanned several times per measurement (sub-millisecond punctuation runs gave ratios of 50).
const MIN_MEASURE_MS = 20;

/** Best wall time per scan over `RUNS` measurements, in milliseconds, and the number of findings. */
function time(doc: TextDocument): { ms: number; findings: number } {
  const scanOnce = () => {
    gate.test(doc.text);
    return matcher.scan(doc).length;
  };
  const started = performance.now();
  const findings = scanOnce();
  const repeats = Math.max(1, Math.ceil(MIN_MEASURE_MS / Math.max(performance.now() - started, 0.01)));
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const runStarted = performance.now();
    for (let k = 0; k < repeats; k++) scanOnce();
    times.push((performance.now() - runStarted) / repeats);
  }
  // The fastest run: on a shared machine other processes only ever add time.
  return { ms: Math.min(...times), findings };
}

const rows: string[][] = [];
for (const kind of Object.keys(ADVERSARIAL_KINDS) as AdversarialKind[]) {
  for (const layout of ['one block', 'paragraphs'] as const) {
    const make = (size: number) => {
      const text = ADVERSARIAL_KINDS[kind](vocabulary, size);
      return layout === 'one block' ? { text, blocks: [{ start: 0, end: text.length }] } : paragraphs(text);
    };
    // Warm-up so that the first measurement does not include JIT compilation.
    time(make(BASE / 10));
    const small = time(make(BASE));
    const large = time(make(BASE * FACTOR));
    rows.push([
      kind,
      layout,
      small.ms.toFixed(2),
      large.ms.toFixed(2),
      (large.ms / small.ms).toFixed(2),
      String(small.findings),
      String(large.findings),
    ]);
  }
}

const header = [
  'input',
  'layout',
  `1× ms (${BASE})`,
  `${FACTOR}× ms`,
  'ratio',
  '1× findings',
  `${FACTOR}× findings`,
];
const widths = header.map((title, column) =>
  Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
);
const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ');
console.log(line(header));
for (const row of rows) console.log(line(row));
console.log(
  `\nratio ≈ ${FACTOR} is linear, ≈ ${FACTOR * FACTOR} quadratic (best of ${RUNS} runs each; ` +
    `inputs faster than ${MIN_MEASURE_MS} ms are scanned repeatedly per run).`,
);
