import type { RelevanceGate } from '../matching/relevance-gate';
import { watchDom } from './dom-watcher';
import type { Lifecycle } from './lifecycle';
import { nodesAreRelevant, pageRelevanceSteps } from './page-relevance';
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
}

/**
 * Changed nodes kept per batch; past this the batch re-checks the whole page instead. Higher
 * than the active scan's: a node's text is cheap to test, a whole page is not.
 */
const PENDING_NODE_LIMIT = 2000;

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
  const { document: doc } = options;
  // Everything the watch registers ends with this scope: on success, on stop, or with the
  // lifecycle it was opened in.
  const scope = openScope(options.lifecycle);
  // One session for the whole watch: a bare pump seen on the page and its context added later
  // count together.
  const session = options.gate.session();
  let fullCheckRunning = false;

  const finish = () => {
    if (scope.signal.aborted) return;
    scope.close();
    options.onRelevant();
  };

  // Watch before the first check, so text added while it runs is not missed.
  const watcher = watchDom({
    window: options.window,
    target: doc.documentElement,
    scope,
    watch: 'added',
    delayMs: options.flushDelayMs,
    limit: PENDING_NODE_LIMIT,
    onFlush: (changes) => {
      if (changes === 'all') checkWholePage();
      else if (nodesAreRelevant(changes, session)) finish();
    },
  });

  function checkWholePage(): void {
    if (fullCheckRunning) {
      // Check again once this check ends: the batch it was asked for may have come after it read.
      watcher.markAllChanged();
      return;
    }
    const body = doc.body;
    if (body === null) return;
    fullCheckRunning = true;
    runInSlices(pageRelevanceSteps(body, session), options.slices, { signal: scope.signal }).then(
      ({ value }) => {
        fullCheckRunning = false;
        if (value) finish();
      },
      () => {
        fullCheckRunning = false;
      },
    );
  }

  // A client-side navigation may replace the content without many mutations of text.
  scope.listen(options.window, 'wxt:locationchange', () => watcher.markAllChanged());
  checkWholePage();
  return scope.close;
}
