import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { extensionUrl, importStart, registerStart } from './extension-script';

/**
 * Starts the full scanner (matcher, claim list, notes UI) in one frame.
 * @param ctx the content script's context, whose invalidation ends the scanner too
 */
export type StartPageScanner = (ctx: ContentScriptContext) => Promise<unknown>;

/** File of the scanner, built from `entrypoints/page-scanner.ts`. */
export const PAGE_SCANNER_FILE = '/page-scanner.js';

/** Where the scanner script leaves its start function (extension-script.ts). */
const START_KEY = '__claimnoteStartPageScanner';

/**
 * Called by the scanner script when it is evaluated.
 * @param start the scanner's start function
 */
export function registerPageScanner(start: StartPageScanner): void {
  registerStart(START_KEY, start);
}

/**
 * Loads the scanner script once the cheap check found relevant text, then starts it. Keeping
 * the scanner out of the content script means a page without relevant words never parses
 * the matcher, the claim list, zod or Preact.
 * @param ctx the content script's context
 * @param url where the scanner script is; the default is the extension's own file
 * @throws when the script fails to load or does not register
 */
export async function loadPageScanner(
  ctx: ContentScriptContext,
  url: string = extensionUrl(PAGE_SCANNER_FILE),
): Promise<void> {
  const start = await importStart<StartPageScanner>(url, START_KEY);
  // A task of its own for the start: the import resolves in the microtasks of the task that
  // evaluated the module, so starting here would add the matcher's and controller's set-up to
  // that task, which is already the longest the scanner makes.
  await nextTask(ctx);
  if (ctx.isInvalid) return;
  await start(ctx);
}

/** Resolves in a later task (a zero-delay timeout), or at once when the context ends. */
function nextTask(ctx: ContentScriptContext): Promise<void> {
  if (ctx.isInvalid) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = ctx.onInvalidated(() => resolve());
    ctx.setTimeout(() => {
      stop();
      resolve();
    }, 0);
  });
}
