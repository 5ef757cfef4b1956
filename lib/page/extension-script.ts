/**
 * Scripts of the extension that the content script imports when first needed (the scanner,
 * the relevance watch). Each is evaluated as a module in the content script's isolated world
 * (Chrome) or sandbox (Firefox), so the page cannot see what it registers; a second import
 * of the same URL is not evaluated again, so its start function is read from a global of that
 * world on every start rather than from the import's result.
 */

type ScriptGlobal = typeof globalThis & Record<string, unknown>;

/**
 * Called by an imported script when it is evaluated.
 * @param key the global the importer reads
 * @param start the script's start function
 */
export function registerStart(key: string, start: unknown): void {
  (globalThis as ScriptGlobal)[key] = start;
}

/**
 * Imports a script and returns the start function it registered.
 * @param url the script's URL
 * @param key the global it registers under
 * @throws when the script fails to load or does not register
 */
export async function importStart<T>(url: string, key: string): Promise<T> {
  await import(/* @vite-ignore */ url);
  const start = (globalThis as ScriptGlobal)[key];
  if (typeof start !== 'function') throw new Error(`Claimnote: ${url} did not register a start function`);
  return start as T;
}

/**
 * The extension's URL for `path`, read from the API when called: importing `wxt/browser`
 * would read `runtime.id` when the content script starts, on every page (see
 * lib/page/boot-context.ts).
 */
export function extensionUrl(path: string): string {
  type Api = { runtime: { getURL(path: string): string } };
  const { browser, chrome } = globalThis as { browser?: Api; chrome?: Api };
  const api = browser ?? chrome;
  if (!api) throw new Error('Claimnote: no extension API in this context');
  return api.runtime.getURL(path);
}
