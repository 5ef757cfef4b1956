/**
 * `npm run real:import`: fills the git-ignored cache of real pages (.cache/real-pages) from saved
 * answers of the search tool's `pages` corpus, adds pages to tests/real-pages/pages.json, and
 * verifies the cache against the recorded hashes. See tests/real-pages/README.md.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  cachedPageText,
  type PageKind,
  pageKindSchema,
  type RealPage,
  splitForUrl,
  uniquePageId,
} from '../lib/real-pages/corpus';
import { sha256Hex } from '../lib/real-pages/fingerprint';
import { loadPages, readCachedPage, savePages, writeCachedPage } from './real-pages/store';

const USAGE = `Usage:
  npm run real:import -- <answer.json>...                 refill the cache for pages already listed
  npm run real:import -- <answer.json> --add <kind> [--only <url>]...
                                                          also list new pages of that kind (all, or only those urls)
  npm run real:import -- --verify                         check every listed page's cached text against its hash
<answer.json> is a search tool answer ({"query": ..., "results": [{"url": ..., "excerpt": ...}]}) saved as is.
<kind> is dubious, reliable or off-topic.`;

/** The part of a search tool answer this script reads. */
const answerSchema = z.object({
  query: z.string().min(1),
  results: z.array(z.object({ url: z.string().url(), excerpt: z.string() })),
});

interface Options {
  files: string[];
  add?: PageKind;
  only: Set<string>;
  verify: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { files: [], only: new Set(), verify: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--verify') options.verify = true;
    else if (arg === '--add') options.add = pageKindSchema.parse(argv[++i]);
    else if (arg === '--only') options.only.add(z.string().url().parse(argv[++i]));
    else if (arg.startsWith('--')) throw new Error(`Unknown option ${arg}\n${USAGE}`);
    else options.files.push(arg);
  }
  if (!options.verify && options.files.length === 0) throw new Error(USAGE);
  return options;
}

function verify(pages: readonly RealPage[]): number {
  const problems = { missing: [] as string[], 'hash-differs': [] as string[] };
  for (const page of pages) {
    const state = readCachedPage(page);
    if (!state.ok) problems[state.problem].push(page.id);
  }
  const ok = pages.length - problems.missing.length - problems['hash-differs'].length;
  console.log(`${ok}/${pages.length} cached pages match their recorded hash`);
  for (const [problem, ids] of Object.entries(problems)) {
    if (ids.length > 0) console.log(`${problem} (${ids.length}): ${ids.join(', ')}`);
  }
  return ok === pages.length ? 0 : 1;
}

function importAnswers(options: Options): number {
  const pages = loadPages();
  const byUrl = new Map(pages.map((p) => [p.url, p]));
  const taken = new Set(pages.map((p) => p.id));
  let refilled = 0;
  let added = 0;
  let differs = 0;
  for (const file of options.files) {
    const answer = answerSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    const done = new Set<string>();
    for (const result of answer.results) {
      // An answer can hold the same page twice; the first one is the one recorded.
      if (done.has(result.url)) continue;
      done.add(result.url);
      const text = cachedPageText(result.excerpt);
      const hash = sha256Hex(text);
      const listed = byUrl.get(result.url);
      if (listed) {
        writeCachedPage(listed.id, text);
        if (hash === listed.sha256) refilled++;
        else {
          differs++;
          console.log(`hash differs: ${listed.id} (the stored page changed; its labels may no longer match)`);
        }
        continue;
      }
      if (!options.add || (options.only.size > 0 && !options.only.has(result.url))) continue;
      const id = uniquePageId(result.url, taken);
      taken.add(id);
      const page: RealPage = {
        id,
        url: result.url,
        kind: options.add,
        query: answer.query,
        sha256: hash,
        split: splitForUrl(result.url),
      };
      pages.push(page);
      byUrl.set(page.url, page);
      writeCachedPage(id, text);
      added++;
      console.log(`added ${page.kind} ${page.split} ${id}`);
    }
  }
  if (added > 0) savePages(pages);
  console.log(`${refilled} refilled, ${added} added, ${differs} with a different text`);
  return differs > 0 ? 1 : 0;
}

try {
  const options = parseArgs(process.argv.slice(2));
  process.exitCode = options.verify ? verify(loadPages()) : importAnswers(options);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 64;
}
