import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { buildClaimBundle } from '../lib/claims/build-claim-bundle';
import { loadClaimFiles } from '../lib/claims/load-claim-files';

const BUNDLE_ID = 'virtual:claimnote/claim-bundle';
/** The relevance anchors alone, for the content script that must stay small. */
const RELEVANCE_WORDS_ID = 'virtual:claimnote/relevance-words';
/** The claim list's version alone, for the background (reports), which needs no claim data. */
const VERSION_ID = 'virtual:claimnote/claim-list-version';
const VIRTUAL_IDS = new Set([BUNDLE_ID, RELEVANCE_WORDS_ID, VERSION_ID]);

/**
 * Serves the claim list, validated and compiled at build time, as the module
 * `virtual:claimnote/claim-bundle`, and its relevance anchor words alone as
 * `virtual:claimnote/relevance-words`. An invalid claim file fails the build with the file and
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
      if (virtualId === VERSION_ID) return `export default ${JSON.stringify(bundle.version)};`;
      if (virtualId !== BUNDLE_ID) return `export default ${JSON.stringify(bundle.index.relevanceWords)};`;
      // A JSON string for JSON.parse, not an object literal: V8 and SpiderMonkey parse JSON
      // several times faster than the same data as JavaScript, on the scanner's first task.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(bundle))});`;
    },
  };
}
