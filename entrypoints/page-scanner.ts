import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { fetchClaimBundle } from '../lib/page/claim-bundle-file';
import { startContentScript } from '../lib/page/content-script';
import { registerPageScanner } from '../lib/page/scanner-loader';

/** Copies of the scanner in one frame recognise each other by this name (WXT's start event). */
const SCANNER_CONTEXT_NAME = 'claimnote-scanner';

// Wiring only: loaded by the content script (entrypoints/content.ts) once a page has relevant
// text, as a module in the content script's own world.
export default defineUnlistedScript(() => {
  // Requested at once, so the claim list loads while the scanner's module finishes and yields.
  const bundle = fetchClaimBundle();
  // The content script calls this only after its relevance check passed.
  registerPageScanner(async (boot) => {
    // The content script's context is a light one (lib/page/boot-context.ts); the scanner runs
    // under WXT's, which also ends an older copy of the scanner in this frame.
    const ctx = new ContentScriptContext(SCANNER_CONTEXT_NAME, { noScriptStartedPostMessage: true });
    boot.onInvalidated(() => ctx.abort());
    return startContentScript(ctx, await bundle, { knownRelevant: true });
  });
});
