import { type ContractionRule, fold, type TokenRules, termStems } from './tokenize';

/**
 * The language's own word lists, compiled from built-in lexicon concepts: what the sentence
 * splitter, the tokenizer and the clause and question rules need besides claim terms. A second
 * language changes the lexicon, not the code.
 */
export interface CompiledLanguage {
  /** `@abbreviation`, lowercase, without the final full stop ("dr", "e.g"); not stemmed. */
  abbreviations: string[];
  /** `@number-abbreviation`: abbreviations only before a number ("no" as in "No. 5"). */
  numberAbbreviations: string[];
  /** `@contraction`, folded, exact forms first ("won't" → will, not; "*n't" → *, not). */
  contractions: ContractionRule[];
  /** `@clause-word`: stems of conjunctions that open a clause for negation scope ("but"). */
  clauseWords: string[];
  /** `@question-claim-opener`: stem sequences that make a question state a claim ("did you know"). */
  questionClaimOpeners: string[][];
  /** `@irregular-form`, folded: [form, the form it stems as] ("sent" → "send"). */
  irregularForms: [string, string][];
}

/** Lexicon concept names of the language lists (see `BUILT_IN_CONCEPTS`). */
export const LANGUAGE_CONCEPTS = {
  abbreviation: 'abbreviation',
  numberAbbreviation: 'number-abbreviation',
  contraction: 'contraction',
  clauseWord: 'clause-word',
  questionClaimOpener: 'question-claim-opener',
  irregularForm: 'irregular-form',
} as const;

const abbreviation = (written: string) => fold(written.trim()).replace(/\.$/, '');

/**
 * Parses one `@contraction` entry, "written = meaning" ("won't = will not", "*n't = * not").
 * @throws {Error} naming the entry when it is malformed
 */
export function parseContraction(entry: string): ContractionRule {
  const [left, right, extra] = entry.split('=');
  const written = fold(left?.trim() ?? '');
  const words = (right ?? '').trim().split(/\s+/).filter(Boolean).map(fold);
  const stars = (written.match(/\*/g) ?? []).length;
  if (
    extra !== undefined ||
    !written ||
    words.length === 0 ||
    stars > 1 ||
    (stars === 0 && words.includes('*'))
  ) {
    throw new Error(`lexicon: @contraction "${entry}" must read "written = meaning" with at most one *`);
  }
  return { written, words };
}

/**
 * Parses one `@irregular-form` entry, "form = base" ("sent = send").
 * @throws {Error} naming the entry when it is malformed
 */
export function parseIrregularForm(entry: string): [string, string] {
  const parts = entry.split('=').map((part) => fold(part.trim()));
  const [form, base] = parts;
  if (parts.length !== 2 || !form || !base || /\s/.test(form) || /\s/.test(base)) {
    throw new Error(`lexicon: @irregular-form "${entry}" must read "form = base", one word each`);
  }
  return [form, base];
}

/**
 * The tokenizer's rules from compiled language lists (Maps are built here, at run time).
 * @param language the compiled lists
 */
export function tokenRulesOf(
  language: Pick<CompiledLanguage, 'contractions' | 'irregularForms'>,
): TokenRules {
  return { contractions: language.contractions, irregular: new Map(language.irregularForms) };
}

/**
 * Compiles the language concepts of a lexicon. Missing concepts compile to empty lists.
 * @param concepts the lexicon's concepts, already expanded (no `@` references)
 * @returns the compiled lists
 */
export function compileLanguage(concepts: Readonly<Record<string, readonly string[]>>): CompiledLanguage {
  const list = (name: string) => concepts[name] ?? [];
  const contractions = list(LANGUAGE_CONCEPTS.contraction).map(parseContraction);
  // Exact forms first, so that "won't" is not read as "wo" + "not" by the "*n't" form.
  contractions.sort((a, b) => Number(a.written.includes('*')) - Number(b.written.includes('*')));
  const irregularForms = list(LANGUAGE_CONCEPTS.irregularForm).map(parseIrregularForm);
  const rules = tokenRulesOf({ contractions, irregularForms });
  const stems = (term: string) => termStems(term, rules);
  return {
    abbreviations: [...new Set(list(LANGUAGE_CONCEPTS.abbreviation).map(abbreviation))],
    numberAbbreviations: [...new Set(list(LANGUAGE_CONCEPTS.numberAbbreviation).map(abbreviation))],
    contractions,
    clauseWords: [...new Set(list(LANGUAGE_CONCEPTS.clauseWord).flatMap(stems))],
    questionClaimOpeners: list(LANGUAGE_CONCEPTS.questionClaimOpener)
      .map(stems)
      .filter((s) => s.length > 0),
    irregularForms,
  };
}
