import { closestInteractive } from './interactive';

/** What hit-testing needs of a rendered finding. */
export interface HitTestable {
  /** The reader could see the sentence at the last check; hidden sentences are never hit. */
  visible: boolean;
  range: Range | null;
}

/** The caret APIs of Firefox (standard) and Chromium (older, still the only one there). */
type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/** The text position under a viewport point, or null where the browser cannot tell. */
function caretAt(doc: CaretDocument, x: number, y: number): { node: Node; offset: number } | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const range = doc.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/**
 * The finding whose highlighted sentence is under a click, if any. Clicks on links and
 * controls keep their own behaviour, and a reader selecting text is not asking for a note.
 * @param doc the page's document (its caret-from-point API)
 * @param view the page's window (its selection)
 * @param items the rendered findings, in text order
 * @param x the click's viewport coordinates
 * @param y see x
 * @param target the click's target
 */
export function findingAtPoint<T extends HitTestable>(
  doc: Document,
  view: Window,
  items: readonly T[],
  x: number,
  y: number,
  target: Node | null,
): T | null {
  if (closestInteractive(target) !== null) return null;
  const selection = view.getSelection();
  if (selection !== null && !selection.isCollapsed) return null;
  const caret = caretAt(doc, x, y);
  if (caret === null) return null;
  const root = caret.node.getRootNode();
  for (const item of items) {
    const range = item.visible ? item.range : null;
    if (range === null || range.startContainer.getRootNode() !== root) continue;
    try {
      if (range.isPointInRange(caret.node, caret.offset)) return item;
    } catch {
      // A node from another document (iframe) or a doctype: not ours.
    }
  }
  return null;
}
