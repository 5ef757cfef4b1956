import type { TextDocument } from '../matching/types';
import type { ClaimExample } from './schema';

/**
 * An example as the matcher sees it on a page: its context (if any) as one block, the sentence
 * under test as the next.
 * @param example a claim example
 * @returns the document and `from`, the offset where the sentence under test begins
 */
export function exampleDocument(example: ClaimExample): { doc: TextDocument; from: number } {
  const context = typeof example === 'string' ? '' : example.context;
  const sentence = typeof example === 'string' ? example : example.text;
  const text = context ? `${context}\n\n${sentence}` : sentence;
  const from = text.length - sentence.length;
  const blocks = context
    ? [
        { start: 0, end: context.length },
        { start: from, end: text.length },
      ]
    : [{ start: 0, end: text.length }];
  return { doc: { text, blocks }, from };
}

/** The example's sentence under test, without its context. */
export const exampleText = (example: ClaimExample): string =>
  typeof example === 'string' ? example : example.text;
