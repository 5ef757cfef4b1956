import type { Lifecycle } from './lifecycle';
import { inNonTextElement, NON_TEXT_TAGS } from './non-text-tags';
import { isOwnNode } from './own-elements';

/**
 * What changed in the page since the last flush: `'all'` (too much to list, or a navigation),
 * or connected nodes under which visible text may have changed, in the order recorded. For a
 * change of children that is the parent and each added node that holds text; for edited text
 * the text node; for a `hidden` or `open` attribute the element.
 */
export type DomChanges = 'all' | readonly Node[];

/**
 * Which changes a watcher reports:
 * - `changed`: every node under which text may have changed, removals and `hidden`/`open`
 *   toggles included (the active scan keeps its findings in step with the page);
 * - `added`: only nodes that bring new text (the dormant watch: a page can only become
 *   relevant through text that arrives, and reading a whole parent list at every insertion
 *   would cost what the watch saves).
 */
export type WatchedChanges = 'changed' | 'added';

/** What {@link watchDom} needs. */
export interface DomWatcherOptions {
  /** The page's window, for its MutationObserver. */
  window: Window;
  /** The subtree to watch, usually `document.documentElement`. */
  target: Node;
  /** The mode's scope: the observer and the flush timer end with it. */
  scope: Lifecycle;
  watch: WatchedChanges;
  /** Wait between a first change and its flush, in ms: a burst is one flush. @default 150 */
  delayMs?: number;
  /** Records kept, or nodes reported, per flush; past this a flush reports `'all'`. @default 500 */
  limit?: number;
  /** Runs after a burst that may have changed text; never inside the observer's callback. */
  onFlush(changes: DomChanges): void;
  /**
   * While true, flushes wait and records stay for the next `take` (the active scan takes them
   * when its next pass starts, so no pass is handed changes while another runs).
   */
  busy?(): boolean;
  /**
   * Changes recorded before this watcher existed (by the content script's boot observer,
   * boot-watch.ts), handed over in the task that creates it so none is lost between the two;
   * `'all'` when there were too many to keep.
   */
  earlier?: readonly MutationRecord[] | 'all';
}

/** A watch of the page's DOM started by {@link watchDom}. */
export interface DomWatcher {
  /** The changes recorded so far, now, instead of at the next flush; null when none change text. */
  take(): DomChanges | null;
  /** Whether changes recorded since the last flush or take may change the text. */
  changesText(): boolean;
  /** Makes the next flush report `'all'` (a client-side navigation) and arms it. */
  markAllChanged(): void;
  /** Runs `write` (Claimnote's own DOM change) so that its mutations are never recorded. */
  withoutObserving(write: () => void): void;
}

/** Longest extra wait between flushes while bursts keep overflowing, in ms. */
const MAX_BACKOFF_MS = 2000;

/**
 * `hidden` and `open` show or hide text (details, dialogs, "read more") without adding nodes;
 * class and style are left out, since animations change them many times a second.
 */
const CHANGED_INIT: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['hidden', 'open'],
};
const ADDED_INIT: MutationObserverInit = { childList: true, subtree: true, characterData: true };

/**
 * Whether a node added or removed can carry visible text: a text node with letters, or an
 * element holding some. Ad slots filling with iframes and images, or scripts being injected,
 * then cause no flush at all.
 */
function carriesText(node: Node): boolean {
  if (isOwnNode(node)) return false;
  if (node.nodeType === 3) return /\S/.test((node as Text).data);
  if (node.nodeType !== 1 || NON_TEXT_TAGS.has((node as Element).localName)) return false;
  return /\S/.test(node.textContent ?? '');
}

/** The changed roots of a batch of records (see {@link DomChanges}); filtering happens here. */
function rootsOf(records: readonly MutationRecord[], watch: WatchedChanges): Node[] {
  const roots = new Set<Node>();
  const add = (node: Node) => {
    if (node.isConnected) roots.add(node);
  };
  for (const record of records) {
    const target = record.target;
    if (isOwnNode(target) || inNonTextElement(target)) continue;
    if (record.type === 'characterData') {
      if (watch === 'changed' || /\S/.test((target as Text).data)) add(target);
    } else if (record.type === 'attributes') {
      if (carriesText(target)) add(target);
    } else {
      const added = [...record.addedNodes].filter(carriesText);
      if (watch === 'changed' && (added.length > 0 || [...record.removedNodes].some(carriesText))) {
        add(target);
      }
      for (const node of added) add(node);
    }
  }
  return [...roots];
}

/**
 * Watches `target` for changes of its text: the observer's callback only keeps the records;
 * after a burst (`delayMs`, longer while bursts overflow) one flush filters them and hands
 * `onFlush` the changed roots. Claimnote's own nodes are ignored, and so are changes that
 * cannot alter the text. Creating a watcher costs one observer and nothing else.
 * @param options what to watch, for which mode, and where to report
 * @returns the watch; it ends with `options.scope`
 */
export function watchDom(options: DomWatcherOptions): DomWatcher {
  const { scope, watch } = options;
  const delay = options.delayMs ?? 150;
  const limit = options.limit ?? 500;
  let records: MutationRecord[] = [];
  let overflow = false;
  let all = false;
  let scheduled = false;
  let backoffMs = 0;

  const record = (batch: readonly MutationRecord[]) => {
    if (batch.length === 0) return;
    if (!overflow && records.length + batch.length <= limit) {
      for (const item of batch) records.push(item);
    } else if (!overflow) {
      // Too many to keep: the flush reports everything, and the records are of no use.
      overflow = true;
      records = [];
    }
    schedule();
  };
  const Observer = (options.window as Window & typeof globalThis).MutationObserver;
  const observer = new Observer(record);
  observer.observe(options.target, watch === 'changed' ? CHANGED_INIT : ADDED_INIT);
  scope.onInvalidated(() => {
    observer.disconnect();
    records = [];
  });
  if (options.earlier === 'all') {
    all = true;
    schedule();
  } else if (options.earlier !== undefined) {
    record(options.earlier);
  }

  function schedule(): void {
    if (scheduled || scope.signal.aborted) return;
    scheduled = true;
    scope.setTimeout(flush, delay + backoffMs);
  }

  function flush(): void {
    scheduled = false;
    if (options.busy?.()) return;
    const changes = take();
    if (changes !== null) options.onFlush(changes);
  }

  /** Overflowing bursts wait longer each time: a storm of insertions is not walked whole at every burst. */
  function overflowed(): 'all' {
    backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(delay, backoffMs * 2));
    return 'all';
  }

  function take(): DomChanges | null {
    const batch = records;
    const wasOverflow = overflow;
    const wasAll = all;
    records = [];
    overflow = false;
    all = false;
    if (wasOverflow) return overflowed();
    const roots = rootsOf(batch, watch);
    if (roots.length > limit) return overflowed();
    backoffMs = 0;
    if (wasAll) return 'all';
    return roots.length > 0 ? roots : null;
  }

  return {
    take,
    changesText: () => overflow || all || rootsOf(records, watch).length > 0,
    markAllChanged: () => {
      all = true;
      schedule();
    },
    withoutObserving: (write) => {
      // The page's own changes so far are kept; the ones `write` causes are dropped.
      record(observer.takeRecords());
      try {
        write();
      } finally {
        observer.takeRecords();
      }
    },
  };
}
