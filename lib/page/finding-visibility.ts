import type { TextPosition } from './anchor';
import type { VisibilityTest } from './visible-text';

/** Sentences whose visibility is read per slice step: each costs style and layout reads. */
const VISIBILITY_CHECKS_PER_STEP = 200;

/** What a visibility read needs of a finding, and what it sets. */
export interface VisibilityChecked {
  start: TextPosition | null;
  end: TextPosition | null;
  visible: boolean;
}

/**
 * Reads whether the reader can see each finding's sentence, as steps for the slicer, and sets
 * `visible`. It must run before markers split any node, since the positions are extraction's.
 * One range object serves every check: many live ranges would make each later split costly.
 * A finding without positions, or whose positions the page has since invalidated, is not
 * visible.
 * @param doc the page's document
 * @param items the findings, in text order
 * @param isVisible this render's visibility test
 */
export function* readVisibility(
  doc: Document,
  items: readonly VisibilityChecked[],
  isVisible: VisibilityTest,
): Generator<void, void, void> {
  const probe = doc.createRange();
  for (let from = 0; from < items.length; from += VISIBILITY_CHECKS_PER_STEP) {
    for (const item of items.slice(from, from + VISIBILITY_CHECKS_PER_STEP)) {
      if (item.start === null || item.end === null) continue;
      try {
        probe.setStart(item.start.node, item.start.offset);
        probe.setEnd(item.end.node, item.end.offset);
        item.visible = isVisible(probe);
      } catch {
        item.visible = false;
      }
    }
    yield;
  }
  // A collapsed range costs nothing when later splits move its boundary.
  probe.collapse(true);
}
