import bundle from 'virtual:claimnote/claim-bundle';
import { startContentScript } from '../lib/page/content-script';
import { registerPageScanner } from '../lib/page/scanner-loader';

// Wiring only: loaded by the content script (entrypoints/content.ts) once a page has relevant
// text, as a module in the content script's own world.
export default defineUnlistedScript(() => {
  // The content script calls this only after its relevance check passed.
  registerPageScanner((ctx) => startContentScript(ctx, bundle, { knownRelevant: true }));
});
