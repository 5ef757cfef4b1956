import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Runs the real CLI as users and other tools do: `npm run --silent scan -- ...`, through tsx.
const root = resolve(import.meta.dirname, '../..');
const tsx = resolve(root, 'node_modules/.bin/tsx');

function runScan(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = execFile(tsx, ['scripts/scan.ts', ...args], { cwd: root }, (error, stdout, stderr) => {
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
    child.stdin?.end(stdin ?? '');
  });
}

const dir = mkdtempSync(join(tmpdir(), 'scan-cli-'));
const textFile = join(dir, 'post.txt');
writeFileSync(
  textFile,
  'We chose an intrathecal pump for my dad.\n\nThe pump sends the morphine directly into the brain.\n',
);
const htmlFile = join(dir, 'page.HTM');
writeFileSync(
  htmlFile,
  '<html><body><p>Our intrathecal pump story.</p><script>the pump sends morphine into the brain</script>' +
    '<p hidden>The pump sends morphine into the brain.</p><p>Ziconotide is an opioid painkiller.</p></body></html>',
);

// Each case starts Node and tsx; on a loaded 2-core machine that takes seconds.
describe('scan CLI', { timeout: 60_000 }, () => {
  it('prints exactly one JSON object with the contract fields, input echoed as given', async () => {
    const { code, stdout } = await runScan(['--json', textFile]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result).sort()).toEqual(['claimListVersion', 'documents']);
    expect(result.documents).toHaveLength(1);
    const [document] = result.documents;
    expect(document.input).toBe(textFile);
    expect(document.findings).toHaveLength(1);
    const [finding] = document.findings;
    expect(Object.keys(finding).sort()).toEqual(['claimId', 'end', 'quote', 'start', 'verdict']);
    expect(finding).toMatchObject({ claimId: 'delivers-into-brain', verdict: 'false' });
    expect(finding.quote).toBe('The pump sends the morphine directly into the brain.');
    const text =
      'We chose an intrathecal pump for my dad.\n\nThe pump sends the morphine directly into the brain.\n';
    expect(text.slice(finding.start, finding.end)).toBe(finding.quote);
  });

  it('parses .html/.htm as HTML, skipping scripts and hidden elements', async () => {
    const { stdout } = await runScan(['--json', htmlFile]);
    const [document] = JSON.parse(stdout).documents;
    expect(document.findings.map((f: { claimId: string }) => f.claimId)).toEqual(['ziconotide-is-opioid']);
  });

  it('reads stdin for "-" and keeps scanning after an unreadable input, exiting 2', async () => {
    const missing = join(dir, 'missing.txt');
    const { code, stdout } = await runScan(
      ['--json', missing, '-'],
      'Our intrathecal pump never needs a refill.',
    );
    expect(code).toBe(2);
    const { documents } = JSON.parse(stdout);
    expect(documents[0]).toEqual({ input: missing, error: 'no such file' });
    expect(documents[1].input).toBe('-');
    expect(documents[1].findings.map((f: { claimId: string }) => f.claimId)).toEqual(['no-refills-needed']);
  });

  it('reports an unreachable URL as an error for that input', async () => {
    const { code, stdout } = await runScan(['--json', 'http://127.0.0.1:9/nothing-listens-here']);
    expect(code).toBe(2);
    const [document] = JSON.parse(stdout).documents;
    expect(document.input).toBe('http://127.0.0.1:9/nothing-listens-here');
    expect(document.error).toEqual(expect.any(String));
  });

  it('scans the bundled sample page by default with a readable report', async () => {
    const { code, stdout } = await runScan([]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/pain-pump-blog\.html: \d+ claims? found/);
    expect(stdout).toMatch(/Verdict: False \(delivers-into-brain\)/);
    expect(stdout).toMatch(/Source: .+ https:\/\//);
  });
});
