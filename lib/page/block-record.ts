import type { DiscourseState } from '../matching/discourse';
import type { Finding } from '../matching/types';
import type { RunAnchor } from './block-anchor';
import type { TextSegment } from './extract-text';

/** How a run was last matched; reused while the discourse state before it is the same. */
export interface RunScan {
  before: DiscourseState;
  after: DiscourseState;
  /** Findings with offsets into the run's `text`. */
  findings: Finding[];
}

/**
 * A run of inline text between two block boundaries (a block element's start or end, a `<br>`,
 * a hidden block): one `TextBlock` of the page text, the unit the matcher sees.
 */
export interface TextRun {
  readonly kind: 'run';
  /** From the first to the last visible character. */
  readonly text: string;
  /** Characters of the run before `text` starts (leading space of its first node). */
  readonly lead: number;
  /** Characters of all its text nodes, trailing space included: its length in the page text. */
  readonly length: number;
  /** Its text nodes, with starts relative to `text` (so the first may start below 0). */
  readonly segments: readonly TextSegment[];
  scan: RunScan | null;
  /** Where the findings of `scan` sit in the DOM and what identifies them; null until asked. */
  anchors: RunAnchor[] | null;
}

/**
 * A block element and its own content: the runs and child blocks between its start and its end,
 * in order. Child blocks have records of their own, so a change inside one of them leaves this
 * record's runs alone.
 */
export interface BlockRecord {
  readonly kind: 'block';
  /** The element's, for its life in the page (whatever store records it): part of finding keys. */
  readonly id: number;
  readonly element: Element;
  /** The record whose last walk listed this block; null while it is hidden or removed. */
  parent: BlockRecord | null;
  /** It defers rendering its content (`content-visibility: auto`). */
  defers: boolean;
  /** It or an ancestor defers rendering: its descendants are judged by markup alone. */
  deferred: boolean;
  /** Its own content must be walked again. */
  dirty: boolean;
  /** Child blocks whose visibility that walk must read again, beside new ones; `all` for every one. */
  recheck: Set<Element> | 'all' | null;
  /** The {@link BlockStore.generation} its content was last walked in. */
  generation: number;
  items: readonly (TextRun | BlockRecord)[];
  /** Elements with content that its last walk skipped as hidden (see {@link BlockStore.hiddenIn}). */
  hidden: readonly Element[];
}

const DIALOG_LIKE = new Set(['details', 'dialog']);

/**
 * Hidden elements kept for {@link BlockStore.hiddenIn}: a page hiding more (templates, a
 * mega-menu per item) is not followed beyond this, so a reveal check stays a few milliseconds.
 */
export const MAX_HIDDEN_KEPT = 2000;

// Ids by element for the life of the content script, not of one store: a document rebuilt
// after the body was replaced or built afresh (tests) gives the same element the same id.
const elementIds = new WeakMap<Element, number>();
let nextElementId = 1;

/** A number that stays with `element` while it exists. */
function idOf(element: Element): number {
  let id = elementIds.get(element);
  if (id === undefined) {
    id = nextElementId;
    nextElementId += 1;
    elementIds.set(element, id);
  }
  return id;
}

/**
 * The records of a page's blocks, by element, and what changed since they were walked. A change
 * marks the nearest recorded block around it (its own content changed) and, for an element, the
 * block that lists it (its visibility or place may have changed).
 */
export class BlockStore {
  private records = new WeakMap<Element, BlockRecord>();
  /** Goes up by one on {@link markAllChanged}: records of older generations are walked again. */
  generation = 0;
  root: BlockRecord | null = null;
  /** Listed blocks that were changed themselves: whether they are still visible is read once. */
  private listedChanged = new Set<BlockRecord>();
  /**
   * Hidden elements by the block whose walk skipped them. A class or style change that shows
   * one ("read more", a tab, an accordion) is not something the DOM watcher records, so they are
   * asked again after the reader interacts (active-scan.ts).
   */
  readonly hiddenIn = new Map<Element, BlockRecord>();

  /** The record of `element`, if it has one. */
  get(element: Element): BlockRecord | undefined {
    return this.records.get(element);
  }

