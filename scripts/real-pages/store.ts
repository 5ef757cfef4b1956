import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Matcher } from '../../lib/matching/matcher';
import { CANDIDATE_CLAIM_IDS, ISSUE_9_CLAIM_IDS } from '../../lib/real-pages/claim-ids';
import {
  type PageLabels,
  pageLabelsSchema,
  type RealPage,
  realPageListSchema,
} from '../../lib/real-pages/corpus';
import { sha256Hex } from '../../lib/real-pages/fingerprint';
import { mapFindingsToSentences, type ScannedPage } from '../../lib/real-pages/page-sentences';
import { plainTextDocument } from '../../lib/scan/plain-text';

const ROOT = resolve(import.meta.dirname, '..', '..');
/** Committed corpus data: pages.json and labels/. */
export const CORPUS_DIR = join(ROOT, 'tests', 'real-pages');
/** Git-ignored page texts, one `<page-id>.txt` each. */
export const CACHE_DIR = join(ROOT, '.cache', 'real-pages');
const PAGES_FILE = join(CORPUS_DIR, 'pages.json');
const LABELS_DIR = join(CORPUS_DIR, 'labels');

/** Reads and validates tests/real-pages/pages.json (an empty list when it does not exist yet). */
export function loadPages(): RealPage[] {
  if (!existsSync(PAGES_FILE)) return [];
  return realPageListSchema.parse(JSON.parse(readFileSync(PAGES_FILE, 'utf8')));
}

/** Writes pages.json, sorted by id so that diffs stay small. */
export function savePages(pages: readonly RealPage[]): void {
  const sorted = [...pages].sort((a, b) => a.id.localeCompare(b.id));
  writeFileSync(PAGES_FILE, `${JSON.stringify(realPageListSchema.parse(sorted), null, 2)}\n`);
}

/** The label file of a page, or an empty unreviewed one. */
export function loadLabels(pageId: string): PageLabels {
  const file = join(LABELS_DIR, `${pageId}.json`);
  if (!existsSync(file)) return { page: pageId, labeled: false, sentences: [] };
  const labels = pageLabelsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  if (labels.page !== pageId) throw new Error(`${file}: page is ${labels.page}, expected ${pageId}`);
  return labels;
}

/** Page ids that have a label file. */
export function labeledPageIds(): string[] {
  if (!existsSync(LABELS_DIR)) return [];
  return readdirSync(LABELS_DIR)
    .filter((n) => n.endsWith('.json'))
    .map((n) => n.slice(0, -'.json'.length));
}

/** Writes a page's label file. */
export function saveLabels(labels: PageLabels): void {
  mkdirSync(LABELS_DIR, { recursive: true });
  writeFileSync(
    join(LABELS_DIR, `${labels.page}.json`),
    `${JSON.stringify(pageLabelsSchema.parse(labels), null, 2)}\n`,
  );
}

/** Why a page's cached text cannot be scored, if it cannot. */
export type CacheState = { ok: true; text: string } | { ok: false; problem: 'missing' | 'hash-differs' };

/** Reads a page's cached text and checks it against the recorded hash. */
export function readCachedPage(page: RealPage): CacheState {
  const file = join(CACHE_DIR, `${page.id}.txt`);
  if (!existsSync(file)) return { ok: false, problem: 'missing' };
  const text = readFileSync(file, 'utf8');
  return sha256Hex(text) === page.sha256 ? { ok: true, text } : { ok: false, problem: 'hash-differs' };
}

/** Writes a page's text to the cache. */
export function writeCachedPage(pageId: string, text: string): void {
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(join(CACHE_DIR, `${pageId}.txt`), text);
}

/**
 * Scans a cached text whole, as `npm run scan` reads a plain-text file (blank lines between
 * paragraphs), and puts the findings on the matcher's own sentences.
 */
export function scanPageText(matcher: Matcher, text: string): ScannedPage {
  const doc = plainTextDocument(text);
  return mapFindingsToSentences(doc, matcher.scan(doc));
}

/** Claim ids a label may use: the claim list's, issue 9's new ones and the recorded candidates. */
export function knownClaimIds(bundleIds: readonly string[]): Set<string> {
  return new Set([...bundleIds, ...ISSUE_9_CLAIM_IDS, ...CANDIDATE_CLAIM_IDS]);
}
