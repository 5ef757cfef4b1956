import { readFile } from 'node:fs/promises';
import type { Matcher } from '../matching/matcher';
import type { Finding, TextDocument } from '../matching/types';
import { htmlTextDocument } from './html-text';
import { plainTextDocument } from './plain-text';

/** One finding as the scan CLI reports it (the `--json` contract). */
export type ReportedFinding = Pick<Finding, 'claimId' | 'verdict' | 'quote' | 'start' | 'end'>;

/** The result for one input: its findings, or why it could not be read. */
export type ScannedDocument =
  | { input: string; findings: ReportedFinding[] }
  | { input: string; error: string };

/** The whole `--json` output. */
export interface ScanResult {
  claimListVersion: string;
  documents: ScannedDocument[];
}

/** Where inputs come from; parameters so that tests need no files, stdin or network. */
export interface InputSources {
  readFile(path: string): Promise<string>;
  readStdin(): Promise<string>;
  fetchUrl(url: string): Promise<{ body: string; contentType: string }>;
}

const HTML_FILE = /\.html?$/i;
const URL_INPUT = /^https?:\/\//i;

/** Node's file system, stdin and fetch. */
export const nodeInputSources: InputSources = {
  readFile: (path) => readFile(path, 'utf8'),
  async readStdin() {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  async fetchUrl(url) {
    const response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(20_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    return { body: await response.text(), contentType: response.headers.get('content-type') ?? '' };
  },
};

async function readDocument(input: string, sources: InputSources): Promise<TextDocument> {
  if (input === '-') return plainTextDocument(await sources.readStdin());
  if (URL_INPUT.test(input)) {
    const { body, contentType } = await sources.fetchUrl(input);
    const isHtml = /html|xml/i.test(contentType) || /^\s*</.test(body);
    return isHtml ? htmlTextDocument(body) : plainTextDocument(body);
  }
  const body = await sources.readFile(input);
  return HTML_FILE.test(input) ? htmlTextDocument(body) : plainTextDocument(body);
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EISDIR') return 'is a directory';
    if (code === 'EACCES') return 'permission denied';
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}

/**
 * Scans every input in order. An unreadable input is reported with its error and the others
 * are still scanned.
 * @param inputs paths, `-` for stdin, or http(s) URLs, exactly as the user gave them
 * @param matcher the matcher to run
 * @param claimListVersion the version of the claim list the matcher was built from
 * @param sources where to read inputs from
 * @returns the scan result in the CLI's JSON shape
 */
export async function scanInputs(
  inputs: readonly string[],
  matcher: Matcher,
  claimListVersion: string,
  sources: InputSources = nodeInputSources,
): Promise<ScanResult> {
  const documents: ScannedDocument[] = [];
  for (const input of inputs) {
    try {
      const doc = await readDocument(input, sources);
      const findings = matcher
        .scan(doc)
        .map(({ claimId, verdict, quote, start, end }) => ({ claimId, verdict, quote, start, end }));
      documents.push({ input, findings });
    } catch (error) {
      documents.push({ input, error: describeError(error) });
    }
  }
  return { claimListVersion, documents };
}
