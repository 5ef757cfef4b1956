/**
 * `npm run --silent scan -- [--json] <input>...`: scans files, stdin (`-`) or http(s) URLs for
 * the claims on the claim list, with the same matcher and text rules as the extension.
 * With no input it scans the bundled sample page. Exit code 2 when an input could not be read or
 * was refused (see lib/scan/scan-limits.ts for the limits).
 */
import { resolve } from 'node:path';
import { ClaimListError } from '../lib/claims/load-claim-files';
import { createMatcher } from '../lib/matching/matcher';
import { createRelevanceGate } from '../lib/matching/relevance-gate';
import { formatReport } from '../lib/scan/format-report';
import { scanInputs } from '../lib/scan/scan-inputs';
import { SCAN_LIMIT_ENV, scanLimitsFromEnv } from '../lib/scan/scan-limits';
import { loadProjectClaimBundle } from './load-claim-bundle';

const USAGE = `Usage: npm run --silent scan -- [--json] <input>...
  <input>  a file (.html/.htm parsed as HTML, anything else as plain text), - for stdin, or an http(s) URL
  --json   print one JSON object instead of a readable report
With no input, scans the bundled sample page (samples/pain-pump-blog.html).
Each input may be at most 20 MB (${SCAN_LIMIT_ENV.maxBytes}), take at most 30 s (${SCAN_LIMIT_ENV.timeBudgetMs},
in ms) and, for HTML, nest elements at most 512 deep (${SCAN_LIMIT_ENV.maxDepth}); FIFOs, devices and
other non-regular files are refused.`;

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const json = argv.includes('--json');
  const unknown = argv.filter((a) => a.startsWith('--') && a !== '--json');
  if (unknown.length > 0) {
    console.error(`Unknown option ${unknown.join(', ')}\n${USAGE}`);
    return 64;
  }
  const inputs = argv.filter((a) => a !== '--json');
  if (inputs.length === 0) inputs.push(resolve(import.meta.dirname, '..', 'samples', 'pain-pump-blog.html'));

  let limits: ReturnType<typeof scanLimitsFromEnv>;
  try {
    limits = scanLimitsFromEnv(process.env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 64;
  }
  const bundle = loadProjectClaimBundle();
  const result = await scanInputs(inputs, createMatcher(bundle.index), bundle.version, {
    limits,
    // The same gate as the content script's, so the CLI reports what the extension would show.
    gate: createRelevanceGate(bundle.index.relevanceGate),
  });
  process.stdout.write(json ? `${JSON.stringify(result)}\n` : formatReport(result, bundle.notes));
  return result.documents.some((d) => 'error' in d) ? 2 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof ClaimListError ? error.message : error);
    process.exitCode = 1;
  },
);
