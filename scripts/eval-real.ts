/**
 * `npm run eval:real`: precision, recall and F1 of the matcher on the real-page corpus
 * (tests/real-pages), scanned whole from the git-ignored cache as `npm run scan` reads plain text,
 * and scored per (sentence, claim) pair: overall, per claim, per page kind and per split.
 *   -- --errors      list every wrong pair with its page and sentence
 *   -- --page <id>   print one page's sentences with fingerprints, labels and findings (for labeling)
 * Page text is printed to the terminal only; never paste it into committed files.
 */

import { createMatcher } from '../lib/matching/matcher';
import type { Split } from '../lib/real-pages/corpus';
import {
  addPairs,
  emptyTally,
  type PairOutcome,
  scorePage,
  scoresOf,
  type Tally,
} from '../lib/real-pages/score';
import { loadProjectClaimBundle } from './load-claim-bundle';
import { knownClaimIds, loadLabels, loadPages, readCachedPage, scanPageText } from './real-pages/store';

const argv = process.argv.slice(2);
const showErrors = argv.includes('--errors');
const pageArg = argv.indexOf('--page');
const onlyPage = pageArg === -1 ? undefined : argv[pageArg + 1];

const bundle = loadProjectClaimBundle();
const matcher = createMatcher(bundle.index);
const bundleIds = new Set(bundle.notes.map((n) => n.id));
const known = knownClaimIds([...bundleIds]);
const pages = loadPages();

if (onlyPage !== undefined) {
  process.exitCode = printPage(onlyPage);
} else {
  process.exitCode = evaluate();
}

function printPage(id: string): number {
  const page = pages.find((p) => p.id === id);
  if (!page) {
    console.error(`No page ${id} in tests/real-pages/pages.json`);
    return 64;
  }
  const cached = readCachedPage(page);
  if (!cached.ok) {
    console.error(`${id}: cached text ${cached.problem}; refill it (tests/real-pages/README.md)`);
    return 1;
  }
  const labels = loadLabels(id);
  const byFp = new Map(labels.sentences.map((l) => [l.fp, l]));
  const scanned = scanPageText(matcher, cached.text);
  console.log(`${page.id}  ${page.kind}  ${page.split}  ${labels.labeled ? 'labeled' : 'NOT labeled yet'}`);
  console.log(page.url);
  console.log('columns: index  fingerprint  [expected]  [found]  mark (TP/FP/FN)  sentence\n');
  const seen = new Set<string>();
  for (const s of scanned.sentences) {
    seen.add(s.fp);
    const label = byFp.get(s.fp);
    const expected = label?.claims ?? [];
    const marks = [
      ...s.found.map((c) => (expected.includes(c) ? `TP:${c}` : `FP:${c}`)),
      ...expected.filter((c) => !s.found.includes(c)).map((c) => `FN:${c}`),
    ];
    const exp = label ? `[${expected.join(',') || 'none'}]` : '[ ]';
    console.log(
      `${String(s.index).padStart(3)}  ${s.fp}  exp${exp}  found[${s.found.join(',')}]  ${marks.join(' ')}`,
    );
    console.log(`     ${s.text.replace(/\s+/gu, ' ')}`);
    if (label) console.log(`     reason: ${label.reason}`);
  }
  for (const f of scanned.unmapped) console.log(`  unmapped finding ${f.claimId}: ${f.quote}`);
  const drift = labels.sentences.filter((l) => !seen.has(l.fp));
  for (const l of drift) console.log(`  label ${l.fp} [${l.claims.join(',')}] matches no sentence`);
  return 0;
}

