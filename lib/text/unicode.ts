/**
 * String helpers that respect code points. JavaScript strings are UTF-16: a character outside
 * the Basic Multilingual Plane (most emoji) is two code units, and `slice` can cut between
 * them. The half left over is a lone surrogate, which `encodeURIComponent` refuses with a
 * `URIError` and `TextEncoder` silently replaces.
 */

// Without the `u` flag a regular expression sees code units, so it can find unpaired halves.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Replaces every lone surrogate with U+FFFD, like `String.prototype.toWellFormed` (which
 * Chrome before 111, still supported here, lacks).
 * @param text any string, e.g. page text or a stored draft
 * @returns a string `encodeURIComponent` accepts
 */
export function toWellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * Number of code points, which is what a reader counts as characters far more often than
 * UTF-16 code units.
 * @param text any string
 */
export function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}

/**
 * The first `limit` code points of `text`, never half a surrogate pair.
 * @param text any string
 * @param limit most code points kept
 */
export function sliceCodePoints(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = 0;
  let count = 0;
  for (const point of text) {
    if (count === limit) break;
    end += point.length;
    count++;
  }
  return text.slice(0, end);
}
