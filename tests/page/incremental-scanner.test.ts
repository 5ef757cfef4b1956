import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../lib/matching/matcher';
import type { Finding, TextDocument } from '../../lib/matching/types';
import { IncrementalScanner, MAX_BLOCK_CHARS, type PageMatcher } from '../../lib/page/incremental-scanner';
import { testBundle } from './test-bundle';

/** Builds a document from paragraphs the way the extractor does: one block each, "\n" between. */
function documentOf(paragraphs: string[]): TextDocument {
  let text = '';
  const blocks = paragraphs.map((paragraph) => {
    if (text !== '') text += '\n';
    const start = text.length;
    text += paragraph;
    return { start, end: text.length };
  });
  return { text, blocks };
}

function run(scanner: IncrementalScanner, doc: TextDocument) {
  const steps = scanner.scan(doc);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Wraps a matcher to record which block texts it was asked to match. */
function countingMatcher(inner: PageMatcher) {
  const matched: string[] = [];
  const matcher: PageMatcher = {
    isRelevant: (text) => inner.isRelevant(text),
    *scanIncrementally(doc) {
      for (const block of doc.blocks) matched.push(doc.text.slice(block.start, block.end));
      yield* inner.scanIncrementally(doc);
    },
  };
  return { matcher, matched };
}

const real = createMatcher(testBundle.index);
const article = [
  'Living with an intrathecal pump',
  'My pain doctor suggested an intrathecal pump last spring.',
  'An intrathecal pump delivers pain medicine directly into the brain.',
  'I walk my dog every morning now.',
  'Side effects from intrathecal pumps are rare.',
  'The refill visits are every few months.',
];
const simplify = (findings: Finding[]) => findings.map((f) => [f.claimId, f.quote]);

describe('IncrementalScanner', () => {
  it('finds on the first pass exactly what a full scan finds', () => {
    const doc = documentOf(article);
    const result = run(new IncrementalScanner(real), doc);
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.findings).toEqual(real.scan(doc));
  });

  it('does not match unchanged text again on the next pass', () => {
    const { matcher, matched } = countingMatcher(real);
    const scanner = new IncrementalScanner(matcher);
    const first = run(scanner, documentOf(article));
    matched.length = 0;
    const second = run(scanner, documentOf(article));
    expect(matched).toEqual([]);
    expect(second.blocksReused).toBe(article.length);
    expect(second.findings).toEqual(first.findings);
  });

  it('matches only appended blocks (plus their topic context) when content is added', () => {
    const { matcher, matched } = countingMatcher(real);
    const scanner = new IncrementalScanner(matcher);
    run(scanner, documentOf(article));
    matched.length = 0;
    const longer = [
      ...article,
      'Intrathecal pumps can cure cancer by delivering medicine right where it is needed.',
    ];
    const result = run(scanner, documentOf(longer));
    // The new block is relevant itself; its context reaches back to the last relevant block.
    expect(matched.at(-1)).toBe(longer.at(-1));
    expect(matched.length).toBeLessThanOrEqual(3);
    expect(simplify(result.findings)).toEqual(simplify(real.scan(documentOf(longer))));
  });

  it('shifts reused findings when text is inserted before them', () => {
    const scanner = new IncrementalScanner(real);
    run(scanner, documentOf(article));
    const shifted = ['A new banner paragraph at the top.', ...article];
    const doc = documentOf(shifted);
    const result = run(scanner, doc);
    for (const finding of result.findings)
      expect(doc.text.slice(finding.start, finding.end)).toBe(finding.quote);
    expect(simplify(result.findings)).toEqual(simplify(real.scan(doc)));
  });

  it('drops findings of removed blocks', () => {
    const scanner = new IncrementalScanner(real);
    const before = run(scanner, documentOf(article));
    const without = article.filter((p) => !p.startsWith('Side effects'));
    const after = run(scanner, documentOf(without));
    expect(after.findings.length).toBe(before.findings.length - 1);
  });

  it('keeps the topic of earlier blocks for an edited pronoun-only sentence', () => {
    // A fake matcher with the same contract: "the pump" counts only after an explicit mention.
    const topicMatcher: PageMatcher = {
      isRelevant: (text) => /intrathecal/i.test(text),
      *scanIncrementally(doc) {
        let topic = false;
        for (const block of doc.blocks) {
          const text = doc.text.slice(block.start, block.end);
          if (/intrathecal/i.test(text)) topic = true;
          if (/insulin/i.test(text)) topic = false;
          const found: Finding[] = [];
          if (topic && /the pump is risk-free/i.test(text)) {
            found.push({
              claimId: 'side-effects-rare',
              verdict: 'false',
              start: block.start,
              end: block.end,
              quote: text,
            });
          }
          yield found;
        }
      },
    };
    const scanner = new IncrementalScanner(topicMatcher);
    const base = ['We chose an intrathecal pump.', 'Filler one.', 'Filler two.', 'The pump works.'];
    expect(run(scanner, documentOf(base)).findings).toEqual([]);
    const edited = [...base.slice(0, 3), 'The pump is risk-free.'];
    expect(run(scanner, documentOf(edited)).findings.map((f) => f.quote)).toEqual(['The pump is risk-free.']);
    // An insulin pump mentioned in between resets the topic, as in a full scan.
    const other = [
      'We chose an intrathecal pump.',
      'My sister uses an insulin pump.',
      'The pump is risk-free.',
    ];
    expect(run(scanner, documentOf(other)).findings).toEqual([]);
  });

  it('never matches an oversized block (a data blob), but still matches around it', () => {
    const { matcher, matched } = countingMatcher(real);
    const blob = `x${'y'.repeat(MAX_BLOCK_CHARS)} side effects from intrathecal pumps are rare.`;
    const doc = documentOf([article[4] as string, blob, article[2] as string]);
    const result = run(new IncrementalScanner(matcher), doc);
    expect(matched).not.toContain(blob);
    expect(result.findings.map((f) => f.claimId)).toEqual(['side-effects-rare', 'delivers-into-brain']);
  });

  it('forgets everything on reset', () => {
    const { matcher, matched } = countingMatcher(real);
    const scanner = new IncrementalScanner(matcher);
    run(scanner, documentOf(article));
    scanner.reset();
    matched.length = 0;
    run(scanner, documentOf(article));
    expect(matched).toEqual(article);
  });
});
