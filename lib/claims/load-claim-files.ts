import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import type { ClaimList } from './claim-list';
import { type Claim, claimSchema, lexiconSchema, type Source, sourceSchema } from './schema';

/** A claim-list file that failed validation, with every problem named by file and field. */
export class ClaimListError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid claim list:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ClaimListError';
  }
}

function describeIssues(file: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : '(root)';
    return `${file}: field "${field}": ${issue.message}`;
  });
}

function readJson(path: string, label: string, problems: string[]): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    problems.push(`${label}: not valid JSON (${(error as Error).message})`);
    return undefined;
  }
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
}

/**
 * Reads and validates the claim list under `dir` (`items/*.json`, `sources/*.json`,
 * `lexicon.json`), checking cross-references too: every source id a claim cites exists, file
 * names equal ids, ids are unique, every `@concept` a pattern uses is defined.
 * @param dir the `claims/` folder
 * @throws {ClaimListError} naming each file and field that is wrong
 */
export function loadClaimFiles(dir: string): ClaimList {
  const problems: string[] = [];
  const label = (path: string) => relative(process.cwd(), path) || path;

  const sources: Source[] = [];
  const sourcesDir = join(dir, 'sources');
  for (const name of jsonFiles(sourcesDir)) {
    const path = join(sourcesDir, name);
    const parsed = sourceSchema.safeParse(readJson(path, label(path), problems));
    if (!parsed.success) {
      problems.push(...describeIssues(label(path), parsed.error));
      continue;
    }
    if (`${parsed.data.id}.json` !== name) {
      problems.push(`${label(path)}: field "id": "${parsed.data.id}" must equal the file name`);
    }
    sources.push(parsed.data);
  }

  const lexiconPath = join(dir, 'lexicon.json');
  const lexiconParsed = lexiconSchema.safeParse(readJson(lexiconPath, label(lexiconPath), problems));
  if (!lexiconParsed.success) problems.push(...describeIssues(label(lexiconPath), lexiconParsed.error));
  const lexicon = lexiconParsed.success ? lexiconParsed.data : { concepts: {} };

  const sourceIds = new Set(sources.map((s) => s.id));
  const claims: Claim[] = [];
  const itemsDir = join(dir, 'items');
  for (const name of jsonFiles(itemsDir)) {
    const path = join(itemsDir, name);
    const parsed = claimSchema.safeParse(readJson(path, label(path), problems));
    if (!parsed.success) {
      problems.push(...describeIssues(label(path), parsed.error));
      continue;
    }
    const claim = parsed.data;
    if (`${claim.id}.json` !== name) {
      problems.push(`${label(path)}: field "id": "${claim.id}" must equal the file name`);
    }
    claim.sources.forEach((sourceId, i) => {
      if (!sourceIds.has(sourceId)) {
        problems.push(`${label(path)}: field "sources.${i}": unknown source id "${sourceId}"`);
      }
    });
    claim.match.patterns.forEach((pattern, p) => {
      const terms = [...pattern.all.flat(), ...(pattern.none ?? [])];
      for (const term of terms) {
        if (term.startsWith('@') && !(term.slice(1) in lexicon.concepts)) {
          problems.push(`${label(path)}: field "match.patterns.${p}": unknown concept "${term}"`);
        }
      }
    });
    claims.push(claim);
  }
  for (const [concept, terms] of Object.entries(lexicon.concepts)) {
    for (const term of terms) {
      if (term.startsWith('@') && !(term.slice(1) in lexicon.concepts)) {
        problems.push(`${label(lexiconPath)}: field "concepts.${concept}": unknown concept "${term}"`);
      }
    }
  }
  if (claims.length === 0) problems.push(`${label(itemsDir)}: no claim files`);
  if (problems.length > 0) throw new ClaimListError(problems);

  const reviewed =
    claims
      .map((c) => c.reviewed)
      .sort()
      .at(-1) ?? '';
  const hash = createHash('sha256')
    .update(JSON.stringify({ claims, sources, lexicon }))
    .digest('hex')
    .slice(0, 8);
  return { version: `${reviewed}+${hash}`, reviewed, claims, sources, lexicon };
}
