import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import type { ClaimList } from './claim-list';
import { type ConceptLine, readLexiconFiles } from './lexicon-files';
import { parseRuleFile } from './rules/parse-rules';
import type { RuleFile } from './rules/rule-file';
import { rulesToClaimFields } from './rules/rules-to-claim';
import {
  type Claim,
  claimFileSchema,
  type Lexicon,
  lexiconSchema,
  type Source,
  sourceSchema,
} from './schema';

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
 * are unique, every `@concept` a pattern uses is defined. A claim file that still holds its
 * `match` and `examples` as JSON, and a single `lexicon.json`, are read as before issue 8.
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

  let lexiconPath = join(dir, 'lexicon');
  let lexicon: Lexicon = { concepts: {} };
  let lexiconLines: Record<string, ConceptLine[]> | undefined;
  if (existsSync(lexiconPath)) {
    const read = readLexiconFiles(lexiconPath, label);
    problems.push(...read.problems);
    lexicon = read.lexicon;
    lexiconLines = read.lines;
  } else {
    lexiconPath = join(dir, 'lexicon.json');
    const lexiconParsed = lexiconSchema.safeParse(readJson(lexiconPath, label(lexiconPath), problems));
    if (!lexiconParsed.success) problems.push(...describeIssues(label(lexiconPath), lexiconParsed.error));
    else lexicon = lexiconParsed.data;
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
    const { match, examples, ...prose } = parsed.data;
    const rulesPath = join(dir, 'rules', `${name.slice(0, -'.json'.length)}.rules`);
    let fields: Pick<Claim, 'match' | 'examples'> | undefined;
    if (existsSync(rulesPath)) {
      if (match || examples) {
        problems.push(
          `${label(path)}: field "match": the rules are in ${label(rulesPath)}; remove them here`,
        );
      }
      const read = parseRuleFile(readFileSync(rulesPath, 'utf8'), label(rulesPath));
      problems.push(...read.problems);
      ruleFiles[prose.id] = read.rules;
      fields = rulesToClaimFields(read.rules);
      for (const polarity of ['positive', 'negative'] as const) {
        if (fields.examples[polarity].length < MIN_EXAMPLES) {
          problems.push(`${label(rulesPath)}:1: needs at least ${MIN_EXAMPLES} ${polarity} examples`);
        }
      }
    } else if (match && examples) {
      fields = { match, examples };
    } else {
      problems.push(`${label(path)}: no rules file ${label(rulesPath)}`);
      continue;
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
    claim.match.patterns.forEach((pattern, p) => {
      const terms = [...pattern.all.flat(), ...(pattern.none ?? [])];
      for (const term of terms) {
        if (term.startsWith('@') && !(term.slice(1) in lexicon.concepts)) {
          const where = pattern.source
            ? `${pattern.source.file}:${pattern.source.line}`
            : `${label(path)}: field "match.patterns.${p}"`;
          problems.push(`${where}: unknown concept "${term}"`);
        }
      }
    });
    claims.push(claim);
  }
  for (const [concept, terms] of Object.entries(lexicon.concepts)) {
    for (const term of terms) {
      if (term.startsWith('@') && !(term.slice(1) in lexicon.concepts)) {
        const where = lexiconLines ? `${label(join(lexiconPath, `${concept}.txt`))}` : label(lexiconPath);
        problems.push(`${where}: field "concepts.${concept}": unknown concept "${term}"`);
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
    ...(lexiconLines ? { lexiconLines } : {}),
  };
}
