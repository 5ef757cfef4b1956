import { createHash } from 'node:crypto';

/**
 * The form of a sentence that its fingerprint is taken of: lowercase, NFKC, runs of white space
 * collapsed to one space, trimmed. Small rendering differences (non-breaking spaces, line breaks
 * inside a sentence, full-width letters) then do not change the fingerprint.
 * @param sentence the sentence as it is in the page text
 * @returns the normalized sentence
 */
export function normalizeSentence(sentence: string): string {
  return sentence.toLowerCase().normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

/**
 * Names a sentence without quoting it, so that labels can be committed while the page text is not:
 * the first 16 hex digits of the SHA-256 of the normalized sentence.
 * @param sentence the sentence as it is in the page text
 * @returns 16 lowercase hex digits
 */
export function sentenceFingerprint(sentence: string): string {
  return sha256Hex(normalizeSentence(sentence)).slice(0, 16);
}

/**
 * SHA-256 of a string's UTF-8 bytes.
 * @param text any text
 * @returns 64 lowercase hex digits
 */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
