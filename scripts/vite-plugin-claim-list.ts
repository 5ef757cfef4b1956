import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { buildClaimBundle } from '../lib/claims/build-claim-bundle';
import { loadClaimFiles } from '../lib/claims/load-claim-files';

const BUNDLE_ID = 'virtual:claimnote/claim-bundle';
/** The relevance gate alone, for the content script that must stay small. */
const RELEVANCE_GATE_ID = 'virtual:claimnote/relevance-gate';
const VIRTUAL_IDS = new Set([BUNDLE_ID, RELEVANCE_GATE_ID]);

/**
 * Serves the claim list, validated and compiled at build time, as the module
 * `virtual:claimnote/claim-bundle`, and its relevance gate alone as
 * `virtual:claimnote/relevance-gate`. An invalid claim file fails the build with the file and
 * field named; in dev and test runs, editing a claim file reloads the module.
 * @param claimsDir folder of the claim list
 * @default claimsDir "claims" next to the project root
 */
export function claimListPlugin(claimsDir = resolve(import.meta.dirname, '..', 'claims')): Plugin {
  return {
    name: 'claimnote:claim-list',
    resolveId(id) {
      return VIRTUAL_IDS.has(id) ? `\0${id}` : undefined;
    },
    load(id) {
      const virtualId = id.startsWith('\0') ? id.slice(1) : '';
      if (!VIRTUAL_IDS.has(virtualId)) return undefined;
      this.addWatchFile(claimsDir);
      const bundle = buildClaimBundle(loadClaimFiles(claimsDir));
      const value = virtualId === BUNDLE_ID ? bundle : bundle.index.relevanceGate;
      return `export default ${JSON.stringify(value)};`;
    },
  };
}
