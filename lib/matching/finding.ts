import type { CompiledPattern } from './compiled-index';
import type { RuleMatch } from './rules';
import type { SentenceSpan } from './sentences';
import type { Token } from './tokenize';
import type { Finding, FindingReason } from './types';
import { clauseEndOf } from './windows';

// Longer than this, a sentence is quoted by its matched clause only, so that a page without
// full stops does not turn into one enormous highlight.
const MAX_QUOTE_CHARS = 500;
// Alternatives of a group shown in a rendered rule before "…".
const SHOWN_ALTERNATIVES = 3;

/**
 * A readable rendering of a pattern when its source text is unknown:
 * "[deliver | inject | send | …] + [brain] within 15 words".
 * @param pattern the pattern
 * @param terms `CompiledIndex.terms`, to spell its term ids
 */
export function renderPattern(pattern: CompiledPattern, terms: readonly (readonly string[])[]): string {
  const groups = pattern.groups.map((group) => {
    const words = group.slice(0, SHOWN_ALTERNATIVES).map((id) => (terms[id] ?? []).join(' '));
    if (group.length > SHOWN_ALTERNATIVES) words.push('…');
    return `[${words.join(' | ')}]`;
  });
  const negated = pattern.negated ? ', negated' : '';
  return `${groups.join(' + ')} within ${pattern.window} words${negated}`;
}

/**
 * The reason of a match: the rule (its source when known) and its words as the text has them.
 * @param text the document text
 * @param tokens the sentence's tokens
 * @param match the rule match
 * @param pattern its pattern
 * @param terms `CompiledIndex.terms`
 */
export function reasonOf(
  text: string,
  tokens: readonly Token[],
  match: RuleMatch,
  pattern: CompiledPattern,
  terms: readonly (readonly string[])[],
): FindingReason {
  const spans = [...match.chosen].sort((a, b) => a.from - b.from || a.to - b.to);
  const words: string[] = [];
  for (const hit of spans) {
    const word = text.slice(tokens[hit.from]?.start ?? 0, tokens[hit.to]?.end ?? 0);
    // "It" standing in for two drugs is one word of the text.
    if (word && !words.includes(word)) words.push(word);
  }
  const { source } = pattern;
  if (!source) return { rule: renderPattern(pattern, terms), words };
  return { rule: source.text, file: source.file, line: source.line, words };
}

/**
 * The finding of a match: the sentence, or within an over-long sentence its matched clause (or
 * only the matched words), with its reason.
 * @param opensClause the language's clause rule
 */
export function toFinding(
  text: string,
  sentence: SentenceSpan,
  tokens: readonly Token[],
  match: RuleMatch,
  pattern: CompiledPattern,
  terms: readonly (readonly string[])[],
  opensClause: (token: Token) => boolean,
): Finding {
  let { start, end } = sentence;
  if (end - start > MAX_QUOTE_CHARS) {
    start = tokens[match.clauseStart]?.start ?? start;
    end = tokens[clauseEndOf(tokens, match.to, opensClause)]?.end ?? end;
    if (end - start > MAX_QUOTE_CHARS) {
      start = tokens[match.from]?.start ?? start;
      end = tokens[match.to]?.end ?? end;
    }
  }
  return {
    claimId: pattern.claimId,
    verdict: pattern.verdict,
    start,
    end,
    quote: text.slice(start, end),
    reason: reasonOf(text, tokens, match, pattern, terms),
  };
}
