import type { RelevanceGate, RelevanceSession } from '../matching/relevance-gate';
import type { Lifecycle } from './lifecycle';
import { nodesAreRelevant, pageRelevanceSteps } from './page-relevance';
import { runInSlices, type SliceEnvironment } from './slice-scheduler';

/** What {@link watchForRelevance} needs; the content script passes the real page and context. */
export interface RelevanceWatchOptions {
  document: Document;
  window: Window;
  /** The claim list's relevance gate. */
  gate: RelevanceGate;
  lifecycle: Lifecycle;
  slices: SliceEnvironment;
  /** Called once, when the page first shows relevant text. */
  onRelevant(): void;
  /** Wait between a first mutation and its check, in ms: one check per burst. @default 150 */
  flushDelayMs?: number;
}

/** Changed nodes kept per batch; past this the batch re-checks the whole page instead. */
const PENDING_NODE_LIMIT = 2000;
/** Longest wait between whole-page checks while a page keeps overflowing batches, in ms. */
const MAX_BACKOFF_MS = 2000;

/**
 * The content script's first and only job on a page that fails the relevance gate:
 * check the page once, then watch mutations and SPA navigations and check only what changed.
 * Nothing else runs, and nothing is added to the page, until the test passes; then the
 * observer stops and `onRelevant` runs (the content script loads the scanner; the page
 * controller, resumed on a paused site, activates).
 * @param options the page, the test, and where to report
 * @returns a function that stops watching without reporting
 */
export function watchForRelevance(options: RelevanceWatchOptions): () => void {
  // One session for the whole watch: a bare pump seen on the page and its context added later
  // count together.
  const session = options.gate.session();
  // The first check's first step runs now, in the content script's own task: it reads the
  // text once and tests its first piece, which on most pages is all of it. A page that passes
  // here never creates an observer or a listener; one that fails gets them in this same task,
  // before anything on the page can change, so no text is missed between check and watch.
  const body = options.document.body;
  const firstCheck = body === null ? null : pageRelevanceSteps(body, session);
  const firstStep = firstCheck?.next();
  if (firstStep?.done && firstStep.value) {
    options.onRelevant();
    return () => undefined;
  }
  return watchAfterFirstStep(options, session, firstStep?.done === false ? firstCheck : null);
}

/**
 * The watch of a page that did not pass the first step of the check: the observer and the
 * navigation listener, and the rest of the check in slices when the page is longer than one
 * step.
 * @param rest the first check's remaining steps, or null when it is finished
 */
function watchAfterFirstStep(
  options: RelevanceWatchOptions,
  session: RelevanceSession,
  rest: Generator<void, boolean, void> | null,
): () => void {
  const { document: doc, lifecycle } = options;
  const delay = options.flushDelayMs ?? 150;
  let done = false;
  let pending: Node[] = [];
  let overflow = false;
  let scheduled = false;
  let fullCheckRunning = false;
  let backoffMs = 0;

  const Observer = (options.window as Window & typeof globalThis).MutationObserver;
  const observer = new Observer((records) => {
    for (const record of records) {
      if (record.type === 'characterData') queue(record.target);
      else for (const node of record.addedNodes) queue(node);
    }
    schedule();
  });

  const stop = () => {
    done = true;
    observer.disconnect();
  };
  const finish = () => {
    if (done) return;
    stop();
    options.onRelevant();
  };

  function queue(node: Node): void {
    if (pending.length < PENDING_NODE_LIMIT) pending.push(node);
    else overflow = true;
  }

  function schedule(): void {
    if (scheduled || done || lifecycle.signal.aborted) return;
    scheduled = true;
    lifecycle.setTimeout(flush, delay + backoffMs);
  }

  function flush(): void {
    scheduled = false;
    if (done) return;
    if (!watchingNavigation) watchNavigation();
    const nodes = pending;
    pending = [];
    if (overflow) {
      overflow = false;
      // A page that keeps adding thousands of nodes would otherwise be walked whole every batch.
      backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(delay, backoffMs * 2));
      checkWholePage();
    } else {
      backoffMs = 0;
      if (nodesAreRelevant(nodes, session)) finish();
    }
  }

  function checkWholePage(steps?: Generator<void, boolean, void>): void {
    if (fullCheckRunning) {
      overflow = true;
      schedule();
      return;
    }
    const body = doc.body;
    if (steps === undefined && body === null) return;
    fullCheckRunning = true;
    runInSlices(steps ?? pageRelevanceSteps(body as HTMLElement, session), options.slices, {
      signal: lifecycle.signal,
    }).then(
      ({ value }) => {
        fullCheckRunning = false;
        if (value) finish();
      },
      () => {
        fullCheckRunning = false;
      },
    );
  }

  // The navigation listener waits for the page's first change (the first batch): until then
  // its text is the text the first check read whole, and a re-check after a navigation would
  // read the same text again. A navigation before that batch makes it a whole-page check.
  const startUrl = doc.URL;
  let watchingNavigation = false;
  function watchNavigation(): void {
    watchingNavigation = true;
    if (doc.URL !== startUrl) overflow = true;
    // A client-side navigation may replace the content without many mutations of text.
    lifecycle.listen(options.window, 'wxt:locationchange', () => {
      overflow = true;
      schedule();
    });
  }

  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  lifecycle.onInvalidated(stop);
  if (rest !== null) checkWholePage(rest);
  return stop;
}
