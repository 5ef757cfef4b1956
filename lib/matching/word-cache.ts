/**
 * The tokenizer's memo: the stems of each word as written, looked up straight from the text's
 * char codes, so that a word seen before costs neither a slice nor a string hash. Open
 * addressing; the table starts small (a matcher lives in every frame of a page) and doubles up
 * to a bound. Once it holds {@link MAX_WORDS} words it starts over, so a page of random "words"
 * costs the same per word as prose and memory stays bounded.
 */

/** A word's stem, or the stems of a contraction ("doesn't" → "doe", "not"). */
export type CachedStems = string | readonly string[];

const INITIAL_SLOTS = 1 << 10;
/** Words held before the table starts over (the table then has twice as many slots or more). */
export const MAX_WORDS = 16_384;

/** The hash of `text[start, end)` that {@link WordCache} keys by (FNV-1a over UTF-16 code units). */
export function hashWord(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return h;
}

function sameChars(word: string, text: string, start: number): boolean {
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

/** A bounded table from words as written to their stems. */
export class WordCache {
  private words: (string | undefined)[] = new Array(INITIAL_SLOTS).fill(undefined);
  private stems: (CachedStems | undefined)[] = new Array(INITIAL_SLOTS).fill(undefined);
  private hashes = new Int32Array(INITIAL_SLOTS);
  private size = 0;

  /**
   * The stems of `text[start, end)` if it was added, else undefined.
   * @param hash `hashWord(text, start, end)`
   */
  find(text: string, start: number, end: number, hash: number): CachedStems | undefined {
    const mask = this.words.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const word = this.words[slot];
      if (word === undefined) return undefined;
      if (this.hashes[slot] === hash && word.length === length && sameChars(word, text, start)) {
        return this.stems[slot];
      }
    }
  }

  /** Adds a word that {@link find} did not find, with its hash and stems. */
  add(word: string, hash: number, stems: CachedStems): void {
    if (this.size >= MAX_WORDS) this.reset(INITIAL_SLOTS);
    // At most half full, so that probes stay short.
    else if (2 * (this.size + 1) > this.words.length) this.grow();
    this.place(word, hash, stems);
    this.size++;
  }

  private place(word: string, hash: number, stems: CachedStems): void {
    const mask = this.words.length - 1;
    let slot = hash & mask;
    while (this.words[slot] !== undefined) slot = (slot + 1) & mask;
    this.words[slot] = word;
    this.stems[slot] = stems;
    this.hashes[slot] = hash;
  }

  private reset(slots: number): void {
    this.words = new Array(slots).fill(undefined);
    this.stems = new Array(slots).fill(undefined);
    this.hashes = new Int32Array(slots);
    this.size = 0;
  }

  private grow(): void {
    const { words, stems, hashes } = this;
    this.reset(words.length * 2);
    words.forEach((word, slot) => {
      const entry = stems[slot];
      if (word === undefined || entry === undefined) return;
      this.place(word, hashes[slot] ?? 0, entry);
      this.size++;
    });
  }
}
