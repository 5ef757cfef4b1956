import possibleTermPattern from 'virtual:claimnote/relevance-prefixes';
import { watchAtBoot } from '../lib/page/boot-watch';

// Wiring only. This script stays small: it runs on every page, and on most of them one test
// of the page's text is all it does (lib/page/boot-watch.ts). The relevance watch
// (entrypoints/relevance-watch.ts) and the scanner (entrypoints/page-scanner.ts) load only when
// needed; lib/page/page-controller.ts documents what runs then.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: true,
  main(ctx) {
    watchAtBoot(ctx, document, new RegExp(possibleTermPattern, 'i'));
  },
});
