import type { CompiledPattern } from './compiled-index';
import { aboutIntrathecal, type DiscourseState, type SentenceFacts } from './discourse';
import type { Hit, Lexicon } from './lexical-hits';
import { TERM_CLASS } from './lexical-tables';
import type { Token } from './tokenize';
import { clauseStarts, countNegations, minimalWindows } from './windows';

/** What rule evaluation needs to know about one sentence. */
export interface SentenceEvidence {
  tokens: readonly Token[];
  /** Hits of terms actually in the sentence. */
  named: readonly Hit[];
  /** `named` plus stand-ins for "it", in text order. */
  hits: readonly Hit[];
  facts: SentenceFacts;
  /** The discourse state before the sentence. */
  state: DiscourseState;
  /** Patterns with a hit in every group, ascending (`PatternCover.cover` of `hits`). */
  candidates: readonly number[];
  /** Whether `hits` name the term. */
  present(term: number): boolean;
}

/** One pattern that matched, with the hits that made it match: the finding's reason. */
export interface RuleMatch {
  /** Index in `CompiledIndex.patterns`. */
  pattern: number;
  /** One hit per group, in group order. */
  chosen: Hit[];
  /** First token of the clause the match starts in; the matched tokens span [from, to]. */
  clauseStart: number;
  from: number;
  to: number;
}

/** The rule stage's view of the language: when a token opens a clause. */
export type ClauseRule = (token: Token) => boolean;

/**
 * Evaluates the candidate patterns (those with a hit in every group) against a sentence: all
 * groups within the window, no veto, the right subject, negation parity in the clause as the pattern says. At most one
 * match per claim, in pattern order. A correction frame ("it is a myth that") states nothing.
 * @param evidence the sentence
 * @param patterns `CompiledIndex.patterns`
 * @param lexicon the lexical stage
 * @param opensClause the language's clause rule
 */
export function evaluateRules(
  evidence: SentenceEvidence,
  patterns: readonly CompiledPattern[],
  lexicon: Lexicon,
  opensClause: ClauseRule,
): RuleMatch[] {
  const { tokens, named, hits, facts, state, candidates, present } = evidence;
  if (candidates.length === 0) return [];
  const foreign: Hit[] = [];
  let excepted: Set<number> | undefined;
  const negations: number[] = [];
  for (const hit of named) {
    const classes = lexicon.classesOf(hit.term);
    if (classes === 0) continue;
    if (classes & TERM_CLASS.correction) return [];
    if (classes & (TERM_CLASS.otherDevice | TERM_CLASS.otherTherapy)) foreign.push(hit);
    if (classes & TERM_CLASS.negationException) {
      excepted ??= new Set();
      for (let i = hit.from; i <= hit.to; i++) excepted.add(i);
    }
    if (classes & TERM_CLASS.negation) negations.push(hit.from);
  }
  const cues = excepted === undefined ? negations : negations.filter((from) => !excepted.has(from));
  const about = aboutIntrathecal(state, facts);

  const matched: string[] = [];
  const matches: RuleMatch[] = [];
  let clauses: Int32Array | undefined;
  for (const p of candidates) {
    const pattern = patterns[p];
    if (!pattern || matched.includes(pattern.claimId)) continue;
    if (pattern.none.some(present)) continue;
    const needsTopic = pattern.subject === 'intrathecal' && !facts.namesIntrathecal;
    if (needsTopic && !about) continue;
    // Other therapies named outside the claim's own words block the pattern unless a window
    // covers them; a window holds at most a few hits, so many such mentions rule it out at once.
    const strangers =
      foreign.length === 0 ? foreign : foreign.filter((h) => lexicon.groupsOf(p, h.term).length === 0);
    if (needsTopic && strangers.length > 8 * pattern.groups.length) continue;

    const windows = minimalWindows(pattern.groups.length, pattern.window, hits, lexicon.groupsOfPattern(p));
    for (const chosen of windows) {
      // "It is like an epidural steroid shot": another therapy may appear only as part of the claim.
      if (needsTopic && strangers.length > 0 && !strangers.every((h) => covers(chosen, h))) continue;
      const from = Math.min(...chosen.map((h) => h.from));
      const to = Math.max(...chosen.map((h) => h.to));
      clauses ??= clauseStarts(tokens, opensClause);
      const clauseStart = clauses[from] ?? 0;
      if ((countNegations(cues, clauseStart, to, chosen) % 2 === 1) !== pattern.negated) continue;
      matched.push(pattern.claimId);
      matches.push({ pattern: p, chosen, clauseStart, from, to });
      break;
    }
  }
  return matches;
}

/** Whether one of the chosen hits spans the hit `h`. */
function covers(chosen: readonly Hit[], h: Hit): boolean {
  return chosen.some((c) => h.from >= c.from && h.to <= c.to);
}
