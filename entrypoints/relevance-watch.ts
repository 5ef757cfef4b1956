import relevanceGate from 'virtual:claimnote/relevance-gate';
import { relevanceGateFromSearches } from '../lib/matching/relevance-gate';
import { registerRelevanceWatch } from '../lib/page/boot-watch';
import { lifecycleFromContext, sliceEnvironmentFromContext } from '../lib/page/lifecycle';
import { watchForRelevance } from '../lib/page/relevance-watch';
import { loadPageScanner } from '../lib/page/scanner-loader';

// Wiring only: imported by the content script (entrypoints/content.ts, lib/page/boot-watch.ts)
// when a page may hold relevant words or changes after load. It checks the page with the
// claim list's relevance gate and watches it until it passes, then loads the scanner.
export default defineUnlistedScript(() => {
  registerRelevanceWatch((ctx, handoff) => {
    watchForRelevance({
      document,
      window,
      gate: relevanceGateFromSearches(relevanceGate),
      lifecycle: lifecycleFromContext(ctx),
      slices: sliceEnvironmentFromContext(ctx, window),
      ...(handoff === null ? {} : { afterBoot: handoff }),
      onRelevant: () => {
        loadPageScanner(ctx).catch((error: unknown) => console.error('Claimnote:', error));
      },
    });
  });
});
