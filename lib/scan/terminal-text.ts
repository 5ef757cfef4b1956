// ESC sequences: CSI ("ESC [" parameters, final byte), OSC/DCS/PM/APC/SOS strings (up to BEL or
// ESC \), and two-character escapes. The C1 forms (U+009B CSI, U+009D OSC…) are caught too.
// Each alternative consumes a disjoint class before its terminator, so the pass is linear.
const ESCAPE_SEQUENCE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|(?:\u001b[\]P^_X]|[\u0090\u009d-\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[\u0020-\u007e]?/g;
// Remaining C0 controls other than tab and line feed, DEL, C1 controls, and the Unicode
// direction controls that reorder how a line is shown (bidi embeddings, overrides, isolates, marks).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Makes scanned text safe to print on a terminal: removes escape sequences (colors, cursor moves,
 * window titles, hyperlinks, clipboard writes), other control characters except tab and line
 * feed, and bidirectional-text controls, so a page cannot restyle, hide or reorder the report.
 * @param text text from a scanned input
 * @returns the text without them
 */
export function terminalSafe(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
}
