import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ClaimListError, loadClaimFiles } from '../../lib/claims/load-claim-files';
import { brainExamples, claimDir, prose } from './claim-dir';

const rules = `match deliver + into (the|your|my)? brain\n  except ventricle  # protects: n1\n${brainExamples}`;
const cwd = process.cwd();

function dirWith(change?: (dir: string) => void): string {
  const dir = claimDir({ rules: { 'delivers-into-brain': rules } });
  change?.(dir);
  process.chdir(dir);
  return dir;
}

function problemsOf(dir: string): string[] {
  try {
    loadClaimFiles(dir);
  } catch (error) {
    if (error instanceof ClaimListError) return error.problems;
    throw error;
  }
  return [];
}

const writeItem = (dir: string, value: object, name = 'delivers-into-brain.json') =>
  writeFileSync(join(dir, 'items', name), JSON.stringify({ ...prose('delivers-into-brain'), ...value }));

describe('loadClaimFiles', () => {
  afterEach(() => process.chdir(cwd));

  it('loads prose, rules and examples, and versions the list by date and content', () => {
    const list = loadClaimFiles(dirWith());
    expect(list.claims).toHaveLength(1);
    expect(list.claims[0]?.match.patterns[0]).toMatchObject({
      all: [['deliver'], ['into brain', 'into the brain', 'into your brain', 'into my brain']],
      none: ['ventricle'],
      source: { file: 'rules/delivers-into-brain.rules', line: 1 },
    });
    expect(list.claims[0]?.examples.negative).toHaveLength(6);
    expect(list.version).toMatch(/^2026-11-25\+[0-9a-f]{8}$/);
    const changed = loadClaimFiles(
      dirWith((dir) => writeItem(dir, { correction: 'The pump delivers drug to the CSF.' })),
    );
    expect(changed.version).not.toBe(list.version);
  });

  it('names the file and field of a bad verdict', () => {
    const [problem] = problemsOf(dirWith((dir) => writeItem(dir, { verdict: 'wrong' })));
    expect(problem).toMatch(/items\/delivers-into-brain\.json: field "verdict"/);
  });

  it('refuses matching rules in the prose file: they belong in the rules file', () => {
    const problems = problemsOf(dirWith((dir) => writeItem(dir, { match: { patterns: [] } })));
    expect(problems.join('\n')).toMatch(
      /items\/delivers-into-brain\.json: field "\(root\)": Unrecognized key: "match"/,
    );
  });

  it('rejects too few examples, naming the rules file', () => {
    const problems = problemsOf(
      dirWith((dir) =>
        writeFileSync(
          join(dir, 'rules', 'delivers-into-brain.rules'),
          'match deliver\nexamples\n+ p1: x y z',
        ),
      ),
    );
    expect(problems).toContain('rules/delivers-into-brain.rules:1: needs at least 6 positive examples');
  });

  it('rejects a source that is not https', () => {
    const problems = problemsOf(
      dirWith((dir) =>
        writeFileSync(
          join(dir, 'sources', 'fda-pumps.json'),
          JSON.stringify({
            id: 'fda-pumps',
            publisher: 'FDA',
            title: 'Pumps',
            url: 'http://www.fda.gov/x',
            kind: 'government',
          }),
        ),
      ),
    );
    expect(problems.join('\n')).toMatch(/sources\/fda-pumps\.json: field "url"/);
  });

  it('rejects unknown source ids, unknown concepts by line, file names that differ from ids', () => {
    const problems = problemsOf(
      dirWith((dir) => {
        writeItem(dir, { sources: ['nope'] });
        writeFileSync(
          join(dir, 'rules', 'delivers-into-brain.rules'),
          `# a comment\nmatch @missing + brain\n${brainExamples}`,
        );
        writeItem(dir, { id: 'other-name' }, 'other-name.json');
        writeFileSync(join(dir, 'rules', 'other-name.rules'), rules);
        writeItem(dir, { id: 'different' }, 'mismatch.json');
        writeFileSync(join(dir, 'rules', 'mismatch.rules'), rules);
      }),
    );
    expect(problems).toContain('items/delivers-into-brain.json: field "sources.0": unknown source id "nope"');
    expect(problems).toContain('rules/delivers-into-brain.rules:2: unknown concept "@missing"');
    expect(problems).toContain('items/mismatch.json: field "id": "different" must equal the file name');
  });

  it('reports a claim without a rules file, and a lexicon.json left by an older branch', () => {
    const problems = problemsOf(
      dirWith((dir) => {
        writeItem(dir, { id: 'lonely' }, 'lonely.json');
        writeFileSync(join(dir, 'lexicon.json'), '{"concepts":{}}');
      }),
    );
    expect(problems).toContain('items/lonely.json: no rules file rules/lonely.rules');
    expect(problems.join('\n')).toMatch(
      /lexicon\.json: concepts live in lexicon\/<name>\.txt; run `npx tsx scripts\/split-lexicon\.ts`/,
    );
  });

  it('reports invalid JSON with the file name', () => {
    const dir = dirWith((d) => writeFileSync(join(d, 'items', 'delivers-into-brain.json'), '{ not json'));
    expect(problemsOf(dir).join('\n')).toMatch(/delivers-into-brain\.json: not valid JSON/);
  });
});
