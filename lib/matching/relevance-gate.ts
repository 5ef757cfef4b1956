import {
  type CompiledWordSearch,
  compileGateSearches,
  GateKind as Kind,
  type RelevanceGateSearches,
} from './relevance-gate-searches';
import { stem } from './stem';

/**
 * The relevance gate as compiled from the lexicon (`CompiledIndex.relevanceGate`): each term as
 * the stems the matcher's tokenizer produces, joined by one space ("drug deliveri pump"), which
 * ships a third smaller than nested arrays. Plain JSON, shipped alone to the content script.
 */
export interface RelevanceGateSpec {
  /** Terms that make a text relevant on their own (every intrathecal term, drug names, `@gate`). */
  open: string[];
  /**
   * Words for a pump, lower case as written (`@bare-pump`: "pump", "pumps"), which say nothing on
   * their own. Compared as written, not by stem: "pumped" and "pumping" are what hearts, fuel and
   * breast-milk pages do, and never count.
   */
  pump: string[];
  /** Terms that, near a pump word, make it relevant (`@gate-pump-context`). */
  pumpContext: string[];
  /**
   * Other devices (`@other-device`, `@gate-other-pump`): once one is named, a later bare pump is
   * that device, as it is to the matcher ("an insulin pump … the pump").
   */
  otherDevice: string[];
}

/** One pass of the gate over a text fed in order, in ranges or as several texts (text nodes). */
export interface RelevanceSession {
  /**
   * Tests `text[from, to)`. Words are read whole even where they cross `from` or `to`, so the
   * caller can step through one long text in ranges without cutting a word in two.
   * @returns true once the session has seen relevant text (stays true)
   */
  feed(text: string, from?: number, to?: number): boolean;
}

/** The cheap check that decides whether a page loads the scanner at all. */
export interface RelevanceGate {
  /** Whether this one text is relevant. */
  test(text: string): boolean;
  /** A pass that remembers a pump word and its context across calls. */
  session(): RelevanceSession;
}

/** Longest word the matcher's tokenizer reads; longer "words" are data and never match. */
const MAX_WORD = 64;
/** Longest gap between two words of a term that is still read as one term. */
const MAX_GAP = 64;
/**
 * Farthest a pump word and its context may be apart, in characters: a few sentences ("I was
 * afraid of opioids. My doctor said the pump solves that").
 */
export const PUMP_CONTEXT_CHARS = 400;

/**
 * Made at the first character past ASCII, not at start: in Chromium's isolated world, making
 * this RegExp (a literal at the top of the module) took 0.13 ms on every page.
 */
let wordCharPattern: RegExp | null = null;
/** A letter or digit, as the tokenizer's words are made of; ASCII without a RegExp. */
function isWordChar(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128)
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  if (wordCharPattern === null) wordCharPattern = /[\p{L}\p{N}]/u;
  return wordCharPattern.test(c);
}
function isLower(c: string): boolean {
  const code = c.charCodeAt(0);
  return code < 128 ? code >= 97 && code <= 122 : c !== c.toUpperCase();
}
function isUpper(c: string): boolean {
  const code = c.charCodeAt(0);
  return code < 128 ? code >= 65 && code <= 90 : c !== c.toLowerCase();
}

/**
 * Whether a word boundary falls between `text[i - 1]` and `text[i]`, two word characters: where
 * text nodes were joined without space ("PumpOur", "MORPHINEThe"), which `textContent` does for
 * a heading followed by a paragraph. Lower case followed by upper case, or an upper-case run
 * followed by a capitalized word.
 */
function isCaseBoundary(text: string, i: number): boolean {
  const before = text.charAt(i - 1);
  const here = text.charAt(i);
  if (!isUpper(here)) return false;
  return isLower(before) || (isUpper(before) && isLower(text.charAt(i + 1)));
}

// The tokenizer's folding: lower case without accents.
function fold(word: string): string {
  const lower = word.toLowerCase();
  return /[^ -~]/.test(lower) ? lower.normalize('NFD').replace(/\p{M}+/gu, '') : lower;
}

/**
 * The end of the word that starts at `start`, or -1 when it is longer than the tokenizer reads.
 * @param splitCase whether a change of case ends the word (see {@link isCaseBoundary})
 */
function wordEnd(text: string, start: number, splitCase: boolean): number {
  let end = start + 1;
  while (end < text.length && isWordChar(text.charAt(end)) && !(splitCase && isCaseBoundary(text, end))) {
    end += 1;
    if (end - start > MAX_WORD) return -1;
  }
  return end;
}

/** The first character of the word that ends at `end` (exclusive). */
function wordStart(text: string, end: number): number {
  let start = end - 1;
  while (start > 0 && isWordChar(text.charAt(start - 1)) && !isCaseBoundary(text, start)) {
    start -= 1;
    if (end - start > MAX_WORD) break;
  }
  return start;
}

