import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PhraseError, parseAlternatives } from './rules/phrase';
import type { SourceRef } from './rules/rule-file';
import type { Lexicon } from './schema';

/** One line of a concept file, with the terms it expands to. */
export interface ConceptLine {
  source: SourceRef;
  terms: string[];
}

/** The lexicon read from `claims/lexicon/<name>.txt`, with each term's line for messages. */
export interface LexiconFiles {
  lexicon: Lexicon;
  /** Lines of each concept, by concept name. */
  lines: Record<string, ConceptLine[]>;
}

const NAME = /^[a-z][a-z0-9-]*$/;

/**
 * Reads one file per concept: one term per line (phrase syntax allowed, e.g.
 * `(the|your)? spinal cord`, or `@other-concept`), `#` starts a comment. One file per concept
 * lets parallel editors add terms without touching each other's files.
 * @param dir the `claims/lexicon` folder
 * @param label turns a path into the name used in messages
 * @returns the lexicon and every problem as `file:line: message`
 */
export function readLexiconFiles(
  dir: string,
  label: (path: string) => string,
): LexiconFiles & { problems: string[] } {
  const problems: string[] = [];
  const concepts: Record<string, string[]> = {};
  const lines: Record<string, ConceptLine[]> = {};
  if (!existsSync(dir)) return { lexicon: { concepts }, lines, problems: [`${label(dir)}: missing`] };
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort()) {
    const concept = name.slice(0, -'.txt'.length);
    const file = label(join(dir, name));
    if (!NAME.test(concept)) {
      problems.push(`${file}:1: concept file names are lowercase kebab-case`);
      continue;
    }
    const conceptLines: ConceptLine[] = [];
    readFileSync(join(dir, name), 'utf8')
      .split('\n')
      .forEach((raw, i) => {
        const text = raw.replace(/#.*$/, '').trim();
        if (text === '') return;
        const source = { file, line: i + 1, text };
        try {
          conceptLines.push({ source, terms: parseAlternatives(text).flatMap((a) => a.terms) });
        } catch (error) {
          if (!(error instanceof PhraseError)) throw error;
          problems.push(`${file}:${i + 1}: ${error.message}`);
        }
      });
    if (conceptLines.length === 0) problems.push(`${file}:1: concept has no terms`);
    lines[concept] = conceptLines;
    concepts[concept] = conceptLines.flatMap((l) => l.terms);
  }
  return { lexicon: { concepts }, lines, problems };
}
