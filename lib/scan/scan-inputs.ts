import type { Matcher } from '../matching/matcher';
import type { RelevanceGate } from '../matching/relevance-gate';
import type { Finding, TextDocument } from '../matching/types';
import { htmlTextDocument } from './html-text';
import { fetchCapped, type ReadLimits, readCappedStream, readRegularFile } from './node-sources';
import { plainTextDocument } from './plain-text';
import { budgetExceeded, DEFAULT_SCAN_LIMITS, InputRefused, type ScanLimits } from './scan-limits';

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

/**
 * Where inputs come from; parameters so that tests need no files, stdin or network. Every read
 * must stop at `limits.maxBytes` and when `limits.signal` aborts.
 */
export interface InputSources {
  readFile(path: string, limits: ReadLimits): Promise<string>;
  readStdin(limits: ReadLimits): Promise<string>;
  fetchUrl(url: string, limits: ReadLimits): Promise<{ body: string; contentType: string }>;
}

/** Options of {@link scanInputs}. */
export interface ScanOptions {
  /** @default DEFAULT_SCAN_LIMITS */
  limits?: ScanLimits;
  /** @default nodeInputSources */
  sources?: InputSources;
  /** Clock for the time budget, in ms. @default performance.now */
  now?: () => number;
  /**
   * The extension's relevance gate: a text that fails it is reported without findings, as the
   * extension never scans such a page. Without it every text is matched.
   */
  gate?: RelevanceGate;
}

const HTML_FILE = /\.html?$/i;
const URL_INPUT = /^https?:\/\//i;

/** Node's file system, stdin and fetch, each bounded by the limits it is given. */
export const nodeInputSources: InputSources = {
  readFile: readRegularFile,
  readStdin: (limits) => readCappedStream(process.stdin, limits),
  fetchUrl: fetchCapped,
};

interface Budget {
  limits: ReadLimits;
  /** Throws once the input's time is up; called between synchronous steps. */
  check(): void;
}

async function readDocument(
  input: string,
  sources: InputSources,
  budget: Budget,
  maxDepth: number,
): Promise<TextDocument> {
  const html = (source: string) => htmlTextDocument(source, { maxDepth, checkBudget: budget.check });
  if (input === '-') return plainTextDocument(await sources.readStdin(budget.limits));
  if (URL_INPUT.test(input)) {
    const { body, contentType } = await sources.fetchUrl(input, budget.limits);
    budget.check();
    const isHtml = /html|xml/i.test(contentType) || /^\s*</.test(body);
    return isHtml ? html(body) : plainTextDocument(body);
  }
  const body = await sources.readFile(input, budget.limits);
  budget.check();
  return HTML_FILE.test(input) ? html(body) : plainTextDocument(body);
}

function describeError(error: unknown): string {
  if (error instanceof InputRefused) return error.message;
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

async function scanOne(
  input: string,
  matcher: Matcher,
  sources: InputSources,
  limits: ScanLimits,
  now: () => number,
  gate: RelevanceGate | undefined,
): Promise<ReportedFinding[]> {
  const controller = new AbortController();
  const deadline = now() + limits.timeBudgetMs;
  // Ends reads that wait (a slow server, a silent pipe); synchronous work checks `deadline`.
  const timer = setTimeout(() => controller.abort(budgetExceeded(limits.timeBudgetMs)), limits.timeBudgetMs);
  const budget: Budget = {
    limits: { maxBytes: limits.maxBytes, signal: controller.signal },
    check() {
      if (controller.signal.aborted) throw controller.signal.reason;
      if (now() > deadline) throw budgetExceeded(limits.timeBudgetMs);
    },
  };
  try {
    const doc = await readDocument(input, sources, budget, limits.maxDepth);
    if (gate !== undefined && !gate.test(doc.text)) return [];
    const findings: ReportedFinding[] = [];
    for (const block of matcher.scanIncrementally(doc)) {
      for (const { claimId, verdict, quote, start, end } of block)
        findings.push({ claimId, verdict, quote, start, end });
      budget.check();
    }
    return findings;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Scans every input in order. An input that cannot be read, is refused (not a regular file,
 * over the size cap, nested too deep) or runs out of its time budget is reported with its
 * error, and the others are still scanned.
 * @param inputs paths, `-` for stdin, or http(s) URLs, exactly as the user gave them
 * @param matcher the matcher to run
 * @param claimListVersion the version of the claim list the matcher was built from
 * @param options limits, input sources and clock
 * @returns the scan result in the CLI's JSON shape
 */
export async function scanInputs(
  inputs: readonly string[],
  matcher: Matcher,
  claimListVersion: string,
  options: ScanOptions = {},
): Promise<ScanResult> {
  const sources = options.sources ?? nodeInputSources;
  const limits = options.limits ?? DEFAULT_SCAN_LIMITS;
  const now = options.now ?? (() => performance.now());
  const documents: ScannedDocument[] = [];
  for (const input of inputs) {
    try {
      documents.push({ input, findings: await scanOne(input, matcher, sources, limits, now, options.gate) });
    } catch (error) {
      documents.push({ input, error: describeError(error) });
    }
  }
  return { claimListVersion, documents };
}
