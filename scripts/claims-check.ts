/**
 * `npm run claims:check`: validates the claim list the same way the build does, runs the rule
 * checks (lib/claims/check-rules.ts), and prints a one-line summary or every problem as
 * `file:line: message`. Warnings do not fail the check; they are counted per file, and listed
 * with `npm run claims:check -- --warnings`.
 */
import { resolve } from 'node:path';
import { buildClaimBundle } from '../lib/claims/build-claim-bundle';
import { checkRules, warningSummary } from '../lib/claims/check-rules';
import { ClaimListError, loadClaimFiles } from '../lib/claims/load-claim-files';

const dir = resolve(import.meta.dirname, '..', 'claims');
try {
  const list = loadClaimFiles(dir);
  const bundle = buildClaimBundle(list);
  const { errors, warnings } = checkRules(list);
  if (process.argv.includes('--warnings'))
    for (const warning of warnings) console.warn(`warning: ${warning}`);
  else for (const line of warningSummary(warnings)) console.warn(`warning: ${line}`);
  if (errors.length > 0) throw new ClaimListError(errors);
  console.log(
    `claim list ${list.version}: ${list.claims.length} claims, ${list.sources.length} sources, ` +
      `${bundle.index.patterns.length} patterns, ${bundle.index.terms.length} terms — valid` +
      (warnings.length > 0 ? ` (${warnings.length} warnings)` : ''),
  );
} catch (error) {
  console.error(error instanceof ClaimListError ? error.message : error);
  process.exit(1);
}
