import { join } from 'node:path';
import { readLexiconFiles } from '../../lib/claims/lexicon-files';
import { compileLanguage, LANGUAGE_CONCEPTS } from '../../lib/matching/compile-language';
import { createLanguage } from '../../lib/matching/language';

/**
 * The English language lists of the real lexicon (claims/lexicon/<concept>.txt), for tests of
 * the splitter and tokenizer that should run with the lists the extension ships.
 */
const { lexicon } = readLexiconFiles(join(import.meta.dirname, '..', '..', 'claims', 'lexicon'), (p) => p);

/** The real lexicon's language concepts (`@abbreviation`, `@contraction`, …), as written. */
export const englishConcepts: Record<string, string[]> = Object.fromEntries(
  Object.values(LANGUAGE_CONCEPTS).flatMap((name) => {
    const terms = lexicon.concepts[name];
    return terms ? [[name, terms]] : [];
  }),
);

/** {@link englishConcepts} compiled. */
export const englishCompiled = compileLanguage(englishConcepts);

/** {@link englishCompiled} in its runtime form. */
export const english = createLanguage(englishCompiled);
