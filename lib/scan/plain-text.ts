import type { TextBlock, TextDocument } from '../matching/types';

/**
 * Reads plain text as the matcher's document: blank lines separate paragraphs (blocks).
 * Offsets are offsets into the given text, so findings point into the original file.
 * @param text file contents
 * @returns the document
 */
export function plainTextDocument(text: string): TextDocument {
  const blocks: TextBlock[] = [];
  const paragraphBreak = /\n[ \t\r]*\n/g;
  let start = 0;
  for (let m = paragraphBreak.exec(text); m !== null; m = paragraphBreak.exec(text)) {
    if (m.index > start) blocks.push({ start, end: m.index });
    start = m.index + m[0].length;
    // Consume a whole run of blank lines as one break.
    paragraphBreak.lastIndex = start;
  }
  if (text.length > start) blocks.push({ start, end: text.length });
  return { text, blocks };
}
