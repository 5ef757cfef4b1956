/**
 * One-off (issue 8): moves the concept lists of `claims/lexicon.json` into one file per concept,
 * `claims/lexicon/<name>.txt`, one term per line. Kept until every branch that still edits
 * lexicon.json is merged: after such a merge, run `npx tsx scripts/split-lexicon.ts` again.
 * A term whose stems a concept file already holds is not added twice (the rules checks refuse
 * such repeats), so re-running after a merge only adds what the other branch added.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { termStems } from '../lib/matching/tokenize';

const claimsDir = resolve(import.meta.dirname, '..', 'claims');
const jsonPath = join(claimsDir, 'lexicon.json');
const raw = JSON.parse(readFileSync(jsonPath, 'utf8')) as { concepts?: Record<string, unknown> };
const outDir = join(claimsDir, 'lexicon');
mkdirSync(outDir, { recursive: true });

const isTermList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((t) => typeof t === 'string');
const key = (term: string) => (term.startsWith('@') ? term : termStems(term).join(' '));

const kept: Record<string, unknown> = {};
let added = 0;
for (const [name, terms] of Object.entries(raw.concepts ?? {})) {
  // Anything that is not a plain term list is left in lexicon.json for a person to place.
  if (!isTermList(terms)) {
    kept[name] = terms;
    continue;
  }
  const path = join(outDir, `${name}.txt`);
  const lines = existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean) : [];
  const seen = new Set(lines.map((l) => key(l.replace(/#.*$/, '').trim())));
  for (const term of terms) {
    if (seen.has(key(term))) continue;
    seen.add(key(term));
    lines.push(term);
    added++;
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}
const rest = { ...raw, concepts: kept };
if (Object.keys(kept).length === 0) delete (rest as { concepts?: unknown }).concepts;
if (Object.keys(rest).length > 0) {
  writeFileSync(jsonPath, `${JSON.stringify(rest, null, 2)}\n`);
  console.log(`added ${added} terms to claims/lexicon/; lexicon.json keeps: ${Object.keys(rest).join(', ')}`);
} else {
  rmSync(jsonPath);
  console.log(`added ${added} terms to claims/lexicon/; removed lexicon.json`);
}
