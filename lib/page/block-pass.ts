import { type DiscourseState, INITIAL_DISCOURSE, sameDiscourse } from '../matching/discourse';
import type { BlockScan } from '../matching/matcher';
import type { TextBlock } from '../matching/types';
import { anchorRun, runSplit } from './block-anchor';
import { hiddenNow, walkBlock, walkPace } from './block-extract';
import type { BlockRecord, BlockStore, RunScan, TextRun } from './block-record';
import type { ExtractOptions } from './extract-text';
import type { AnchoredFinding } from './page-document';

/** The part of the matcher the page needs (lib/matching/matcher.ts implements it). */
export interface PageMatcher {
  scanBlock(text: string, block: TextBlock, before: DiscourseState): BlockScan;
}

/**
 * Longest run the matcher is given, in characters. The matcher cannot pause inside a block,
 * and a 10 MB text node would block the page for seconds; real paragraphs are far shorter.
 */
export const MAX_BLOCK_CHARS = 100_000;
/** Runs read between two yields when none of them needs matching. */
const RUNS_PER_STEP = 64;

/**
 * Matches a run from the state the runs before it left. A run too long to be prose is never
 * matched, and neither sets nor breaks the topic of its neighbours.
 */
function scanRun(run: TextRun, before: DiscourseState, matcher: PageMatcher): RunScan {
  if (run.text.length > MAX_BLOCK_CHARS) return { before, after: before, findings: [] };
  const { findings, after } = matcher.scanBlock(run.text, { start: 0, end: run.text.length }, before);
  return { before, after, findings };
}

/** Whether a block must be walked before its items are read: changed, or split by markers. */
function needsWalk(record: BlockRecord, store: BlockStore): boolean {
  return store.needsWalk(record) || record.items.some((item) => item.kind === 'run' && runSplit(item));
}

/**
 * One pass over the page's blocks, in document order: walks the blocks that changed, then matches
 * each run whose match is missing or was made from another discourse state than the one the
 * runs before it leave now. So an edit rematches its own runs and those after it only until the
 * topic it carries ("the pump" after a paragraph about intrathecal pumps) is what it was.
 * Offsets are those of the page text the whole-page extraction makes (runs joined by one line
 * break), so a pass gives the findings a full scan would.
 * @param store the page's records
 * @param root the root element of this pass
 * @param extract extraction options
 * @param matcher the matcher
 * @returns every finding, in text order
 */
export function* passSteps(
  store: BlockStore,
  root: Element,
  extract: ExtractOptions,
  matcher: PageMatcher,
): Generator<void, AnchoredFinding[], void> {
  const findings: AnchoredFinding[] = [];
  const seen = new Map<string, number>();
  let state = INITIAL_DISCOURSE;
  // Where the next run starts in the page text: after the last one and a line break.
  let offset = 0;
  let runs = 0;
  const pace = walkPace();
  const stack: { record: BlockRecord; next: number }[] = [];
  const enter = (record: BlockRecord) => stack.push({ record, next: 0 });

  const rootRecord = store.rootFor(root);
  for (const record of store.takeListedChanges()) {
    const parent = record.parent;
    if (parent !== null && record.element.isConnected && hiddenNow(record, extract)) {
      store.markChildChanged(parent, record.element);
    }
  }
  if (needsWalk(rootRecord, store)) yield* walkBlock(rootRecord, store, extract, pace);
  enter(rootRecord);
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { record: BlockRecord; next: number };
    const item = top.record.items[top.next];
    if (item === undefined) {
      stack.pop();
      continue;
    }
    top.next += 1;
    if (item.kind === 'block') {
      if (needsWalk(item, store)) yield* walkBlock(item, store, extract, pace);
      enter(item);
      continue;
    }
    const start = offset;
    offset += item.length + 1;
    runs += 1;
    if (item.scan === null || !sameDiscourse(item.scan.before, state)) {
      item.scan = scanRun(item, state, matcher);
      item.anchors = null;
      yield;
    } else if (runs % RUNS_PER_STEP === 0) {
      yield;
    }
    state = item.scan.after;
    if (item.scan.findings.length === 0) continue;
    item.anchors ??= anchorRun(item, top.record);
    const base = start + item.lead;
    item.scan.findings.forEach((finding, i) => {
      const anchor = item.anchors?.[i];
      if (anchor === undefined) return;
      // Equal selectors in one block (a sentence said twice in a paragraph) count in order.
      const occurrence = seen.get(anchor.key) ?? 0;
      seen.set(anchor.key, occurrence + 1);
      findings.push({
        finding: { ...finding, start: base + finding.start, end: base + finding.end },
        key: occurrence === 0 ? anchor.key : `${anchor.key}\u0000${occurrence}`,
        selector: anchor.selector,
        start: anchor.start,
        end: anchor.end,
      });
    });
  }
  return findings;
}
