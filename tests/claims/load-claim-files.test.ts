import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClaimListError, loadClaimFiles } from '../../lib/claims/load-claim-files';

const source = {
  id: 'fda-pumps',
  publisher: 'U.S. Food and Drug Administration',
  title: 'Implanted pumps',
  url: 'https://www.fda.gov/example',
  kind: 'government',
};

const claim = {
  id: 'delivers-into-brain',
  statement: 'Intrathecal pumps deliver drug into the brain.',
  verdict: 'false',
  correction: 'The pump delivers drug into the spinal fluid.',
  explanation: 'The catheter ends in the fluid around the spinal cord, not in the brain.',
  sources: ['fda-pumps'],
  reviewed: '2026-11-25',
  match: { patterns: [{ all: [['@deliver'], ['into the brain']] }] },
  examples: {
    positive: ['a1 a1 a1', 'a2 a2 a2', 'a3 a3 a3', 'a4 a4 a4', 'a5 a5 a5', 'a6 a6 a6'],
    negative: ['b1 b1 b1', 'b2 b2 b2', 'b3 b3 b3', 'b4 b4 b4', 'b5 b5 b5', 'b6 b6 b6'],
  },
};

function claimDir(overrides: { claim?: object; source?: object; claimFile?: string } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'claims-'));
  mkdirSync(join(dir, 'items'));
  mkdirSync(join(dir, 'sources'));
  writeFileSync(join(dir, 'lexicon.json'), JSON.stringify({ concepts: { deliver: ['deliver'] } }));
  writeFileSync(join(dir, 'sources', 'fda-pumps.json'), JSON.stringify({ ...source, ...overrides.source }));
  writeFileSync(
    join(dir, 'items', overrides.claimFile ?? 'delivers-into-brain.json'),
    JSON.stringify({ ...claim, ...overrides.claim }),
  );
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

describe('loadClaimFiles', () => {
  it('loads a valid list and versions it by date and content', () => {
    const list = loadClaimFiles(claimDir());
    expect(list.claims).toHaveLength(1);
    expect(list.version).toMatch(/^2026-11-25\+[0-9a-f]{8}$/);
    const changed = loadClaimFiles(claimDir({ claim: { correction: 'The pump delivers drug to the CSF.' } }));
    expect(changed.version).not.toBe(list.version);
  });

  it('names the file and field of a bad verdict', () => {
    const [problem] = problemsOf(claimDir({ claim: { verdict: 'wrong' } }));
    expect(problem).toMatch(/items\/delivers-into-brain\.json: field "verdict"/);
  });

  it('rejects too few examples, naming the field', () => {
    const problems = problemsOf(claimDir({ claim: { examples: { positive: ['only one'], negative: [] } } }));
    expect(problems.join('\n')).toMatch(/field "examples\.positive"/);
  });

  it('rejects a source that is not https', () => {
    const problems = problemsOf(claimDir({ source: { url: 'http://www.fda.gov/example' } }));
    expect(problems.join('\n')).toMatch(/sources\/fda-pumps\.json: field "url"/);
  });

  it('rejects unknown source ids, unknown concepts and file names that differ from ids', () => {
    const problems = problemsOf(
      claimDir({
        claim: { sources: ['nope'], match: { patterns: [{ all: [['@missing']] }] } },
        claimFile: 'other-name.json',
      }),
    );
    expect(problems.join('\n')).toMatch(/field "sources\.0": unknown source id "nope"/);
    expect(problems.join('\n')).toMatch(/unknown concept "@missing"/);
    expect(problems.join('\n')).toMatch(/must equal the file name/);
  });

  it('reports invalid JSON with the file name', () => {
    const dir = claimDir();
    writeFileSync(join(dir, 'items', 'delivers-into-brain.json'), '{ not json');
    expect(problemsOf(dir).join('\n')).toMatch(/delivers-into-brain\.json: not valid JSON/);
  });
});
