import { type CompiledLanguage, tokenRulesOf } from './compile-language';
import type { SentenceRules } from './sentence-ends';
import type { Token, TokenRules } from './tokenize';

/** The compiled language lists in the form the matcher's stages read them. */
export interface Language {
  sentences: SentenceRules;
  tokens: TokenRules;
  /** True when a token starts a new clause: after clause punctuation, or a conjunction ("but"). */
  opensClause(token: Token): boolean;
  /** True when the sentence's tokens begin with a question that states a claim ("Did you know …?"). */
  isClaimQuestion(tokens: readonly Token[]): boolean;
}

/**
 * Wraps the compiled language lists; a few dozen words, so the sets cost nothing to build.
 * @param compiled `CompiledIndex.language`
 * @returns the runtime form
 */
export function createLanguage(compiled: CompiledLanguage): Language {
  const clauseWords = new Set(compiled.clauseWords);
  return {
    sentences: {
      abbreviations: new Set(compiled.abbreviations),
      numberAbbreviations: new Set(compiled.numberAbbreviations),
    },
    tokens: tokenRulesOf(compiled),
    opensClause: (token) => token.clauseBreak || clauseWords.has(token.stem),
    isClaimQuestion: (tokens) =>
      compiled.questionClaimOpeners.some((opener) => opener.every((s, k) => tokens[k]?.stem === s)),
  };
}