/**
 * The stem and start of the word before the word that starts at `position`, as the tokenizer
 * reads it: across any gap of punctuation or space, and by its head when it has an apostrophe
 * tail ("patient's" is "patient").
 */
function previousWord(text: string, position: number): { stem: string; start: number } | null {
  let end = position;
  // No gap only where text nodes were joined without space ("PainPump" reads as two words).
  if (!(end > 0 && isCaseBoundary(text, end) && isWordChar(text.charAt(end - 1)))) {
    while (end > 0 && !isWordChar(text.charAt(end - 1))) {
      end -= 1;
      if (position - end > MAX_GAP) return null;
    }
    if (end === 0 || end === position) return null;
  }
  let start = wordStart(text, end);
  const apostrophe = text.charAt(start - 1);
  if ((apostrophe === "'" || apostrophe === '’') && isWordChar(text.charAt(start - 2))) {
    end = start - 1;
    start = wordStart(text, end);
  }
  if (end - start > MAX_WORD) return null;
  return { stem: stem(fold(text.slice(start, end))), start };
}

interface Entry {
  kind: Kind;
  /** The stems before the last one, last first. */
  before: string[];
}

/**
 * Builds the relevance gate from its spec (tests and tools; the content script gets the
 * searches built at build time, see {@link relevanceGateFromSearches}).
 * @param spec the compiled gate
 * @returns the gate; always closed when `spec.open` and `spec.pumpContext` are empty
 */
export function createRelevanceGate(spec: RelevanceGateSpec): RelevanceGate {
  return relevanceGateFromSearches(compileGateSearches(spec));
}

/**
 * The relevance gate over searches built ahead (lib/matching/relevance-gate-searches.ts). One
 * case-insensitive RegExp finds the places where a term's last word may start; only there is
 * the word read whole, stemmed as the matcher stems it, and the words before it compared, so
 * "pumpkin", "pumped up" (no context) or "gastropump" cost a lookup and open nothing. A bare
 * pump word opens the gate only with a context term at most {@link PUMP_CONTEXT_CHARS} away in
 * the same text, and only while no other device has been named.
 * Limits, all on the side of opening less: the last word of a term must start with its stem's
 * letters as written (an accent inside them hides the word), and words more than 64 characters of
 * punctuation apart are not read as one term.
 *
 * Nothing is built until used, as this runs on every page: the first text builds the first
 * search's RegExp; its terms, the pump words and the other two searches wait for a word that
 * may be a term.
 * @param searches the gate's searches, as built by `compileGateSearches`
 */
export function relevanceGateFromSearches(searches: RelevanceGateSearches): RelevanceGate {
  const built: BuiltSearches = {
    pump: searches.pump,
    pumpWords: null,
    main: new WordSearch(searches.main),
    context: new WordSearch(searches.context),
    other: new WordSearch(searches.other),
  };
  const session = () => new GateSession(built);
  return { test: (text) => session().feed(text), session };
}

interface BuiltSearches {
  readonly pump: readonly string[];
  /** `pump` as a Set, made at the first bare pump. */
  pumpWords: ReadonlySet<string> | null;
  readonly main: WordSearch;
  readonly context: WordSearch;
  readonly other: WordSearch;
}

/**
 * One pass of the gate. A class, not closures: the browser compiles a method when it first
 * runs, so on a page without a possible term only `feed` is ever compiled.
 */
class GateSession implements RelevanceSession {
  private relevant = false;
  private otherDeviceNamed = false;
  // Progress of the searches around pumps in `current`, so each part of it is read once.
  private current: string | null = null;
  private otherReadTo = 0;
  private contextReadTo = 0;
  private contextAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly searches: BuiltSearches) {}

  feed(text: string, from = 0, to = text.length): boolean {
    if (this.relevant) return true;
    if (text !== this.current) {
      this.current = text;
      this.otherReadTo = 0;
      this.contextReadTo = 0;
      this.contextAt = Number.NEGATIVE_INFINITY;
    }
    this.relevant = this.searches.main.scan(text, from, to, (start, word, kinds) =>
      this.opens(text, start, word, kinds),
    );
    return this.relevant;
  }

  /** Whether a term found by the first search opens the gate. */
  private opens(text: string, start: number, word: string, kinds: ReadonlySet<Kind>): boolean {
    if (kinds.has(Kind.Open)) return true;
    // As for the matcher, "pump" inside a device's name ("breast pump") is not bare.
    if (!kinds.has(Kind.Pump) || kinds.has(Kind.Other)) return false;
    const searches = this.searches;
    if (searches.pumpWords === null) searches.pumpWords = new Set(searches.pump);
    if (!searches.pumpWords.has(word)) return false;
    return !this.otherDeviceBefore(text, start) && this.hasContextNear(text, start);
  }

  /** Whether a bare pump at `at` has context near it; reads each stretch of text once. */
  private hasContextNear(text: string, at: number): boolean {
    if (Math.abs(at - this.contextAt) <= PUMP_CONTEXT_CHARS) return true;
    const to = Math.min(text.length, at + PUMP_CONTEXT_CHARS + 1);
    const from = Math.max(this.contextReadTo, at - PUMP_CONTEXT_CHARS);
    this.contextReadTo = Math.max(this.contextReadTo, to);
    return (
      from < to &&
      this.searches.context.scan(text, from, to, (start) => {
        this.contextAt = start;
        return Math.abs(at - start) <= PUMP_CONTEXT_CHARS;
      })
    );
  }

  /** Whether another device is named before `at` (or was in an earlier text of the session). */
  private otherDeviceBefore(text: string, at: number): boolean {
    if (!this.otherDeviceNamed && this.otherReadTo < at) {
      this.otherDeviceNamed = this.searches.other.scan(text, this.otherReadTo, at, () => true);
      this.otherReadTo = at;
    }
    return this.otherDeviceNamed;
  }
}