function evaluate(): number {
  const overall = emptyTally();
  const perClaim = new Map<string, Tally>();
  const perKind = new Map<string, Tally>();
  const perSplit = new Map<Split, Tally>();
  const errors: string[] = [];
  let labeledPages = 0;
  let unlabeledPages = 0;
  const cacheProblems = { missing: 0, 'hash-differs': 0 };
  let unmatchedLabels = 0;
  const unknownIds = new Set<string>();
  // Findings on reliable and off-topic pages are wrong warnings whether or not a page is labeled.
  const wrongPageFindings: string[] = [];
  // Of those, findings on a sentence a labeler marked with that very claim (a reliable page can
  // state a claim): still a warning on a trusted page, but not a wrong one.
  let labeledOnWrongPages = 0;

  for (const page of pages) {
    const labels = loadLabels(page.id);
    const cached = readCachedPage(page);
    if (!cached.ok) {
      if (labels.labeled) cacheProblems[cached.problem]++;
      continue;
    }
    const scanned = scanPageText(matcher, cached.text);
    if (page.kind !== 'dubious') {
      const expected = new Map(labels.sentences.map((l) => [l.fp, l.claims]));
      for (const s of scanned.sentences)
        for (const c of s.found) {
          wrongPageFindings.push(`${page.kind} ${c}  [${page.id}#${s.index}]  ${s.text}`);
          if (expected.get(s.fp)?.includes(c)) labeledOnWrongPages++;
        }
      for (const f of scanned.unmapped)
        wrongPageFindings.push(`${page.kind} ${f.claimId}  [${page.id}]  ${f.quote}`);
    }
    if (!labels.labeled) {
      unlabeledPages++;
      continue;
    }
    labeledPages++;
    for (const l of labels.sentences) for (const c of l.claims) if (!known.has(c)) unknownIds.add(c);
    const score = scorePage(scanned, labels.sentences);
    unmatchedLabels += score.unmatchedLabels.length;
    const kind = perKind.get(page.kind) ?? emptyTally();
    perKind.set(page.kind, kind);
    const split = perSplit.get(page.split) ?? emptyTally();
    perSplit.set(page.split, split);
    addPairs(overall, score.pairs);
    addPairs(kind, score.pairs);
    addPairs(split, score.pairs);
    for (const pair of score.pairs) {
      const claim = perClaim.get(pair.claimId) ?? emptyTally();
      perClaim.set(pair.claimId, claim);
      addPairs(claim, [pair]);
      if (pair.outcome !== 'tp') errors.push(errorLine(page.id, pair));
    }
  }

  const row = (name: string, t: Tally) => {
    const s = scoresOf(t);
    const cells = [s.precision, s.recall, s.f1].map((x) => x.toFixed(3).padStart(9));
    return `${name.padEnd(38)}${cells.join('')}${String(t.tp).padStart(6)}${String(t.fp).padStart(5)}${String(t.fn).padStart(5)}`;
  };
  const header = `${''.padEnd(38)}${'precision'.padStart(9)}${'recall'.padStart(9)}${'F1'.padStart(9)}${'TP'.padStart(6)}${'FP'.padStart(5)}${'FN'.padStart(5)}`;

  console.log(
    `Claimnote real-page eval — claim list ${bundle.version}, ${pages.length} pages, ${labeledPages} labeled and scored, ${unlabeledPages} not labeled yet`,
  );
  console.log('');
  console.log(header);
  console.log(row('OVERALL', overall));
  console.log('\nper claim (* = not on the claim list yet, so never found)');
  for (const [id, t] of [...perClaim].sort(([a], [b]) => a.localeCompare(b)))
    console.log(row(`  ${id}${bundleIds.has(id) ? '' : ' *'}`, t));
  console.log('\nper page kind');
  for (const [kind, t] of [...perKind].sort(([a], [b]) => a.localeCompare(b)))
    console.log(row(`  ${kind}`, t));
  console.log('\nper split (tune: rules may be fitted to these; check: held out)');
  for (const [split, t] of [...perSplit].sort(([a], [b]) => a.localeCompare(b)))
    console.log(row(`  ${split}`, t));
  console.log('');
  console.log(
    `findings on reliable and off-topic pages (must be 0): ${wrongPageFindings.length} (${labeledOnWrongPages} on sentences labeled with that claim)`,
  );
  console.log(
    `labeled pages missing from the cache: ${cacheProblems.missing}; with a different text hash: ${cacheProblems['hash-differs']}`,
  );
  console.log(`labels that match no sentence (splitter or text drift): ${unmatchedLabels}`);
  if (unknownIds.size > 0) console.log(`unknown claim ids in labels: ${[...unknownIds].sort().join(', ')}`);
  if (showErrors) {
    console.log('');
    for (const line of errors) console.log(line);
    for (const line of wrongPageFindings) console.log(`WRONG-PAGE ${line}`);
  } else if (errors.length + wrongPageFindings.length > 0) {
    console.log(
      `\n${errors.length} wrong pairs, ${wrongPageFindings.length} findings on reliable/off-topic pages; run \`npm run eval:real -- --errors\` to list them.`,
    );
  }
  return unknownIds.size > 0 ? 1 : 0;
}

function errorLine(pageId: string, pair: PairOutcome): string {
  const where = pair.sentenceIndex === -1 ? pageId : `${pageId}#${pair.sentenceIndex}`;
  return `${pair.outcome.toUpperCase()} ${pair.claimId}  [${where}]  ${pair.sentence.replace(/\s+/gu, ' ')}`;
}
