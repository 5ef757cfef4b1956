import type { TextSegment } from './extract-text';

/** A point in the DOM: a text node and a character offset inside it. */
export interface TextPosition {
  node: Text;
  offset: number;
}

/** Index of the last segment whose start is ≤ offset, or -1. */
function segmentIndexAt(segments: readonly TextSegment[], offset: number): number {
  let low = 0;
  let high = segments.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const segment = segments[mid];
    if (segment !== undefined && segment.start <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/**
 * Maps a text offset to the DOM position of the character at it (`affinity: 'start'`) or just
 * after the character before it (`affinity: 'end'`). An offset on a block break, which belongs
 * to no text node, moves forward to the next node for a start and back to the previous node
 * for an end, so a range never begins or ends in the gap.
 * @param segments segments from the extraction the offset refers to
 * @param offset offset in the extracted text
 * @param affinity whether the position starts or ends a range
 * @returns the position, or null when the node has since shrunk or the offset is out of range
 */
export function positionAt(
  segments: readonly TextSegment[],
  offset: number,
  affinity: 'start' | 'end',
): TextPosition | null {
  let index = segmentIndexAt(segments, affinity === 'end' ? offset - 1 : offset);
  let segment = segments[index];
  if (affinity === 'start') {
    if (segment === undefined || offset >= segment.start + segment.length) {
      index += 1;
      segment = segments[index];
      if (segment === undefined) return null;
      offset = segment.start;
    }
  } else if (segment === undefined) {
    return null;
  } else if (offset > segment.start + segment.length) {
    offset = segment.start + segment.length;
  }
  const within = offset - segment.start;
  // Page scripts may have edited the node since extraction; a stale offset must not throw.
  if (within > segment.node.data.length) return null;
  return { node: segment.node, offset: within };
}

/**
 * Builds a live DOM Range covering text offsets [start, end) of an extraction.
 * @param doc document that owns the text nodes
 * @param segments segments from the extraction the offsets refer to
 * @param start first offset (inclusive)
 * @param end last offset (exclusive)
 * @returns the range, or null when the text has changed under it
 */
export function rangeForOffsets(
  doc: Document,
  segments: readonly TextSegment[],
  start: number,
  end: number,
): Range | null {
  if (end <= start) return null;
  const from = positionAt(segments, start, 'start');
  const to = positionAt(segments, end, 'end');
  if (from === null || to === null) return null;
  const range = doc.createRange();
  try {
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
  } catch {
    return null;
  }
  return range.collapsed ? null : range;
}
