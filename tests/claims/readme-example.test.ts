import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkRules } from '../../lib/claims/check-rules';
import { loadClaimFiles } from '../../lib/claims/load-claim-files';
import { claimDir } from './claim-dir';

// The worked example in claims/README.md is run as written, so the guide cannot drift from the
// checks it describes.
const root = resolve(import.meta.dirname, '../..');
const readme = readFileSync(join(root, 'claims/README.md'), 'utf8');
const cwd = process.cwd();

/** The fenced block that follows `marker` in the README, de-indented. */
function blockAfter(marker: string): string {
  const start = readme.indexOf('```', readme.indexOf(marker)) + 3;
  const body = readme.slice(readme.indexOf('\n', start) + 1, readme.indexOf('```', start));
  return body.replace(/^ {3}/gm, '').replace(/\s+$/, '\n');
}

function errorsFor(rules: string): string[] {
  const dir = claimDir({ rules: { 'catheter-never-checked': rules } });
  cpSync(join(root, 'claims/lexicon'), join(dir, 'lexicon'), { recursive: true });
  writeFileSync(join(dir, 'rules', 'catheter-never-checked.rules'), rules);
  process.chdir(dir);
  // The project's lexicon has concepts this one-claim folder does not use; only the example's
  // own messages matter here.
  return checkRules(loadClaimFiles(dir)).errors.filter((e) => e.includes('catheter-never-checked'));
}

describe('the worked example of claims/README.md', () => {
  afterEach(() => process.chdir(cwd));
  const file = blockAfter('The whole file, `rules/catheter-never-checked.rules`:');

  it('fails the check with the message the guide shows', () => {
    const shown = blockAfter('4. **Check.**')
      .trim()
      .replace(/^claims\//, '');
    expect(errorsFor(file)).toEqual([shown]);
  });

  it('passes once the exception the guide adds is in place', () => {
    const fix = blockAfter('rule it belongs to:').split('\n')[1] ?? '';
    expect(fix).toMatch(/^ {2}except every visit {2}# protects: n4$/);
    const fixed = file.replace(/(\+ p6: .*\n)/, `$1${fix}\n`);
    expect(errorsFor(fixed)).toEqual([]);
  });
});
