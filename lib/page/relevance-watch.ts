import type { RelevanceGate, RelevanceSession } from '../matching/relevance-gate';
import { watchDom } from './dom-watcher';
import type { Lifecycle } from './lifecycle';
import { DORMANT_RECORD_LIMIT, nodesAreRelevant, pageRelevanceSteps } from './page-relevance';
import { openScope } from './scope';
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
  /**
   * The content script's boot already found no possible term in the page's text
   * (boot-watch.ts) and recorded the changes since: the watch starts from those, without a
   * first check of its own.
   */
  afterBoot?: BootHandoff;
}

/** What the boot observer hands the watch it loads. */
export interface BootHandoff {
  /** Mutations recorded since the boot's check, or `'all'` when there were too many. */
  records: readonly MutationRecord[] | 'all';
  /** The page's address when the boot checked it. */
  url: string;
}

/**
 * The content script's first and only job on a page that fails the relevance gate:
 * check the page once, then watch mutations and SPA navigations and check only what changed.
 * Nothing else runs, and nothing is added to the page, until the test passes; then the
 * watch stops and `onRelevant` runs (the content script loads the scanner; the page
 * controller, resumed on a paused site, activates).
 * @param options the page, the test, and where to report
 * @returns a function that stops watching without reporting
 */
export function watchForRelevance(options: RelevanceWatchOptions): () => void {
  // One session for the whole watch: a bare pump seen on the page and its context added later
  // count together.
  const session = options.gate.session();
  if (options.afterBoot !== undefined) return watchAfterFirstStep(options, session, null, options.afterBoot);
  // The first check's first step runs now, in the content script's own task: it reads the
  // text once and tests its first piece, which on most pages is all of it. A page that passes
  // here never creates an observer or a listener; one that fails gets its watch in this same
  // task, before anything on the page can change, so no text is missed between check and watch.
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
 * The watch of a page that did not pass the first step of the check: the DOM watcher, the
 * navigation listener from the first change on, and the rest of the check in slices when the
 * page is longer than one step.
 * @param rest the first check's remaining steps, or null when it is finished
 * @param boot what the boot observer recorded since its check, when it did the first check
 */
function watchAfterFirstStep(
  options: RelevanceWatchOptions,
  session: RelevanceSession,
  rest: Generator<void, boolean, void> | null,
  boot?: BootHandoff,
): () => void {
  const { document: doc } = options;
  // Everything the watch registers ends with this scope: on success, on stop, or with the
  // lifecycle it was opened in.
  const scope = openScope(options.lifecycle);
  let fullCheckRunning = false;

  const finish = () => {
    if (scope.signal.aborted) return;
    scope.close();
    options.onRelevant();
  };

  // Created before the rest of the check runs, so text added meanwhile is not missed.
  const watcher = watchDom({
    window: options.window,
    target: doc.documentElement,
    scope,
    watch: 'added',
    delayMs: options.flushDelayMs,
    limit: DORMANT_RECORD_LIMIT,
    ...(boot === undefined ? {} : { earlier: boot.records }),
    onFlush: (changes) => {
      const navigated = watchingNavigation ? false : watchNavigation();
      if (changes === 'all' || navigated) checkWholePage();
      else if (nodesAreRelevant(changes, session)) finish();
    },
  });

  function checkWholePage(steps?: Generator<void, boolean, void>): void {
    if (fullCheckRunning) {
      // Check again once this check ends: the batch it was asked for may have come after it read.
      watcher.markAllChanged();
      return;
    }
    const body = doc.body;
    if (steps === undefined && body === null) return;
    fullCheckRunning = true;
    runInSlices(steps ?? pageRelevanceSteps(body as HTMLElement, session), options.slices, {
      signal: scope.signal,
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

  // The navigation listener waits for the page's first change (the first flush): until then
  // its text is the text the first check read whole, and a re-check after a navigation would
  // read the same text again. A navigation before that flush makes it a whole-page check.
  const startUrl = boot?.url ?? doc.URL;
  let watchingNavigation = false;
  /** @returns whether the address changed since the watch started */
  function watchNavigation(): boolean {
    watchingNavigation = true;
    // A client-side navigation may replace the content without many mutations of text.
    scope.listen(options.window, 'wxt:locationchange', () => watcher.markAllChanged());
    return doc.URL !== startUrl;
  }

  if (rest !== null) checkWholePage(rest);
  return scope.close;
}
