/**
 * One-off (issue 8): moves `claims/lexicon.json` into one file per concept,
 * `claims/lexicon/<name>.txt`, one term per line. Kept until every branch that still edits
 * lexicon.json is merged: after such a merge, run `npx tsx scripts/split-lexicon.ts` again.
 * Terms of a concept that already has a file are added to it, not duplicated.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lexiconSchema } from '../lib/claims/schema';

const claimsDir = resolve(import.meta.dirname, '..', 'claims');
const jsonPath = join(claimsDir, 'lexicon.json');
const raw = JSON.parse(readFileSync(jsonPath, 'utf8')) as Record<string, unknown>;
const { concepts } = lexiconSchema.parse({ concepts: raw.concepts });
const outDir = join(claimsDir, 'lexicon');
mkdirSync(outDir, { recursive: true });
for (const [name, terms] of Object.entries(concepts)) {
  const path = join(outDir, `${name}.txt`);
  const existing = existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean) : [];
  const lines = [...existing, ...terms.filter((t) => !existing.includes(t))];
  writeFileSync(path, `${lines.join('\n')}\n`);
}
const rest = Object.keys(raw).filter((key) => key !== 'concepts');
if (rest.length > 0) {
  // Anything that is not a concept list is left for a person to place.
  writeFileSync(jsonPath, `${JSON.stringify(Object.fromEntries(rest.map((k) => [k, raw[k]])), null, 2)}\n`);
  console.log(`moved ${Object.keys(concepts).length} concepts; lexicon.json keeps: ${rest.join(', ')}`);
} else {
  rmSync(jsonPath);
  console.log(`moved ${Object.keys(concepts).length} concepts to claims/lexicon/; removed lexicon.json`);
}
