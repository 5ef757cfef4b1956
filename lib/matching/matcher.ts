import type { CompiledIndex } from './compiled-index';
import {
  type DiscourseState,
  INITIAL_DISCOURSE,
  NO_FACTS,
  nextDiscourse,
  referentHits,
  sentenceFacts,
} from './discourse';
import { toFinding } from './finding';
import { createLanguage } from './language';
import { createLexicon } from './lexical-hits';
import { createPatternCover } from './pattern-cover';
import { evaluateRules } from './rules';
import { type SentenceSpan, splitSentences } from './sentences';
import { tokenize } from './tokenize';
import type { Finding, TextBlock, TextDocument } from './types';

/** One block's findings and the discourse state after it (see {@link Matcher.scanBlock}). */
export interface BlockScan {
  findings: Finding[];
  /** What "the pump" and "it" refer to after the block's last sentence. */
  after: DiscourseState;
}

/** Finds claim statements in text. DOM-free: the same code runs in the page, the CLI and tests. */
export interface Matcher {
  /** All findings, in text order. */
  scan(doc: TextDocument): Finding[];
  /**
   * The same findings, one block at a time, so that a caller can slice the work by a time
   * budget. What "the pump" refers to carries from block to block. Yields each block's findings.
   */
  scanIncrementally(doc: TextDocument): Generator<Finding[], void, void>;
  /**
   * Matches one block on its own, starting from the discourse state the blocks before it left
   * (`INITIAL_DISCOURSE` for the first): a caller that keeps each block's state can rematch only
   * the blocks that changed, and the blocks after them until the state they see is unchanged.
   * @param text the text holding the block (often the block's own text)
   * @param block the block's range in `text`
   * @param before the discourse state after the previous block
   * @returns findings with offsets into `text`, and the state after the block
   */
  scanBlock(text: string, block: TextBlock, before: DiscourseState): BlockScan;
}

// A question does not state its claim ("Does the pump deliver drug to the brain?").
const ENDS_AS_QUESTION = /\?["'”’)\]]*$/;
const NO_FINDINGS: readonly Finding[] = [];

/**
 * Builds a matcher over a compiled claim list by wiring its stages: sentences → tokens →
 * lexical hits → discourse state → rule evaluation → findings with their reasons. Every table
 * comes ready-made from the index, so this costs next to nothing in each frame of a page.
 * @param index the output of `compileIndex`, usually from the build-time claim bundle
 * @returns a matcher; it keeps no state between calls
 */
export function createMatcher(index: CompiledIndex): Matcher {
  const language = createLanguage(index.language);
  const lexicon = createLexicon(index.terms, index.tables);
  const patternCover = createPatternCover(index.patterns, index.terms.length, lexicon);

  // The discourse state after the last sentence matched; kept here, not returned in an object
  // per sentence.
  let after: DiscourseState = INITIAL_DISCOURSE;

  /** The findings of one sentence (often {@link NO_FINDINGS}); sets `after`. */
  function matchSentence(text: string, sentence: SentenceSpan, state: DiscourseState): readonly Finding[] {
    const tokens = tokenize(text, sentence.start, sentence.end, language.tokens);
    const named = lexicon.findHits(tokens);
    if (named.length === 0) {
      after = nextDiscourse(state, NO_FACTS);
      return NO_FINDINGS;
    }
    const facts = sentenceFacts(named, lexicon);
    after = nextDiscourse(state, facts);
    const standIns = referentHits(named, state, lexicon);
    // Hits must stay in text order for the window sweep.
    const hits =
      standIns.length === 0 ? named : [...named, ...standIns].sort((a, b) => a.from - b.from || a.to - b.to);
    // Most sentences name a few terms but no pattern's every group: they end here, before
    // the question test or any rule is looked at.
    const candidates = patternCover.cover(hits);
    if (candidates.length === 0) return NO_FINDINGS;
    const raw = text.slice(sentence.start, sentence.end);
    if (ENDS_AS_QUESTION.test(raw) && !language.isClaimQuestion(tokens)) return NO_FINDINGS;

    const matches = evaluateRules(
      { tokens, named, hits, facts, state, candidates, present: patternCover.present },
      index.patterns,
      lexicon,
      language.opensClause,
    );
    const findings = matches.flatMap((match) => {
      const pattern = index.patterns[match.pattern];
      return pattern
        ? [toFinding(text, sentence, tokens, match, pattern, index.terms, language.opensClause)]
        : [];
    });
    // Within an over-long sentence findings are quoted by clause, so keep them in text order.
    findings.sort((a, b) => a.start - b.start || a.end - b.end);
    return findings;
  }

  function scanBlock(text: string, block: TextBlock, before: DiscourseState): BlockScan {
    let state = before;
    const findings: Finding[] = [];
    for (const sentence of splitSentences(text, block, language.sentences)) {
      const found = matchSentence(text, sentence, state);
      state = after;
      if (found.length > 0) findings.push(...found);
    }
    return { findings, after: state };
  }

  function* scanIncrementally(doc: TextDocument): Generator<Finding[], void, void> {
    let state = INITIAL_DISCOURSE;
    for (const block of doc.blocks) {
      const scanned = scanBlock(doc.text, block, state);
      state = scanned.after;
      yield scanned.findings;
    }
  }

  return {
    scan(doc) {
      const all: Finding[] = [];
      for (const findings of scanIncrementally(doc)) all.push(...findings);
      return all;
    },
    scanIncrementally,
    scanBlock,
  };
}
