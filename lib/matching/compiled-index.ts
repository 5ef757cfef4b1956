import type { Verdict } from '../claims/schema';
import type { CompiledLanguage } from './compile-language';
import type { LexicalTables } from './lexical-tables';
import type { RelevanceGateSpec } from './relevance-gate';

/** One claim wording, with its terms resolved to ids in `CompiledIndex.terms`. */
export interface CompiledPattern {
  claimId: string;
  verdict: Verdict;
  /** Whether the sentence must be about intrathecal therapy (see the claim schema). */
  subject: 'intrathecal' | 'self';
  /** Term ids per group; one term of each group must occur within `window` tokens. */
  groups: number[][];
  /** Term ids that veto the pattern anywhere in the sentence. */
  none: number[];
  negated: boolean;
  window: number;
  /** The rules-file line the pattern was compiled from: what "why this matched" shows. */
  source?: { file: string; line: number; text: string };
}

/**
 * The claim list compiled for the matcher: plain JSON, so it is built once at build time and
 * loaded as data by the content script.
 */
export interface CompiledIndex {
  version: string;
  /** Every distinct term as its stem sequence; a term id is its position here. */
  terms: string[][];
  patterns: CompiledPattern[];
  /** Term ids of the built-in word classes the matcher's rules use. */
  classes: {
    /** Names intrathecal therapy. */
    intrathecal: number[];
    /** Names another device that becomes the passage's topic (insulin pump, stimulator). */
    otherDevice: number[];
    /** Names another therapy only for its own sentence (epidural injection, oral pills). */
    otherTherapy: number[];
    negation: number[];
    /** Phrases that contain a negation word but do not negate ("not only"). */
    negationException: number[];
    /** Frames that report a claim in order to correct it ("it is a myth that"). */
    correction: number[];
    /** Names of the drugs and devices that `self`-subject claims are about. */
    entity: number[];
    /** Words that refer back to the entity named in the previous sentence ("it", "this drug"). */
    referent: number[];
    /** A device named without saying which ("the pump"). */
    barePump: number[];
  };
  /**
   * Lowercase anchor words (`@relevance`): every `@intrathecal` term holds one, which the
   * compiler checks. The page's cheap check is the relevance gate, not these.
   */
  relevanceWords: string[];
  /** The relevance gate: a page that fails it never loads the scanner (relevance-gate.ts). */
  relevanceGate: RelevanceGateSpec;
  /** The language's word lists (abbreviations, contractions, clause words), from the lexicon. */
  language: CompiledLanguage;
  /** Look-up tables of the lexical stage, built at compile time (see `buildLexicalTables`). */
  tables: LexicalTables;
}
