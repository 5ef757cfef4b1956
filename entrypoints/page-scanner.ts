import { fetchClaimBundle } from '../lib/page/claim-bundle-file';
import { startContentScript } from '../lib/page/content-script';
import { registerPageScanner } from '../lib/page/scanner-loader';

// Wiring only: loaded by the content script (entrypoints/content.ts) once a page has relevant
// text, as a module in the content script's own world.
export default defineUnlistedScript(() => {
  // Requested at once, so the claim list loads while the scanner's module finishes and yields.
  const bundle = fetchClaimBundle();
  // The content script calls this only after its relevance check passed.
  registerPageScanner(async (ctx) => startContentScript(ctx, await bundle, { knownRelevant: true }));
});
