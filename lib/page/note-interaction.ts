import type { ClaimNote } from '../claims/claim-list';
import type { PageUi } from '../ui/page-ui';
import { isTrustedEvent } from '../ui/trusted-event';
import type { FindingLayer, RenderedFinding } from './finding-layer';
import type { MarkerActivation } from './markers';
import { isOwnNode } from './own-elements';

/** What note interaction takes from the page and the controller. */
export interface NoteInteractionOptions {
  document: Document;
  window: Window;
  /** Note text per claim id. */
  notes: ReadonlyMap<string, ClaimNote>;
  /** The note UI, once created. */
  ui(): PageUi | null;
  findings: Pick<FindingLayer, 'findingOfMarker' | 'findingAtPoint' | 'markerFor'>;
  /** Notes are shown: the page is active and the reader has not hidden them. */
  showing(): boolean;
  /**
   * Sentences are highlighted (the browser has the Highlight API): without highlights a
   * sentence does not look clickable, so a click on it opens nothing.
   */
  highlighted(): boolean;
}

/**
 * How the reader reaches a note: a marker's focus, click or Escape, a click on a highlighted
 * sentence, Escape anywhere, and the popup's "show me". Every page event is checked with
 * `isTrustedEvent` first, so a page script cannot open or close a note.
 */
export interface NoteInteraction {
  /** For the finding layer's markers (createMarker passes trusted activations only). */
  onMarker(marker: HTMLElement, how: MarkerActivation): void;
  /** For the document's click listener. */
  onDocumentClick(event: MouseEvent): void;
  /** For the document's keydown listener. */
  onDocumentKeydown(event: KeyboardEvent): void;
  /**
   * Scrolls to a finding and opens its note, focused (popup "show me").
   * @param index finding index as reported
   * @returns false when the finding is gone, hidden from the reader, or notes are hidden
   */
  reveal(index: number): boolean;
}

/**
 * Creates the note interaction of one page.
 * @param options page, notes, UI and findings
 */
export function createNoteInteraction(options: NoteInteractionOptions): NoteInteraction {
  const { findings } = options;

  const openNote = (item: RenderedFinding, focus: boolean): void => {
    const note = options.notes.get(item.finding.claimId);
    const ui = options.ui();
    if (note === undefined || item.marker === null || ui === null) return;
    const { quote, reason } = item.finding;
    ui.openNote({
      note,
      quote,
      ...(reason ? { reason } : {}),
      index: item.index,
      marker: item.marker,
      focus,
    });
  };

  return {
    onMarker(marker, how) {
      const ui = options.ui();
      if (how === 'escape') {
        ui?.closeNote(false);
        return;
      }
      // Focus moving back to the marker as its card closes must not reopen the card.
      if (how === 'focus' && ui?.returningFocus) return;
      const item = findings.findingOfMarker(marker);
      if (item) openNote(item, how === 'click');
    },

    onDocumentClick(event) {
      // A page's forged click at a highlighted sentence must not open its note.
      if (!isTrustedEvent(event)) return;
      const ui = options.ui();
      if (!options.showing() || ui === null) return;
      const target = event.target as Node | null;
      if (target !== null && (ui.contains(target) || isOwnNode(target))) return;
      const hit = options.highlighted()
        ? findings.findingAtPoint(event.clientX, event.clientY, target)
        : null;
      if (hit) openNote(hit, false);
      else ui.closeNote(false);
    },

    onDocumentKeydown(event) {
      if (!isTrustedEvent(event)) return;
      const ui = options.ui();
      if (event.key !== 'Escape' || ui === null || ui.openIndex === null) return;
      ui.closeNote(ui.contains(options.document.activeElement));
    },

    reveal(index) {
      if (!options.showing()) return false;
      const found = findings.markerFor(index);
      if (found === null || options.ui() === null) return false;
      const reduceMotion = options.window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
      found.marker.scrollIntoView({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' });
      openNote(found.item, true);
      return true;
    },
  };
}
