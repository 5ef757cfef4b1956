import { resolve } from 'node:path';
import { buildClaimBundle } from '../lib/claims/build-claim-bundle';
import type { ClaimBundle } from '../lib/claims/claim-bundle';
import { loadClaimFiles } from '../lib/claims/load-claim-files';

/** The project's own claim list, validated and compiled exactly as the build does it. */
export function loadProjectClaimBundle(): ClaimBundle {
  return buildClaimBundle(loadClaimFiles(resolve(import.meta.dirname, '..', 'claims')));
}
