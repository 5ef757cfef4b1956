/**
 * `npm run claims:check`: validates the claim list the same way the build does, and prints a
 * one-line summary or every problem by file and field.
 */
import { resolve } from 'node:path';
import { buildClaimBundle } from '../lib/claims/build-claim-bundle';
import { ClaimListError, loadClaimFiles } from '../lib/claims/load-claim-files';

const dir = resolve(import.meta.dirname, '..', 'claims');
try {
  const list = loadClaimFiles(dir);
  const bundle = buildClaimBundle(list);
  console.log(
    `claim list ${list.version}: ${list.claims.length} claims, ${list.sources.length} sources, ` +
      `${bundle.index.patterns.length} patterns, ${bundle.index.terms.length} terms — valid`,
  );
} catch (error) {
  console.error(error instanceof ClaimListError ? error.message : error);
  process.exit(1);
}
