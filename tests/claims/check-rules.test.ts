import { afterEach, describe, expect, it } from 'vitest';
import { checkRules } from '../../lib/claims/check-rules';
import { loadClaimFiles } from '../../lib/claims/load-claim-files';
import { claimListPlugin } from '../../scripts/vite-plugin-claim-list';
import { brainExamples, claimDir } from './claim-dir';

// Each kind of untested rule fails `claims:check` and the build with the file and line (issue 8).
function check(files: Parameters<typeof claimDir>[0]) {
  const dir = claimDir(files);
  process.chdir(dir);
  return checkRules(loadClaimFiles(dir));
}

const cwd = process.cwd();
const brain = (rules: string) => ({ rules: { 'delivers-into-brain': `${rules}\n${brainExamples}` } });

describe('checkRules', () => {
  afterEachRestoreCwd();

  it('accepts rules whose every exception protects the example it names', () => {
    const result = check(
      brain('match deliver + into (the|your|my)? brain\n  except ventricle  # protects: n1'),
    );
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('refuses an inflection of another alternative, naming the line', () => {
    const { errors } = check(
      brain(
        '# rules\nmatch deliver|delivers + into (the|your|my)? brain\n  except ventricle  # protects: n1',
      ),
    );
    expect(errors).toContain(
      'rules/delivers-into-brain.rules:2: term "delivers" repeats "deliver" after stemming ("deliver")',
    );
  });

  it('refuses a term that a concept in the same group already holds', () => {
    const { errors } = check({
      ...brain('match @deliver|delivering + into (the|your|my)? brain\n  except ventricle  # protects: n1'),
      lexicon: { deliver: 'deliver\nsend\n' },
    });
    expect(errors.join('\n')).toMatch(
      /rules:1: term "delivering" repeats "deliver" of @deliver after stemming/,
    );
  });

  it('refuses a concept that no rule uses, and a stem repeated inside a concept', () => {
    const { errors } = check({
      ...brain('match deliver + into (the|your|my)? brain\n  except ventricle  # protects: n1'),
      lexicon: { 'spinal-cord': 'spinal cord\nspinal cords\n' },
    });
    expect(errors).toContain('lexicon/spinal-cord.txt:1: concept @spinal-cord is used by no rule; remove it');
    expect(errors).toContain(
      'lexicon/spinal-cord.txt:2: "spinal cords" repeats "spinal cord" after stemming',
    );
  });

  it('refuses an exception whose removal changes no example', () => {
    const { errors } = check(
      brain(
        'match deliver + into (the|your|my)? brain\n  except ventricle  # protects: n1\n  except zebra  # protects: n2',
      ),
    );
    expect(errors).toEqual([
      'rules/delivers-into-brain.rules:3: exception "zebra" protects no example: without it, every example has the same result',
      'rules/delivers-into-brain.rules:3: "protects: n2" but without this exception n2 is still not flagged',
    ]);
  });

  it('refuses an exception that names the wrong example, saying which one it protects', () => {
    const { errors } = check(
      brain('match deliver + into (the|your|my)? brain\n  except ventricle  # protects: n2'),
    );
    expect(errors).toEqual([
      'rules/delivers-into-brain.rules:2: "protects: n2" but without this exception n2 is still not flagged (it protects n1)',
    ]);
  });

  it('refuses an exception that names no example at all', () => {
    const dir = claimDir(brain('match deliver + into (the|your|my)? brain\n  except ventricle'));
    process.chdir(dir);
    expect(() => loadClaimFiles(dir)).toThrow(
      /rules\/delivers-into-brain\.rules:2: an exception must name the example it protects/,
    );
  });

  it('refuses a veto that another veto already implies', () => {
    const { errors } = check(
      brain(
        'match deliver + into (the|your|my)? brain\n  except ventricle  # protects: n1\n  except brain ventricle  # protects: n1',
      ),
    );
    expect(errors).toContain(
      'rules/delivers-into-brain.rules:3: exception "brain ventricle" is covered by "ventricle"',
    );
  });

  it('warns for a positive alternative that no example uses', () => {
    const { errors, warnings } = check(
      brain('match deliver|inject + into (the|your|my)? brain\n  except ventricle  # protects: n1'),
    );
    expect(errors).toEqual([]);
    expect(warnings).toEqual(['rules/delivers-into-brain.rules:1: no positive example uses "inject"']);
  });

  it("refuses a negative example that another claim's rules flag", () => {
    const { errors } = check({
      rules: {
        'delivers-into-brain': `match deliver + into (the|your|my)? brain\n  except ventricle  # protects: n1\n${brainExamples}`,
        'acts-on-spinal-cord': `match act + spinal cord\n${brainExamples.replace(/\+ p(\d): .*/g, '+ p$1: Intrathecal morphine acts on the spinal cord quickly, case $1.')}`,
      },
    });
    expect(errors).toContain(
      'rules/delivers-into-brain.rules:15: negative example delivers-into-brain/n6 is flagged as acts-on-spinal-cord',
    );
  });

  it('refuses a positive example the rules do not find', () => {
    const { errors } = check(brain('match deliver + into the brain\n  except ventricle  # protects: n1'));
    expect(errors).toContain(
      'rules/delivers-into-brain.rules:5: positive example delivers-into-brain/p2 is not found as delivers-into-brain',
    );
  });

  it('refuses a rule that finds no positive example of its own', () => {
    const { errors } = check(
      brain(
        'match deliver + into (the|your|my)? brain\n  except ventricle  # protects: n1\nmatch pump + skull',
      ),
    );
    expect(errors).toEqual([
      'rules/delivers-into-brain.rules:3: the rule finds no positive example; write one under it',
    ]);
  });

  it('refuses a positive example written under a rule that does not find it', () => {
    const { errors } = check(
      brain(
        'match deliver + into (the|your|my)? brain\n  except ventricle  # protects: n1\n' +
          'match pump + skull\n+ p7: The pain pump sends drug into the skull.\n+ p8: The intrathecal pump delivers morphine into the brain stem.',
      ),
    );
    expect(errors).toEqual([
      'rules/delivers-into-brain.rules:5: positive example p8 is written under the rule at line 3, which does not find it',
    ]);
  });

  it('fails the build through the vite plugin with the same message', () => {
    const dir = claimDir(
      brain('match deliver|delivers + into (the|your|my)? brain\n  except ventricle  # protects: n1'),
    );
    process.chdir(dir);
    const plugin = claimListPlugin(dir);
    const load = plugin.load as (this: unknown, id: string) => unknown;
    const context = { addWatchFile() {}, warn() {} };
    expect(() => load.call(context, '\0virtual:claimnote/claim-bundle')).toThrow(
      /rules\/delivers-into-brain\.rules:1: term "delivers" repeats "deliver"/,
    );
  });
});

function afterEachRestoreCwd(): void {
  // Messages name files relative to the working directory, so each test runs inside its folder.
  afterEach(() => process.chdir(cwd));
}
