import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { buildClaimBundle } from '../lib/claims/build-claim-bundle';
import { checkRules, warningSummary } from '../lib/claims/check-rules';
import { ClaimListError, loadClaimFiles } from '../lib/claims/load-claim-files';
import { compileGateSearches } from '../lib/matching/relevance-gate-searches';

const BUNDLE_ID = 'virtual:claimnote/claim-bundle';
/** The relevance gate's searches alone, for the content script that must stay small. */
const RELEVANCE_GATE_ID = 'virtual:claimnote/relevance-gate';
/**
 * The pattern of the gate's first search alone, for the test the content script runs on every
 * page (lib/page/boot-watch.ts): where it finds nothing, the gate cannot open.
 */
const PREFIXES_ID = 'virtual:claimnote/relevance-prefixes';
/** The claim list's version alone, for the background (reports), which needs no claim data. */
const VERSION_ID = 'virtual:claimnote/claim-list-version';
const VIRTUAL_IDS = new Set([BUNDLE_ID, RELEVANCE_GATE_ID, PREFIXES_ID, VERSION_ID]);
// The checks run once per claim-list version and process: a WXT build runs several vite builds,
// each with its own plugin instance, and each loads both virtual modules.
const checked = new Set<string>();

/**
 * Serves the claim list, validated and compiled at build time, as the module
 * `virtual:claimnote/claim-bundle`, and its relevance gate's searches alone as
 * `virtual:claimnote/relevance-gate`. An invalid claim file, or a rule that no example tests
 * (see `checkRules`), fails the build with the file and line named; in dev and test runs,
 * editing a claim file reloads the module.
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
      const list = loadClaimFiles(claimsDir);
      const bundle = buildClaimBundle(list);
      if (!checked.has(list.version)) {
        const { errors, warnings } = checkRules(list);
        if (errors.length > 0) throw new ClaimListError(errors);
        // One line: the per-file list is for `claims:check`, not for every build log.
        if (warnings.length > 0) {
          this.warn(
            `${warnings.length} rule alternatives in ${warningSummary(warnings).length} files have no positive example (npm run claims:check -- --warnings)`,
          );
        }
        checked.add(list.version);
      }
      if (virtualId === VERSION_ID) return `export default ${JSON.stringify(bundle.version)};`;
      if (virtualId === PREFIXES_ID) {
        const { main } = compileGateSearches(bundle.index.relevanceGate);
        return `export default ${JSON.stringify(main.pattern)};`;
      }
      // The gate's searches, built here rather than on every page (relevance-gate-searches.ts).
      if (virtualId !== BUNDLE_ID)
        return `export default ${JSON.stringify(compileGateSearches(bundle.index.relevanceGate))};`;
      // A JSON string for JSON.parse, not an object literal: V8 and SpiderMonkey parse JSON
      // several times faster than the same data as JavaScript.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(bundle))});`;
    },
  };
}
