import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import type { ClaimList } from './claim-list';
import { readLexiconFiles } from './lexicon-files';
import { parseRuleFile } from './rules/parse-rules';
import type { RuleFile } from './rules/rule-file';
import { rulesToClaimFields } from './rules/rules-to-claim';
import { type Claim, claimFileSchema, type Source, sourceSchema } from './schema';

/** A claim-list file that failed validation, with every problem named by file and field. */
export class ClaimListError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid claim list:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ClaimListError';
  }
}

// As many as the JSON schema asked for: enough to show the rule's reach and its limits.
const MIN_EXAMPLES = 6;

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
 * Reads and validates the claim list under `dir`: `items/<id>.json` (reviewed prose),
 * `rules/<id>.rules` (matching rules and examples), `lexicon/<concept>.txt`, `sources/*.json`.
 * Checks cross-references too: every source id a claim cites exists, file names equal ids, ids
 * are unique, every `@concept` a rule uses is defined.
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

  const lexiconPath = join(dir, 'lexicon');
  const { lexicon, lines: lexiconLines, problems: lexiconProblems } = readLexiconFiles(lexiconPath, label);
  problems.push(...lexiconProblems);
  // Branches from before issue 8 add concepts to the single JSON file; they would be ignored here.
  if (existsSync(join(dir, 'lexicon.json'))) {
    problems.push(
      `${label(join(dir, 'lexicon.json'))}: concepts live in ${label(lexiconPath)}/<name>.txt; run \`npx tsx scripts/split-lexicon.ts\``,
    );
  }

  const sourceIds = new Set(sources.map((s) => s.id));
  const claims: Claim[] = [];
  const ruleFiles: Record<string, RuleFile> = {};
  const itemsDir = join(dir, 'items');
  for (const name of jsonFiles(itemsDir)) {
    const path = join(itemsDir, name);
    const parsed = claimFileSchema.safeParse(readJson(path, label(path), problems));
    if (!parsed.success) {
      problems.push(...describeIssues(label(path), parsed.error));
      continue;
    }
    const prose = parsed.data;
    const rulesPath = join(dir, 'rules', `${name.slice(0, -'.json'.length)}.rules`);
    if (!existsSync(rulesPath)) {
      problems.push(`${label(path)}: no rules file ${label(rulesPath)}`);
      continue;
    }
    const read = parseRuleFile(readFileSync(rulesPath, 'utf8'), label(rulesPath));
    problems.push(...read.problems);
    ruleFiles[prose.id] = read.rules;
    const fields = rulesToClaimFields(read.rules);
    for (const polarity of ['positive', 'negative'] as const) {
      if (fields.examples[polarity].length < MIN_EXAMPLES) {
        problems.push(`${label(rulesPath)}:1: needs at least ${MIN_EXAMPLES} ${polarity} examples`);
      }
    }
    const claim: Claim = { ...prose, ...fields };
    if (`${claim.id}.json` !== name) {
      problems.push(`${label(path)}: field "id": "${claim.id}" must equal the file name`);
    }
    claim.sources.forEach((sourceId, i) => {
      if (!sourceIds.has(sourceId)) {
        problems.push(`${label(path)}: field "sources.${i}": unknown source id "${sourceId}"`);
      }
    });
    for (const pattern of claim.match.patterns) {
      for (const term of [...pattern.all.flat(), ...(pattern.none ?? [])]) {
        if (term.startsWith('@') && !(term.slice(1) in lexicon.concepts)) {
          problems.push(`${pattern.source?.file}:${pattern.source?.line}: unknown concept "${term}"`);
        }
      }
    }
    claims.push(claim);
  }
  for (const [concept, terms] of Object.entries(lexicon.concepts)) {
    for (const term of terms) {
      if (term.startsWith('@') && !(term.slice(1) in lexicon.concepts)) {
        const line = lexiconLines[concept]?.find((l) => l.terms.includes(term))?.source.line ?? 1;
        problems.push(`${label(join(lexiconPath, `${concept}.txt`))}:${line}: unknown concept "${term}"`);
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
  return {
    version: `${reviewed}+${hash}`,
    reviewed,
    claims,
    sources,
    lexicon,
    ruleFiles,
    lexiconLines,
  };
}
