import { resolve } from 'node:path';
import { buildClaimBundle } from '../../lib/claims/build-claim-bundle';
import type { ClaimBundle } from '../../lib/claims/claim-bundle';
import { loadClaimFiles } from '../../lib/claims/load-claim-files';

/** The real claim list, compiled as the build's claim-list plugin does. */
export const testBundle: ClaimBundle = buildClaimBundle(
  loadClaimFiles(resolve(import.meta.dirname, '../../claims')),
);
