import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lexiconSchema } from '../../lib/claims/schema';
import { compileLanguage, LANGUAGE_CONCEPTS } from '../../lib/matching/compile-language';
import { createLanguage } from '../../lib/matching/language';

/**
 * The English language lists of the real lexicon (claims/lexicon.json), for tests of the
 * splitter and tokenizer that should run with the lists the extension ships.
 */
const { concepts } = lexiconSchema.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'claims', 'lexicon.json'), 'utf8')),
);

/** The real lexicon's language concepts (`@abbreviation`, `@contraction`, …), as written. */
export const englishConcepts: Record<string, string[]> = Object.fromEntries(
  Object.values(LANGUAGE_CONCEPTS).flatMap((name) => (concepts[name] ? [[name, concepts[name]]] : [])),
);

/** {@link englishConcepts} compiled. */
export const englishCompiled = compileLanguage(englishConcepts);

/** {@link englishCompiled} in its runtime form. */
export const english = createLanguage(englishCompiled);
