import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { extensionUrl, importStart, registerStart } from './extension-script';
import { CHARS_PER_STEP, DORMANT_RECORD_LIMIT } from './page-relevance';
import type { BootHandoff } from './relevance-watch';

/**
 * Starts the relevance watch in one frame, under the content script's context.
 * @param handoff what the boot recorded since its check, or null when it checked nothing
 */
export type StartRelevanceWatch = (ctx: ContentScriptContext, handoff: BootHandoff | null) => void;

/** File of the relevance watch, built from `entrypoints/relevance-watch.ts`. */
export const RELEVANCE_WATCH_FILE = '/relevance-watch.js';

/** Where the relevance watch script leaves its start function (extension-script.ts). */
const START_KEY = '__claimnoteStartRelevanceWatch';

/**
 * Called by the relevance watch script when it is evaluated.
 * @param start the watch's start function
 */
export function registerRelevanceWatch(start: StartRelevanceWatch): void {
  registerStart(START_KEY, start);
}

/** Imports the relevance watch script (the extension's own file). */
function importRelevanceWatch(): Promise<StartRelevanceWatch> {
  return importStart<StartRelevanceWatch>(extensionUrl(RELEVANCE_WATCH_FILE), START_KEY);
}

/**
 * The content script's start on every page. Most pages hold no word that could open the
 * relevance gate: for those the whole start is one read of the text, one RegExp test
 * (`possibleTerm`, the gate's first search as a plain test: where it finds nothing the gate
 * cannot open) and an observer that only records. The relevance watch (gate, DOM watcher,
 * slices) is imported when first needed: at once for a page with a possible term, a page
 * longer than one step of the check, or one without a body; at the first change otherwise,
 * and it takes over the records in the task it starts, so no change falls between the two.
 * A page that never changes never loads it.
 * @param ctx the content script's context
 * @param doc the page
 * @param possibleTerm case-insensitive test for a possible gate term anywhere in a text
 * @param load imports the watch; tests pass their own
 */
export function watchAtBoot(
  ctx: ContentScriptContext,
  doc: Document,
  possibleTerm: RegExp,
  load: () => Promise<StartRelevanceWatch> = importRelevanceWatch,
): void {
  const fail = (error: unknown) => console.error('Claimnote:', error);
  const body = doc.body;
  const text = body === null ? null : (body.textContent ?? '');
  if (text === null || text.length > CHARS_PER_STEP || possibleTerm.test(text)) {
    load().then((start) => {
      if (!ctx.isInvalid) start(ctx, null);
    }, fail);
    return;
  }
  const url = doc.URL;
  let records: MutationRecord[] | 'all' = [];
  let handingOver = false;
  const keep = (batch: readonly MutationRecord[]) => {
    if (records === 'all') return;
    if (records.length + batch.length > DORMANT_RECORD_LIMIT) records = 'all';
    else for (const record of batch) records.push(record);
  };
  // The callback only records; the import starts in a task of its own.
  const observer = new MutationObserver((batch) => {
    keep(batch);
    if (handingOver) return;
    handingOver = true;
    ctx.setTimeout(handOver, 0);
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => observer.disconnect());

  function handOver(): void {
    load().then((start) => {
      if (ctx.isInvalid) return;
      // In the task that starts the watch's own observer, so no change is lost in between.
      keep(observer.takeRecords());
      observer.disconnect();
      start(ctx, { records, url });
    }, fail);
  }
}
