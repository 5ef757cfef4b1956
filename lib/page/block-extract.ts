import type { BlockRecord, BlockStore, TextRun } from './block-record';
import type { ExtractOptions, TextSegment } from './extract-text';
import { attributeHiddenPredicate } from './hidden';
import { NON_TEXT_TAGS } from './non-text-tags';
import { isOwnElement } from './own-elements';
import { isBlockElement, isEditable, MAX_TEXT_NODE_CHARS } from './text-elements';

/** Nodes visited between two yields, counted across the walks of one pass. */
export interface WalkPace {
  readonly stepNodes: number;
  visited: number;
}

/** A pace of `stepNodes` nodes a step (256 by default), for the walks of one pass. */
export const walkPace = (stepNodes = 256): WalkPace => ({ stepNodes, visited: 0 });
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

const isRun = (item: TextRun | BlockRecord): item is TextRun => item.kind === 'run';

/** Collects one run's text nodes; {@link end} turns them into a run (or nothing, if all space). */
class RunBuilder {
  private parts: string[] = [];
  private segments: TextSegment[] = [];
  private length = 0;
  // Extent of the visible text collected; -1 while it holds no visible character.
  private first = -1;
  private last = -1;

  /** Adds a text node; space before the run's first visible character belongs to no run. */
  add(node: Text): void {
    const data = node.data;
    if (data.length === 0) return;
    const firstVisible = data.search(/\S/);
    if (firstVisible < 0 && this.first < 0) return;
    if (firstVisible >= 0) {
      if (this.first < 0) this.first = this.length + firstVisible;
      let last = data.length - 1;
      while (last > 0 && /\s/.test(data.charAt(last))) last -= 1;
      this.last = this.length + last + 1;
    }
    this.segments.push({ node, start: this.length, length: data.length });
    this.parts.push(data);
    this.length += data.length;
  }

  /** The run collected since the last call, if it has visible text. */
  end(): TextRun | null {
    const { first, last, segments, length } = this;
    const full = this.parts.length === 1 ? (this.parts[0] ?? '') : this.parts.join('');
    this.parts = [];
    this.segments = [];
    this.length = 0;
    this.first = -1;
    if (first < 0) return null;
    // Offsets relative to the visible text, which is what the matcher and anchors read.
    for (const segment of segments) segment.start -= first;
    return {
      kind: 'run',
      text: full.slice(first, last),
      lead: first,
      length,
      segments,
      scan: null,
      anchors: null,
    };
  }
}

/**
 * Whether a listed block is hidden now, judged as the walk of its parent judges it.
 * @param record a block with a parent
 * @param options extraction options
 */
export function hiddenNow(record: BlockRecord, options: ExtractOptions): boolean {
  const inside = (record.deferred && !record.defers) || record.parent?.deferred === true;
  const hidden = inside ? (options.insideDeferred ?? attributeHiddenPredicate) : options.isHidden;
  return hidden(record.element);
}

/**
 * Walks a block's own content again: its text, in runs, and its child blocks, whose records it
 * lists without entering them. A child block listed last time keeps its record, and is not asked
 * whether it is hidden unless the store was told it changed. Runs whose text did not change
 * keep their last match. Skips what extraction skips (extract-text.ts): scripts, form fields,
 * editable regions, hidden elements, Claimnote's own UI. Yields every few hundred nodes; the DOM
 * must not change between steps (a change is recorded, and marks the block dirty again).
 * @param record the block to walk, dirty or of an older generation
 * @param store the page's records
 * @param options environment: hidden-element predicate, own-UI predicate, deferred rendering
 * @param pace nodes to visit between yields, shared by the walks of a pass
 */