  /** The record of `element`, made (dirty, unlisted) when it has none. */
  obtain(element: Element): BlockRecord {
    let record = this.records.get(element);
    if (record === undefined) {
      record = {
        kind: 'block',
        id: idOf(element),
        element,
        parent: null,
        defers: false,
        deferred: false,
        dirty: true,
        recheck: 'all',
        generation: this.generation,
        items: [],
        hidden: [],
      };
      this.records.set(element, record);
    }
    return record;
  }

  /**
   * The root's record; a new root (the page replaced `document.body`) forgets every record.
   * @param element the root element of this pass
   */
  rootFor(element: Element): BlockRecord {
    if (this.root?.element !== element) {
      this.records = new WeakMap();
      this.listedChanged.clear();
      this.hiddenIn.clear();
      this.root = this.obtain(element);
    }
    return this.root;
  }

  /** Whether a record's own content must be walked before it is read. */
  needsWalk(record: BlockRecord): boolean {
    return record.dirty || record.generation !== this.generation;
  }

  /**
   * Marks what the nodes' changes may have touched. Disconnected nodes are ignored: their old
   * parent, which the DOM watcher reports too, is what changed.
   * @param nodes connected nodes under which visible text may have changed
   */
  markChanged(nodes: readonly Node[]): void {
    for (const node of nodes) {
      if (!node.isConnected) continue;
      if (node.nodeType === 1) {
        const element = node as Element;
        const own = this.records.get(element);
        // `open` on details and dialogs shows or hides every child.
        if (own !== undefined) this.markDirty(own, DIALOG_LIKE.has(element.localName) ? 'all' : null);
        if (own?.parent != null) {
          // Most often the parent of a childList change, whose own content is all that changed;
          // the block listing it is walked again only if it was hidden (takeListedChanges).
          this.listedChanged.add(own);
        } else {
          const owner = this.ownerOf(element.parentNode);
          if (owner !== null) this.markDirty(owner, element);
        }
      } else {
        const owner = this.ownerOf(node.parentNode);
        if (owner !== null) this.markDirty(owner, null);
      }
    }
  }

  /**
   * The listed blocks changed themselves since the last call. The caller reads whether each is
   * still visible and, for one hidden now, calls {@link markChildChanged}.
   */
  takeListedChanges(): BlockRecord[] {
    const changed = [...this.listedChanged];
    this.listedChanged.clear();
    return changed;
  }

  /**
   * Marks `parent` for a walk that reads again whether `child` is visible.
   * @param parent the block listing the child
   * @param child a child block's element
   */
  markChildChanged(parent: BlockRecord, child: Element): void {
    this.markDirty(parent, child);
  }

  /**
   * Keeps the hidden elements of a record's new walk in place of those of its last one.
   * @param record the block just walked
   * @param hidden the elements with content its walk skipped as hidden
   */
  setHidden(record: BlockRecord, hidden: readonly Element[]): void {
    // Most blocks hide nothing, before or after: no work and no array per walk for them.
    if (record.hidden.length === 0 && hidden.length === 0) return;
    for (const element of record.hidden) {
      if (this.hiddenIn.get(element) === record) this.hiddenIn.delete(element);
    }
    const kept: Element[] = [];
    for (const element of hidden) {
      if (this.hiddenIn.size >= MAX_HIDDEN_KEPT) break;
      this.hiddenIn.set(element, record);
      kept.push(element);
    }
    record.hidden = kept;
  }

  /** Every record is walked again at the next update (a batch too large to list, a navigation). */
  markAllChanged(): void {
    this.generation += 1;
  }

  /** The nearest recorded block at or above `node`, or null outside the recorded tree. */
  private ownerOf(node: Node | null): BlockRecord | null {
    for (let current = node; current !== null; current = current.parentNode) {
      if (current.nodeType !== 1) continue;
      const record = this.records.get(current as Element);
      if (record !== undefined) return record;
    }
    return null;
  }

  private markDirty(record: BlockRecord, recheck: Element | 'all' | null): void {
    record.dirty = true;
    if (recheck === 'all') record.recheck = 'all';
    else if (recheck !== null && record.recheck !== 'all') {
      record.recheck ??= new Set();
      record.recheck.add(recheck);
    }
  }
}
