/** Tells whether a text holds any of the claim list's relevance anchor words (any case). */
export type RelevanceTest = (text: string) => boolean;

/**
 * Longest anchor word in characters, as an upper bound: a check that feeds text in pieces
 * carries this many characters from one piece into the next, so no anchor is cut in two.
 */
export const RELEVANCE_CARRY_CHARS = 64;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Builds the cheap relevance check from the anchor words the claim list compiles
 * (`relevanceWords`): substrings, not whole words, since a false "relevant" only costs one
 * full scan while a miss would hide notes. Multi-word anchors allow any whitespace between words.
 * @param words anchor words, lower case
 * @returns a test that is always false when there are no words
 * @throws when an anchor is longer than {@link RELEVANCE_CARRY_CHARS}
 */
export function createRelevanceTest(words: readonly string[]): RelevanceTest {
  if (words.length === 0) return () => false;
  const tooLong = words.find((word) => word.length > RELEVANCE_CARRY_CHARS);
  if (tooLong !== undefined) {
    throw new Error(`relevance anchor "${tooLong}" is longer than ${RELEVANCE_CARRY_CHARS} characters`);
  }
  const pattern = new RegExp(words.map((w) => escapeRegExp(w).replace(/\s+/g, '\\s+')).join('|'), 'i');
  return (text) => pattern.test(text);
}
