import relevanceGate from 'virtual:claimnote/relevance-gate';
import { relevanceGateFromSearches } from '../lib/matching/relevance-gate';
import { lifecycleFromContext, sliceEnvironmentFromContext } from '../lib/page/lifecycle';
import { watchForRelevance } from '../lib/page/relevance-watch';
import { loadPageScanner } from '../lib/page/scanner-loader';

// Wiring only. This script stays small: it runs on every page, and on most of them the cheap
// relevance check is all it does. The scanner (entrypoints/page-scanner.ts) loads only after
// the check passes; lib/page/page-controller.ts documents what runs then.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: true,
  main(ctx) {
    watchForRelevance({
      document,
      window,
      gate: relevanceGateFromSearches(relevanceGate),
      lifecycle: lifecycleFromContext(ctx),
      slices: sliceEnvironmentFromContext(ctx, window),
      onRelevant: () => {
        loadPageScanner(ctx).catch((error: unknown) => console.error('Claimnote:', error));
      },
    });
  },
});