/** Calls for each word that ends a term, with the kinds of the terms; true stops the scan. */
type TermVisit = (start: number, word: string, kinds: ReadonlySet<Kind>) => boolean;

/**
 * Terms found by one RegExp over the possible starts of their last word. The RegExp is made
 * at the first scan and the terms are read at the first possible word.
 */
class WordSearch {
  private pattern: RegExp | null = null;
  private byLastStem: Map<string, Entry[]> | null = null;

  constructor(private readonly compiled: CompiledWordSearch) {}

  /**
   * Calls `visit` for each word that starts in `text[from, to)` and ends a term (matched with
   * the words before it), with the kinds of the terms it ends, until `visit` returns true.
   * @returns whether `visit` returned true
   */
  scan(text: string, from: number, to: number, visit: TermVisit): boolean {
    if (this.compiled.pattern === '') return false;
    if (this.pattern === null) this.pattern = new RegExp(this.compiled.pattern, 'gi');
    const pattern = this.pattern;
    // A slice longer than the range by one word, so a word that starts inside it is found
    // whole; words are then read on the full text.
    const piece =
      from === 0 && to >= text.length ? text : text.slice(from, Math.min(text.length, to + MAX_WORD));
    const limit = to - from;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(piece); m !== null && m.index < limit; m = pattern.exec(piece)) {
      if (this.visitWord(text, from, from + m.index, visit)) return true;
    }
    return false;
  }

  /**
   * Reads the word at `start`, where the RegExp found a possible last word, and visits the
   * terms it ends. Sets the RegExp's `lastIndex` past the word read.
   */
  private visitWord(text: string, from: number, start: number, visit: TermVisit): boolean {
    const pattern = this.pattern as RegExp;
    if (start > 0 && isWordChar(text.charAt(start - 1)) && !isCaseBoundary(text, start)) return false;
    const end = wordEnd(text, start, false);
    if (end < 0) return false;
    pattern.lastIndex = end - from;
    // A brand written in camel case ("SynchroMed") is one word; joined text nodes are two.
    let word = fold(text.slice(start, end));
    let entries = this.entries(word);
    if (entries === undefined) {
      const split = wordEnd(text, start, true);
      if (split > 0 && split < end) {
        word = fold(text.slice(start, split));
        entries = this.entries(word);
        pattern.lastIndex = split - from;
      }
    }
    if (entries === undefined) return false;
    const before = wordsBefore(text, start);
    const kinds = new Set<Kind>();
    for (const entry of entries) {
      if (entry.before.every((expected, i) => before(i)?.stem === expected)) kinds.add(entry.kind);
    }
    // `visit` may run the other searches, each with its own RegExp, so this one resumes as set.
    return kinds.size > 0 && visit(start, word, kinds);
  }

  /** The terms whose last stem is the stem of `word`. */
  private entries(word: string): Entry[] | undefined {
    if (this.byLastStem === null) this.byLastStem = parseEnds(this.compiled.ends);
    return this.byLastStem.get(stem(word));
  }
}

/** Parses {@link CompiledWordSearch.ends}: a Map, so a page word like "constructor" finds nothing inherited. */
function parseEnds(ends: string): Map<string, Entry[]> {
  const parsed = JSON.parse(ends) as Record<string, [Kind, ...string[]][]>;
  return new Map(
    Object.entries(parsed).map(([last, entries]) => [
      last,
      entries.map(([kind, ...before]) => ({ kind, before })),
    ]),
  );
}

/** The words before one candidate, read once however many terms end in its word. */
function wordsBefore(text: string, start: number): (i: number) => { stem: string; start: number } | null {
  const read: ({ stem: string; start: number } | null)[] = [];
  return (i) => {
    while (read.length <= i) {
      const last = read.length === 0 ? { start } : read[read.length - 1];
      read.push(last === null || last === undefined ? null : previousWord(text, last.start));
    }
    return read[i] ?? null;
  };
}
