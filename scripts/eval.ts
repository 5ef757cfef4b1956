/**
 * `npm run eval`: precision, recall and F1 of the matcher on the labeled development set
 * (tests/dev-set), overall, per claim and per passage kind. A passage counts once per claim id:
 * found and expected is a true positive, found but not expected a false positive, expected but
 * not found a false negative. `--errors` lists every wrong passage.
 */
import { createMatcher } from '../lib/matching/matcher';
import { plainTextDocument } from '../lib/scan/plain-text';
import { loadDevSet } from './dev-set';
import { loadProjectClaimBundle } from './load-claim-bundle';

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

const bundle = loadProjectClaimBundle();
const matcher = createMatcher(bundle.index);
const passages = loadDevSet();
const showErrors = process.argv.includes('--errors');

const perClaim = new Map<string, Tally>(bundle.notes.map((n) => [n.id, { tp: 0, fp: 0, fn: 0 }]));
const perKind = new Map<string, Tally>();
const overall: Tally = { tp: 0, fp: 0, fn: 0 };
const errors: string[] = [];

for (const passage of passages) {
  const findings = matcher.scan(plainTextDocument(passage.text));
  const found = new Set(findings.map((f) => f.claimId));
  const expected = new Set(passage.expect);
  const kind = perKind.get(passage.kind) ?? { tp: 0, fp: 0, fn: 0 };
  perKind.set(passage.kind, kind);
  for (const id of new Set([...found, ...expected])) {
    const claim = perClaim.get(id) ?? { tp: 0, fp: 0, fn: 0 };
    perClaim.set(id, claim);
    const outcome: keyof Tally = found.has(id) ? (expected.has(id) ? 'tp' : 'fp') : 'fn';
    for (const tally of [claim, kind, overall]) tally[outcome]++;
    if (outcome === 'fp') {
      const quotes = findings.filter((f) => f.claimId === id).map((f) => f.quote);
      errors.push(`FP ${id}  [${passage.id}]  ${quotes.join(' | ')}`);
    }
    if (outcome === 'fn') errors.push(`FN ${id}  [${passage.id}]  ${passage.text.replace(/\n+/g, ' ¶ ')}`);
  }
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
function scores(t: Tally) {
  const precision = ratio(t.tp, t.tp + t.fp);
  const recall = ratio(t.tp, t.tp + t.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
const row = (name: string, t: Tally) => {
  const s = scores(t);
  // A claim the set never states and the matcher never found has no score, not a perfect one.
  const empty = t.tp + t.fp + t.fn === 0;
  const cells = [s.precision, s.recall, s.f1].map((x) => (empty ? 'n/a' : x.toFixed(3)).padStart(9));
  return `${name.padEnd(34)}${cells.join('')}${String(t.tp).padStart(6)}${String(t.fp).padStart(5)}${String(t.fn).padStart(5)}`;
};
const header = `${''.padEnd(34)}${'precision'.padStart(9)}${'recall'.padStart(9)}${'F1'.padStart(9)}${'TP'.padStart(6)}${'FP'.padStart(5)}${'FN'.padStart(5)}`;

console.log(`Claimnote eval — claim list ${bundle.version}, ${passages.length} passages`);
console.log('');
console.log(header);
console.log(row('OVERALL', overall));
console.log('');
console.log('per claim');
for (const [id, tally] of [...perClaim].sort(([a], [b]) => a.localeCompare(b)))
  console.log(row(`  ${id}`, tally));
console.log('');
console.log('per passage kind (FP in accurate/hard-negative passages are wrong warnings)');
for (const [kind, tally] of [...perKind].sort(([a], [b]) => a.localeCompare(b)))
  console.log(row(`  ${kind}`, tally));
if (showErrors) {
  console.log('');
  for (const line of errors) console.log(line);
} else if (errors.length > 0) {
  console.log(`\n${errors.length} wrong passage verdicts; run \`npm run eval -- --errors\` to list them.`);
}
