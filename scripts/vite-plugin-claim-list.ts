import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { buildClaimBundle } from '../lib/claims/build-claim-bundle';
import { loadClaimFiles } from '../lib/claims/load-claim-files';

const VIRTUAL_ID = 'virtual:claimnote/claim-bundle';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/**
 * Serves the claim list, validated and compiled at build time, as the module
 * `virtual:claimnote/claim-bundle`. An invalid claim file fails the build with the file and
 * field named; in dev and test runs, editing a claim file reloads the module.
 * @param claimsDir folder of the claim list
 * @default claimsDir "claims" next to the project root
 */
export function claimListPlugin(claimsDir = resolve(import.meta.dirname, '..', 'claims')): Plugin {
  return {
    name: 'claimnote:claim-list',
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      this.addWatchFile(claimsDir);
      const bundle = buildClaimBundle(loadClaimFiles(claimsDir));
      return `export default ${JSON.stringify(bundle)};`;
    },
  };
}
