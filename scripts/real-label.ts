/**
 * `npm run real:label`: writes sentence labels of the real-page corpus
 * (tests/real-pages/labels/<page-id>.json). See tests/real-pages/README.md for the labeling guide.
 */

import { readFileSync } from 'node:fs';
import { createMatcher } from '../lib/matching/matcher';
import { pageKindSchema } from '../lib/real-pages/corpus';
import { quotesSentence } from '../lib/real-pages/own-words';
import { loadProjectClaimBundle } from './load-claim-bundle';
import {
  knownClaimIds,
  loadLabels,
  loadPages,
  readCachedPage,
  saveLabels,
  scanPageText,
} from './real-pages/store';

const USAGE = `Usage:
  npm run real:label -- <page-id> <fp> <claim,...|none> "<reason>"   label one sentence (replaces its label)
  npm run real:label -- --batch <file.tsv>                           many labels: one "<page-id>\t<fp>\t<claims|none>\t<reason>" a line
  npm run real:label -- --remove <page-id> <fp>                      drop a sentence label
  npm run real:label -- --done <page-id>                             mark the page reviewed: every sentence checked
  npm run real:label -- --undone <page-id>                           mark it not reviewed again
  npm run real:label -- --status [dubious|reliable|off-topic]        list pages with their label state
  add --force to accept a claim id that is not known (a new candidate: list it in the README too).
<fp> is the fingerprint printed by \`npm run eval:real -- --page <page-id>\`; "none" records a tricky
negative (a sentence that looks like a claim but is not one). The reason is one line in your own words.`;

const bundle = loadProjectClaimBundle();
const matcher = createMatcher(bundle.index);
const known = knownClaimIds(bundle.notes.map((n) => n.id));
const pages = loadPages();

function pageText(pageId: string): string {
  const page = pages.find((p) => p.id === pageId);
  if (!page) throw new Error(`No page ${pageId} in tests/real-pages/pages.json`);
  const cached = readCachedPage(page);
  if (!cached.ok) throw new Error(`${pageId}: cached text ${cached.problem}; refill it first`);
  return cached.text;
}

function label(pageId: string, fp: string, claimsArg: string, reason: string, force: boolean): void {
  const sentence = scanPageText(matcher, pageText(pageId)).sentences.find((s) => s.fp === fp);
  if (!sentence) throw new Error(`${pageId}: no sentence has fingerprint ${fp}`);
  const claims = claimsArg === 'none' ? [] : [...new Set(claimsArg.split(',').map((c) => c.trim()))].sort();
  const unknown = claims.filter((c) => !known.has(c));
  if (unknown.length > 0 && !force)
    throw new Error(`Unknown claim id ${unknown.join(', ')} (add --force for a new one)`);
  if (claims.some((c) => c === '')) throw new Error('Empty claim id');
  const oneLine = reason.replace(/\s+/gu, ' ').trim();
  if (!oneLine) throw new Error('A reason is required');
  if (quotesSentence(oneLine, sentence.text))
    throw new Error('The reason quotes the page: write it in your own words');
  const labels = loadLabels(pageId);
  labels.sentences = labels.sentences.filter((l) => l.fp !== fp);
  labels.sentences.push({ fp, claims, reason: oneLine });
  // Keep labels in page order so that reviews of a label file read top to bottom.
  const order = new Map(scanPageText(matcher, pageText(pageId)).sentences.map((s) => [s.fp, s.index]));
  labels.sentences.sort((a, b) => (order.get(a.fp) ?? 1e9) - (order.get(b.fp) ?? 1e9));
  saveLabels(labels);
  console.log(`${pageId}#${sentence.index} ${fp} -> [${claims.join(',') || 'none'}]`);
}

// Labels a batch from a tab-separated file kept outside the repository (it holds no page text, but
// it is a work file); blank lines and lines starting with # are skipped.
function batch(file: string, force: boolean): void {
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    const [pageId, fp, claims, reason, ...extra] = line.split('\t');
    if (!pageId || !fp || !claims || !reason || extra.length > 0)
      throw new Error(`${file}:${i + 1}: expected 4 tab-separated fields`);
    try {
      label(pageId.trim(), fp.trim(), claims.trim(), reason, force);
    } catch (error) {
      throw new Error(`${file}:${i + 1}: ${error instanceof Error ? error.message : error}`);
    }
  });
}

function setDone(pageId: string, done: boolean): void {
  const labels = loadLabels(pageId);
  if (done) {
    const fps = new Set(scanPageText(matcher, pageText(pageId)).sentences.map((s) => s.fp));
    const stale = labels.sentences.filter((l) => !fps.has(l.fp));
    if (stale.length > 0)
      throw new Error(`${pageId}: labels match no sentence: ${stale.map((l) => l.fp).join(', ')}`);
  }
  labels.labeled = done;
  saveLabels(labels);
  console.log(`${pageId}: ${done ? 'labeled' : 'not labeled'} (${labels.sentences.length} sentence labels)`);
}

function status(kindArg: string | undefined): void {
  const kind = kindArg === undefined ? undefined : pageKindSchema.parse(kindArg);
  let done = 0;
  for (const page of pages) {
    if (kind && page.kind !== kind) continue;
    const labels = loadLabels(page.id);
    if (labels.labeled) done++;
    const state = labels.labeled ? 'labeled' : labels.sentences.length > 0 ? 'partial' : 'todo';
    console.log(
      `${state.padEnd(8)} ${page.kind.padEnd(10)} ${page.split.padEnd(6)} ${page.id}  (${labels.sentences.length})`,
    );
  }
  console.log(`${done} labeled`);
}

try {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const rest = args.filter((a) => a !== '--force');
  const [first, ...more] = rest;
  if (first === '--done' && more.length === 1) setDone(more[0] as string, true);
  else if (first === '--undone' && more.length === 1) setDone(more[0] as string, false);
  else if (first === '--status') status(more[0]);
  else if (first === '--batch' && more.length === 1) batch(more[0] as string, force);
  else if (first === '--remove' && more.length === 2) {
    const labels = loadLabels(more[0] as string);
    labels.sentences = labels.sentences.filter((l) => l.fp !== more[1]);
    saveLabels(labels);
  } else if (first && !first.startsWith('--') && more.length === 3) {
    label(first, more[0] as string, more[1] as string, more[2] as string, force);
  } else {
    console.error(USAGE);
    process.exitCode = 64;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
