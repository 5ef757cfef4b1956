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
  return rangeBetween(doc, from, to);
}

/**
 * Splits text nodes for marker insertion while keeping extraction-time positions usable.
 * Positions are (original node, offset in the node's text at extraction time); after splits,
 * `locate` maps them to the piece that now holds that character. Placing every marker first
 * and building ranges afterwards avoids live ranges during the splits: browsers update every
 * live range of the document on each split, which made thousands of findings quadratic.
 */
export class TextSplitter {
  private readonly pieces = new Map<Text, { start: number; node: Text }[]>();

  /**
   * Where an extraction-time position is now.
   * @param position node and offset as extracted
   * @param affinity an end prefers the piece before a split point, a start the piece after it
   */
  locate(position: TextPosition, affinity: 'start' | 'end'): TextPosition {
    const list = this.pieces.get(position.node);
    if (list === undefined) return position;
    let chosen = list[0] ?? { start: 0, node: position.node };
    for (const piece of list) {
      const before = affinity === 'end' ? piece.start < position.offset : piece.start <= position.offset;
      if (!before) break;
      chosen = piece;
    }
    return { node: chosen.node, offset: position.offset - chosen.start };
  }

  /**
   * Splits the text at an extraction-time position, unless it already ends a piece there.
   * @param position node and offset as extracted
   * @returns the text node that now ends at the position
   * @throws RangeError when the page has shortened the node since extraction
   */
  splitAt(position: TextPosition): Text {
    let list = this.pieces.get(position.node);
    if (list === undefined) {
      list = [{ start: 0, node: position.node }];
      this.pieces.set(position.node, list);
    }
    const { node, offset } = this.locate(position, 'end');
    if (offset > node.data.length) throw new RangeError('text node changed since extraction');
    if (offset < node.data.length) {
      const rest = node.splitText(offset);
      const at = list.findIndex((piece) => piece.node === node);
      list.splice(at + 1, 0, { start: position.offset, node: rest });
    }
    return node;
  }
}

/**
 * Builds a live Range between two extraction-time positions, through the splits made since.
 * @param doc document that owns the nodes
 * @param start start position as extracted
 * @param end end position as extracted
 * @param splitter the splits made for markers, if any
 * @returns the range, or null when the text has changed under it
 */
export function rangeBetween(
  doc: Document,
  start: TextPosition,
  end: TextPosition,
  splitter?: TextSplitter,
): Range | null {
  const from = splitter ? splitter.locate(start, 'start') : start;
  const to = splitter ? splitter.locate(end, 'end') : end;
  if (from.offset > from.node.data.length || to.offset > to.node.data.length) return null;
  const range = doc.createRange();
  try {
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
  } catch {
    return null;
  }
  return range.collapsed ? null : range;
}
