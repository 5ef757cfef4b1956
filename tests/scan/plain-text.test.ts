import { describe, expect, it } from 'vitest';
import { plainTextDocument } from '../../lib/scan/plain-text';

describe('plainTextDocument', () => {
  it('splits paragraphs at blank lines and keeps offsets into the original text', () => {
    const text = 'First para\nstill first.\n\n\n  \nSecond para.\n \nThird.';
    const doc = plainTextDocument(text);
    expect(doc.text).toBe(text);
    expect(doc.blocks.map((b) => text.slice(b.start, b.end))).toEqual([
      'First para\nstill first.',
      'Second para.',
      'Third.',
    ]);
  });

  it('gives an empty text no blocks', () => {
    expect(plainTextDocument('').blocks).toEqual([]);
  });
});
