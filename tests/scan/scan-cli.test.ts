import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Runs the real CLI as users and other tools do (`npm run --silent scan -- ...` runs tsx), with
// tsx's loader in one Node process rather than tsx's wrapper and its child, so that the
// timeout below kills the process that hangs and no orphan keeps running.
const root = resolve(import.meta.dirname, '../..');

interface RunOptions {
  stdin?: string;
  /** Extra environment, e.g. small scan limits. */
  env?: Record<string, string>;
}

/** Runs the CLI; a run that hangs is killed after 40 s (code null), so the test fails, not stalls. */
function runScan(
  args: string[],
  options: RunOptions | string = {},
): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const { stdin, env } = typeof options === 'string' ? { stdin: options, env: {} } : options;
  const started = performance.now();
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/scan.ts', ...args],
      { cwd: root, env: { ...process.env, ...env }, timeout: 40_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (error.killed ? null : Number(error.code ?? 1)) : 0;
        done({ code, stdout, stderr, ms: performance.now() - started });
      },
    );
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

// Small limits for the hostile-input cases, so each takes a second, not the default 30 s.
const SMALL_LIMITS = {
  CLAIMNOTE_SCAN_MAX_BYTES: String(1024 * 1024),
  CLAIMNOTE_SCAN_TIME_BUDGET_MS: '3000',
};

const servers: Server[] = [];
afterAll(() => {
  for (const server of servers) server.close();
});

/** A local server that answers with headers, then sends `chunk` forever (until the client leaves). */
async function endlessServer(chunk: string, intervalMs: number): Promise<string> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    const timer = setInterval(() => response.write(chunk), intervalMs);
    response.on('close', () => clearInterval(timer));
  });
  servers.push(server);
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/endless`;
}

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
    // The sample also shows a claim that real pages make (issue 9), not only the seed list's.
    expect(stdout).toMatch(/Verdict: Misleading \(proven-for-non-cancer-pain\)/);
    expect(stdout).toMatch(/Verdict: False \(delivers-into-spinal-cord\)/);
    expect(stdout).toMatch(/Source: .+ https:\/\//);
  });

  it('refuses a FIFO without opening it and still scans the other inputs, exiting 2', async () => {
    const fifo = join(mkdtempSync(join(tmpdir(), 'scan-fifo-')), 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    // Before the fix the CLI blocked forever opening the FIFO and printed nothing.
    const { code, stdout } = await runScan(['--json', fifo, textFile]);
    expect(code).toBe(2);
    const { documents } = JSON.parse(stdout);
    expect(documents[0]).toEqual({ input: fifo, error: 'not a regular file' });
    expect(documents[1].findings.map((f: { claimId: string }) => f.claimId)).toEqual(['delivers-into-brain']);
  });

  it('refuses a file over the size cap', async () => {
    const big = join(dir, 'big.txt');
    writeFileSync(big, `${'Our intrathecal pump never needs a refill. '.repeat(30_000)}`);
    const { code, stdout } = await runScan(['--json', big], { env: SMALL_LIMITS });
    expect(code).toBe(2);
    expect(JSON.parse(stdout).documents[0]).toEqual({ input: big, error: 'larger than 1048576 bytes' });
  });

  it('stops reading an endless HTTP body at the size cap and goes on', async () => {
    const url = await endlessServer('intrathecal pump '.repeat(4096), 1);
    // Before the fix the body grew without bound (2.1 GB) until a 20 s timeout.
    const { code, stdout, ms } = await runScan(['--json', url, textFile], { env: SMALL_LIMITS });
    expect(code).toBe(2);
    const { documents } = JSON.parse(stdout);
    expect(documents[0]).toEqual({ input: url, error: 'larger than 1048576 bytes' });
    expect(documents[1].findings).toHaveLength(1);
    expect(ms).toBeLessThan(20_000);
  });

  it('gives up on a body that trickles in forever when the time budget ends', async () => {
    const url = await endlessServer('pump ', 50);
    const { code, stdout } = await runScan(['--json', url], { env: SMALL_LIMITS });
    expect(code).toBe(2);
    expect(JSON.parse(stdout).documents[0]).toEqual({
      input: url,
      error: 'took longer than the 3 s time budget',
    });
  });

  it('refuses pathologically nested HTML at once, without parsing it', async () => {
    const nested = join(dir, 'nested.html');
    const depth = 100_000;
    writeFileSync(
      nested,
      `<body>${'<div>'.repeat(depth)}Ziconotide is an opioid.${'</div>'.repeat(depth)}</body>`,
    );
    // Before the fix the parse took tens of seconds at this depth (over 300 s at 10⁶).
    const { code, stdout, ms } = await runScan(['--json', nested, htmlFile]);
    expect(code).toBe(2);
    const { documents } = JSON.parse(stdout);
    expect(documents[0]).toEqual({ input: nested, error: 'elements nested deeper than 512' });
    expect(documents[1].findings).toHaveLength(1);
    expect(ms).toBeLessThan(20_000);
  });

  it('prints no escape sequences, control or bidi characters from a page in text mode', async () => {
    const hostile = join(dir, 'hostile.txt');
    writeFileSync(
      hostile,
      'Our intrathecal pump is great.\n\nThe pump sends the \u001b[2J\u001b[31mmorphine\u001b]0;pwned\u0007 ' +
        'directly\u009b1m into\u202e the\u0008 brain.\n',
    );
    const { stdout } = await runScan([hostile]);
    expect(stdout).toMatch(/The pump sends the morphine directly into the brain\./);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters under test
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });
});
