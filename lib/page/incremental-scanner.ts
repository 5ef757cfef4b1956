import type { Finding, TextBlock, TextDocument } from '../matching/types';

/** The part of the matcher the page needs (lib/matching/matcher.ts implements it). */
export interface PageMatcher {
  isRelevant(text: string): boolean;
  scanIncrementally(doc: TextDocument): Generator<Finding[], void, void>;
}

/** Findings of one pass and how much matching it took. */
export interface ScanResult {
  /** All findings, in text order, with offsets into the scanned document. */
  findings: Finding[];
  /** Blocks the matcher ran over (changed blocks plus the context before them). */
  blocksMatched: number;
  /** Blocks whose findings were reused from an earlier pass. */
  blocksReused: number;
}

/** Finding relative to its block's start, so it survives the block moving in the text. */
type CachedFinding = Omit<Finding, 'start' | 'end' | 'quote'> & { start: number; end: number };

/**
 * How far back (in blocks) a changed block looks for the passage that sets its topic
 * ("the pump" after a paragraph about intrathecal pumps). Beyond that, a pronoun-only
 * sentence in an edited block is matched without earlier context.
 */
const DEFAULT_LOOKBACK_BLOCKS = 40;
/**
 * Blocks fingerprinted between two yields. Each new block gets a relevance check, which costs
 * about as much as matching a short block; 200 per step made 50–100 ms steps on a 1 MB page.
 */
const FINGERPRINT_STEP = 16;

/**
 * Longest block the matcher is given, in characters. The matcher cannot pause inside a block,
 * and a 10 MB text node would block the page for seconds; real paragraphs are far shorter.
 */
export const MAX_BLOCK_CHARS = 100_000;
const OVERSIZED_KEY = 'oversized';

/**
 * Matches a page's text repeatedly without matching unchanged text twice. Each block is keyed
 * by its own text plus the text of the blocks between it and the nearest earlier block with
 * intrathecal vocabulary, because the matcher carries the topic ("the pump") across blocks;
 * a block whose key was seen in the previous pass reuses that pass's findings, and only runs
 * of changed blocks (with their context) go through the matcher again.
 */
export class IncrementalScanner {
  private textIds = new Map<string, number>();
  private nextTextId = 1;
  private relevantIds = new Map<number, boolean>();
  private cache = new Map<string, CachedFinding[]>();

  /**
   * @param matcher the compiled matcher
   * @param lookbackBlocks how many blocks back a changed block looks for its topic
   */
  constructor(
    private readonly matcher: PageMatcher,
    private readonly lookbackBlocks = DEFAULT_LOOKBACK_BLOCKS,
  ) {}

  /** Forgets every earlier pass (after a page navigation, so memory stays bounded). */
  reset(): void {
    this.textIds.clear();
    this.relevantIds.clear();
    this.cache.clear();
  }

  /**
   * One pass over `doc`, as a generator that yields between small steps so the caller can
   * slice it by time (see runInSlices).
   * @param doc the page text just extracted
   * @returns every finding of the page and the matching effort
   */
  *scan(doc: TextDocument): Generator<void, ScanResult, void> {
    const blocks = doc.blocks;
    const keys: string[] = [];
    const contextStarts: number[] = [];
    const ids: number[] = [];
    const nextTextIds = new Map<string, number>();
    const nextRelevant = new Map<number, boolean>();
    let lastRelevant = -1;

    for (let i = 0; i < blocks.length; i += 1) {
      const block = blocks[i] as TextBlock;
      if (block.end - block.start > MAX_BLOCK_CHARS) {
        // Not a paragraph anyone reads (a data blob, minified text): never matched, and it
        // neither sets nor breaks the topic of its neighbours.
        ids.push(0);
        contextStarts.push(i);
        keys.push(OVERSIZED_KEY);
        continue;
      }
      const text = doc.text.slice(block.start, block.end);
      let id = nextTextIds.get(text) ?? this.textIds.get(text);
      if (id === undefined) {
        id = this.nextTextId;
        this.nextTextId += 1;
      }
      nextTextIds.set(text, id);
      ids.push(id);
      let relevant = nextRelevant.get(id) ?? this.relevantIds.get(id);
      if (relevant === undefined) relevant = this.matcher.isRelevant(text);
      nextRelevant.set(id, relevant);

      const contextStart = lastRelevant >= 0 && i - lastRelevant <= this.lookbackBlocks ? lastRelevant : i;
      contextStarts.push(contextStart);
      keys.push(ids.slice(contextStart, i + 1).join(','));
      if (relevant) lastRelevant = i;
      if (i % FINGERPRINT_STEP === FINGERPRINT_STEP - 1) yield;
    }
    this.textIds = nextTextIds;
    this.relevantIds = nextRelevant;

    const nextCache = new Map<string, CachedFinding[]>();
    const perBlock: (CachedFinding[] | undefined)[] = keys.map((key) => {
      if (key === OVERSIZED_KEY) return [];
      const cached = this.cache.get(key);
      if (cached !== undefined) nextCache.set(key, cached);
      return cached;
    });
    let blocksMatched = 0;
    let blocksReused = 0;

    let i = 0;
    while (i < blocks.length) {
      if (perBlock[i] !== undefined) {
        blocksReused += 1;
        i += 1;
        continue;
      }
      let runEnd = i;
      while (runEnd + 1 < blocks.length && perBlock[runEnd + 1] === undefined) runEnd += 1;
      const from = contextStarts[i] ?? i;
      const runBlocks = blocks.slice(from, runEnd + 1).filter((b) => b.end - b.start <= MAX_BLOCK_CHARS);
      for (let b = i; b <= runEnd; b += 1) perBlock[b] = [];
      // Findings are assigned to blocks by offset rather than by yield count, so the result
      // does not depend on how the matcher groups its yields.
      let cursor = from;
      for (const found of this.matcher.scanIncrementally({ text: doc.text, blocks: runBlocks })) {
        for (const finding of found) {
          while (cursor < runEnd && finding.start >= (blocks[cursor] as TextBlock).end) cursor += 1;
          if (cursor < i) continue;
          const block = blocks[cursor] as TextBlock;
          perBlock[cursor]?.push({
            claimId: finding.claimId,
            verdict: finding.verdict,
            start: finding.start - block.start,
            end: finding.end - block.start,
            ...(finding.reason ? { reason: finding.reason } : {}),
          });
        }
        yield;
      }
      blocksMatched += runBlocks.length;
      for (let b = i; b <= runEnd; b += 1) nextCache.set(keys[b] as string, perBlock[b] ?? []);
      i = runEnd + 1;
    }
    this.cache = nextCache;

    const findings: Finding[] = [];
    blocks.forEach((block, b) => {
      for (const cached of perBlock[b] ?? []) {
        const start = block.start + cached.start;
        const end = block.start + cached.end;
        findings.push({ ...cached, start, end, quote: doc.text.slice(start, end) });
      }
    });
    return { findings, blocksMatched, blocksReused };
  }
}
