import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * Starts the full scanner (matcher, claim list, notes UI) in one frame.
 * @param ctx the content script's context, whose invalidation ends the scanner too
 */
export type StartPageScanner = (ctx: ContentScriptContext) => Promise<unknown>;

/** File of the scanner, built from `entrypoints/page-scanner.ts`. */
export const PAGE_SCANNER_FILE = '/page-scanner.js';

/**
 * Where the scanner script leaves its start function. It is evaluated as a module in the
 * content script's isolated world (Chrome) or sandbox (Firefox), so the page cannot see this
 * property; a second import of the same URL is not evaluated again, so the function is read
 * from here on every start rather than from the import's result.
 */
const START_KEY = '__claimnoteStartPageScanner';

type ScannerGlobal = typeof globalThis & { [START_KEY]?: StartPageScanner };

/**
 * Called by the scanner script when it is evaluated.
 * @param start the scanner's start function
 */
export function registerPageScanner(start: StartPageScanner): void {
  (globalThis as ScannerGlobal)[START_KEY] = start;
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
  await import(/* @vite-ignore */ url);
  const start = (globalThis as ScannerGlobal)[START_KEY];
  if (typeof start !== 'function') throw new Error(`Claimnote: ${url} did not register a scanner`);
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

/**
 * The extension's URL for `path`, read from the API when called: importing `wxt/browser`
 * would read `runtime.id` when the content script starts, on every page (see
 * lib/page/boot-context.ts).
 */
function extensionUrl(path: string): string {
  type Api = { runtime: { getURL(path: string): string } };
  const { browser, chrome } = globalThis as { browser?: Api; chrome?: Api };
  const api = browser ?? chrome;
  if (!api) throw new Error('Claimnote: no extension API in this context');
  return api.runtime.getURL(path);
}