export function* walkBlock(
  record: BlockRecord,
  store: BlockStore,
  options: ExtractOptions,
  pace: WalkPace = walkPace(),
): Generator<void, void, void> {
  const isOwn = options.isOwnElement ?? isOwnElement;
  const insideDeferred = options.insideDeferred ?? attributeHiddenPredicate;
  const root = record.element;
  const recheck = record.generation === store.generation ? record.recheck : 'all';
  const items: (TextRun | BlockRecord)[] = [];
  const runs = new RunBuilder();
  const endRun = () => {
    const run = runs.end();
    if (run !== null) items.push(run);
  };
  // The outermost element that defers rendering and that the walk is inside, if any.
  let deferredRoot: Node | null = record.deferred ? root : null;

  // Hidden elements with content, judged by computed style (not by markup inside deferred ones).
  const skipped: Element[] = [];
  /** Whether an element is hidden; notes an element that defers rendering its content. */
  const hidden = (element: Element): boolean => {
    if (deferredRoot !== null) return insideDeferred(element);
    if (options.isHidden(element)) {
      if (element.firstChild !== null) skipped.push(element);
      return true;
    }
    if (element.firstElementChild !== null && options.defersRendering?.(element)) deferredRoot = element;
    return false;
  };

  /** The record of a visible child block, or null when it is hidden. */
  const childBlock = (element: Element): BlockRecord | null => {
    const inside = deferredRoot !== null;
    let child = store.get(element);
    const unchanged = child?.parent === record && recheck !== 'all' && !recheck?.has(element);
    if (child === undefined || !unchanged) {
      if (hidden(element)) return null;
      const defers = deferredRoot === element;
      if (defers) deferredRoot = null;
      child = store.obtain(element);
      child.defers = defers;
    }
    const deferred = inside || child.defers;
    if (child.deferred !== deferred) {
      child.deferred = deferred;
      child.dirty = true;
    }
    child.parent = record;
    return child;
  };

  let complete = true;
  let node: Node | null = root.firstChild;
  while (node !== null) {
    let descend = false;
    if (node.nodeType === TEXT_NODE) {
      const text = node as Text;
      // Longer ones are data blobs: skipped unread, and kept apart from the text around them.
      if (text.length > MAX_TEXT_NODE_CHARS) endRun();
      else runs.add(text);
    } else if (node.nodeType === ELEMENT_NODE) {
      const element = node as Element;
      const tag = element.localName;
      const block = isBlockElement(element);
      if (tag === 'br') {
        endRun();
      } else if (NON_TEXT_TAGS.has(tag) || isOwn(element) || isEditable(element)) {
        // A hidden paragraph still separates the visible text around it.
        if (block) endRun();
      } else if (block) {
        endRun();
        const child = childBlock(element);
        if (child !== null) items.push(child);
      } else {
        descend = !hidden(element) && element.firstChild !== null;
      }
    }

    pace.visited += 1;
    if (pace.visited % pace.stepNodes === 0) yield;

    if (descend && node.firstChild !== null) {
      node = node.firstChild;
      continue;
    }
    if (node === deferredRoot) deferredRoot = null;
    while (node !== null && node !== root && node.nextSibling === null) {
      node = node.parentNode;
      if (node === deferredRoot && node !== root) deferredRoot = null;
    }
    // Reaching no parent means the walk left the block: the DOM changed between steps.
    if (node === null) complete = false;
    if (node === null || node === root) break;
    node = node.nextSibling;
  }
  endRun();
  finishWalk(record, items, store);
  store.setHidden(record, skipped);
  // A walk the page changed under is walked again at the next update.
  record.dirty = !complete;
}

/** Stores a walk's items: unlisted children lose their parent, unchanged runs keep their match. */
function finishWalk(record: BlockRecord, items: (TextRun | BlockRecord)[], store: BlockStore): void {
  const listed = new Set<BlockRecord>();
  for (const item of items) if (item.kind === 'block') listed.add(item);
  for (const item of record.items) {
    if (item.kind === 'block' && item.parent === record && !listed.has(item)) item.parent = null;
  }
  const before = record.items.filter(isRun);
  const after = items.filter(isRun);
  // An edit changes one run in place or adds or removes some: compare from both ends.
  const common = Math.min(before.length, after.length);
  let head = 0;
  for (; head < common; head += 1) {
    const old = before[head] as TextRun;
    const run = after[head] as TextRun;
    if (old.text !== run.text) break;
    run.scan = old.scan;
  }
  for (let tail = 1; tail <= common - head; tail += 1) {
    const old = before[before.length - tail] as TextRun;
    const run = after[after.length - tail] as TextRun;
    if (old.text !== run.text) break;
    run.scan = old.scan;
  }
  record.items = items;
  record.recheck = null;
  record.generation = store.generation;
}
