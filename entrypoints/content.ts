import bundle from 'virtual:claimnote/claim-bundle';
import { startContentScript } from '../lib/page/content-script';

// Wiring only: lib/page/page-controller.ts documents what runs when.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: true,
  async main(ctx) {
    await startContentScript(ctx, bundle);
  },
});
