/**
 * The phrase syntax of claim rules: alternatives separated by `|`, words made optional with `?`,
 * and word choices in parentheses, e.g. `into (the|your)? spinal cord|spinal fluid`. Expanded at
 * build time into plain terms, so the matcher only ever sees fixed word sequences.
 */

/** One alternative as the author wrote it, with the plain terms it stands for. */
export interface WrittenAlternative {
  /** The alternative's source text, e.g. `into (the|your)? brain`. */
  text: string;
  /** Its expansions (`into the brain`, `into your brain`, `into brain`), or `@name` for a concept. */
  terms: string[];
}

/** A syntax error inside a phrase, with the reason. */
export class PhraseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PhraseError';
  }
}

// One phrase should not silently become hundreds of terms; split it or use a concept instead.
const MAX_EXPANSIONS = 64;
function lex(text: string): string[] {
  return text.match(/[|()?]|[^\s|()?]+/g) ?? [];
}

/** Recursive-descent reader over the tokens of one phrase; every method returns word sequences. */
class Reader {
  private at = 0;
  constructor(private readonly tokens: string[]) {}

  peek(): string | undefined {
    return this.tokens[this.at];
  }
  next(): string | undefined {
    return this.tokens[this.at++];
  }
  done(): boolean {
    return this.at >= this.tokens.length;
  }

  /** `seq ('|' seq)*` inside parentheses. */
  choice(): string[][] {
    const out = [...this.sequence()];
    while (this.peek() === '|') {
      this.next();
      out.push(...this.sequence());
    }
    return out;
  }

  /** `item+`: the cross product of its items' choices. */
  sequence(): string[][] {
    let out: string[][] = [[]];
    while (!this.done() && this.peek() !== '|' && this.peek() !== ')') {
      const item = this.item();
      out = out.flatMap((head) => item.map((tail) => [...head, ...tail]));
      if (out.length > MAX_EXPANSIONS) {
        throw new PhraseError(`expands to more than ${MAX_EXPANSIONS} terms; use a concept`);
      }
    }
    if (out.length === 1 && out[0]?.length === 0) throw new PhraseError('empty alternative');
    return out;
  }

  item(): string[][] {
    const token = this.next();
    let choices: string[][];
    if (token === '(') {
      choices = this.choice();
      if (this.next() !== ')') throw new PhraseError('missing ")"');
    } else if (token === undefined || token === '?' || token === ')' || token === '|') {
      throw new PhraseError(`unexpected "${token ?? 'end'}"`);
    } else if (token.startsWith('@')) {
      throw new PhraseError(`a concept (${token}) must be a whole alternative, not part of one`);
    } else {
      choices = [[token]];
    }
    if (this.peek() === '?') {
      this.next();
      return [[], ...choices];
    }
    return choices;
  }
}

const CONCEPT = /^@[a-z][a-z0-9-]*$/;

/**
 * Reads a group of alternatives (`deliver|send|into (the)? brain|@spinal-cord`).
 * @param text the group as written
 * @returns each top-level alternative with its expansions
 * @throws {PhraseError} on a syntax error or an alternative that expands too far
 */
export function parseAlternatives(text: string): WrittenAlternative[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
    if (depth < 0) throw new PhraseError('unbalanced parentheses');
  }
  if (depth !== 0) throw new PhraseError('unbalanced parentheses');
  parts.push(text.slice(start));
  return parts.map((raw) => {
    const written = raw.trim();
    if (written.startsWith('@')) {
      if (!CONCEPT.test(written)) throw new PhraseError(`"${written}" is not a concept name`);
      return { text: written, terms: [written] };
    }
    const reader = new Reader(lex(written));
    const sequences = reader.sequence();
    if (!reader.done()) throw new PhraseError(`unexpected "${reader.peek()}"`);
    const terms = [...new Set(sequences.map((words) => words.join(' ')))];
    if (terms.includes('')) throw new PhraseError(`"${written}" can match no word at all`);
    return { text: written, terms };
  });
}
