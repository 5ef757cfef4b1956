import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadClaimFiles } from '../../../lib/claims/load-claim-files';
import type { Claim, Source } from '../../../lib/claims/schema';
import { REPO_ROOT } from './browsers';
import { FIXTURE_PAGES_DIR } from './fixture-server';

/**
 * Reads the expected claim ids a fixture page declares in its header comment, one line per
 * phase: `expect <phase>: id, id` (or `(none)`). Keeping the expectation in the page itself
 * means whoever edits a fixture sees what the tests will demand of it.
 *
 * @param page path under tests/fixtures/pages
 * @returns phase name → expected claim ids (sorted)
 * @throws when the page declares no expectations or names a claim id that does not exist
 */
export function fixtureExpectations(page: string): Record<string, string[]> {
  const html = readFileSync(join(FIXTURE_PAGES_DIR, page), 'utf8');
  const header = html.match(/<!--([\s\S]*?)-->/)?.[1] ?? '';
  const phases: Record<string, string[]> = {};
  for (const match of header.matchAll(/^\s*expect ([\w-]+):(.*)$/gm)) {
    const [, phase = '', list = ''] = match;
    const ids = list.trim() === '(none)' ? [] : list.split(',').map((id) => id.trim());
    phases[phase] = ids.filter((id) => id.length > 0).sort();
  }
  if (Object.keys(phases).length === 0) throw new Error(`${page} declares no "expect <phase>:" line`);
  const known = new Set(claimList().claims.map((claim) => claim.id));
  for (const ids of Object.values(phases)) {
    for (const id of ids) if (!known.has(id)) throw new Error(`${page} expects unknown claim id "${id}"`);
  }
  return phases;
}

let cached: ReturnType<typeof loadClaimFiles> | undefined;

/** The validated claim list from claims/, read once. */
export function claimList(): ReturnType<typeof loadClaimFiles> {
  cached ??= loadClaimFiles(join(REPO_ROOT, 'claims'));
  return cached;
}

/** A claim with its sources resolved, as the note card should show it. */
export function claimWithSources(id: string): { claim: Claim; sources: Source[] } {
  const list = claimList();
  const claim = list.claims.find((candidate) => candidate.id === id);
  if (!claim) throw new Error(`Unknown claim id ${id}`);
  const sources = claim.sources.map((sourceId) => {
    const source = list.sources.find((candidate) => candidate.id === sourceId);
    if (!source) throw new Error(`Claim ${id} cites unknown source ${sourceId}`);
    return source;
  });
  return { claim, sources };
}

/** Words a reader would see for each verdict; the card may phrase it more fully. */
export const VERDICT_WORDS: Record<Claim['verdict'], RegExp> = {
  false: /\bfalse\b/i,
  misleading: /\bmisleading\b/i,
  unsupported: /\bunsupported\b|\bnot supported\b/i,
  'needs-context': /\bcontext\b/i,
};
