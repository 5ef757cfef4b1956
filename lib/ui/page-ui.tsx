import { render } from 'preact';
import type { ClaimNote } from '../claims/claim-list';
import type { FindingReason } from '../matching/types';
import { detectColorScheme } from '../page/color-scheme';
import { markerButton } from '../page/markers';
import { NoteCard } from './note/note-card';
import { noteCardCss } from './note/note-card-css';

/** Tag of the one host element of Claimnote's in-page UI (page DOM contract). */
export const ROOT_TAG = 'claimnote-root';

/** Scan status shown on the host for tests and tools: `data-state`. */
export type ScanState = 'scanning' | 'idle';

/** A note to show and the marker it belongs to. */
export interface NoteRequest {
  note: ClaimNote;
  quote: string;
  /** Why the sentence matched (the rule and its words), when the matcher said. */
  reason?: FindingReason;
  /** Index of the finding in the page's findings. */
  index: number;
  marker: HTMLElement;
  /** Move keyboard focus into the card (click, Enter) rather than just showing it (focus). */
  focus: boolean;
}

/** The in-page UI host: `<claimnote-root>` with an open shadow root holding the note card. */
export interface PageUi {
  readonly host: HTMLElement;
  /** Updates `data-state` and `data-findings` on the host. */
  setStatus(state: ScanState, findings: number): void;
  /** Shows the card for a finding next to its marker. */
  openNote(request: NoteRequest): void;
  /**
   * Hides the card.
   * @param returnFocus put focus back on the marker the card belongs to
   */
  closeNote(returnFocus: boolean): void;
  /** Index of the finding whose card is open, or null. */
  readonly openIndex: number | null;
  /** Marker of the open card, or null. */
  readonly openMarker: HTMLElement | null;
  /** True while focus is being moved back to a marker, so that focus must not reopen the card. */
  readonly returningFocus: boolean;
  /** True when `node` is part of the UI host (events inside the card). */
  contains(node: Node | null): boolean;
  /** Unmounts Preact and removes the host. */
  destroy(): void;
}

/** Options of the in-page UI. */
export interface PageUiOptions {
  /** Date the claim list was last reviewed. */
  listReviewed: string;
  /** Current page address, for reports. */
  pageUrl(): string;
}

/** Gap between a marker and its card, in CSS pixels. */
const CARD_GAP = 6;
/** Smallest distance kept between the card and the viewport edges. */
const VIEWPORT_MARGIN = 8;

/**
 * Creates the UI host and appends it to `<html>`. The host pins its own box with inline
 * `!important` styles: page rules like `* { all: unset }` or a huge `z-index` overlay must
 * neither hide it nor stack above it.
 * @param doc the page's document
 * @param view the page's window
 * @param options claim list date and page address
 * @returns the UI handle
 */
export function createPageUi(doc: Document, view: Window, options: PageUiOptions): PageUi {
  const host = doc.createElement(ROOT_TAG);
  const pin = (property: string, value: string) => host.style.setProperty(property, value, 'important');
  // Box properties only: pinning text spacing (`all`) with !important would stop readers'
  // own spacing stylesheets (WCAG 1.4.12); the card resets inherited text styles itself.
  pin('position', 'absolute');
  pin('top', '0');
  pin('left', '0');
  pin('width', '0');
  pin('height', '0');
  pin('overflow', 'visible');
  pin('display', 'block');
  pin('z-index', '2147483647');
  pin('transform', 'none');
  pin('filter', 'none');
  pin('contain', 'none');
  pin('visibility', 'visible');
  pin('opacity', '1');
  host.setAttribute('data-state', 'idle');
  host.setAttribute('data-findings', '0');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = noteCardCss;
  const layer = doc.createElement('div');
  layer.className = 'cn-layer';
  shadow.append(style, layer);
  doc.documentElement.append(host);

  let openIndex: number | null = null;
  let openMarker: HTMLElement | null = null;
  let returningFocus = false;
  let headingCount = 0;

  const ensureAttached = () => {
    // Some single-page apps rebuild <html>'s children; the host must come back.
    if (!host.isConnected) doc.documentElement.append(host);
  };

  const position = (card: HTMLElement, marker: HTMLElement) => {
    const anchor = marker.getBoundingClientRect();
    const origin = host.getBoundingClientRect();
    const width = card.offsetWidth;
    const height = card.offsetHeight;
    const viewportWidth = doc.documentElement.clientWidth || view.innerWidth;
    const viewportHeight = view.innerHeight;
    let left = Math.min(anchor.left, viewportWidth - width - VIEWPORT_MARGIN);
    left = Math.max(VIEWPORT_MARGIN, left);
    let top = anchor.bottom + CARD_GAP;
    // Flip above the marker when the card would run off the bottom and fits above.
    if (
      top + height > viewportHeight - VIEWPORT_MARGIN &&
      anchor.top - CARD_GAP - height >= VIEWPORT_MARGIN
    ) {
      top = anchor.top - CARD_GAP - height;
    }
    card.style.left = `${left - origin.left}px`;
    card.style.top = `${top - origin.top}px`;
  };

  const focusMarker = (marker: HTMLElement | null) => {
    const button = marker?.isConnected ? markerButton(marker) : null;
    if (!button) return;
    returningFocus = true;
    try {
      button.focus();
    } finally {
      returningFocus = false;
    }
  };

  const ui: PageUi = {
    host,
    setStatus(state, findings) {
      ensureAttached();
      host.setAttribute('data-state', state);
      host.setAttribute('data-findings', String(findings));
    },
    openNote(request) {
      ensureAttached();
      if (openIndex !== request.index || openMarker !== request.marker) {
        headingCount += 1;
        openIndex = request.index;
        openMarker = request.marker;
        render(
          <NoteCard
            note={request.note}
            quote={request.quote}
            reason={request.reason}
            pageUrl={options.pageUrl()}
            listReviewed={options.listReviewed}
            headingId={`cn-note-heading-${headingCount}`}
            onClose={() => ui.closeNote(true)}
          />,
          layer,
        );
        const card = layer.querySelector<HTMLElement>('[data-claimnote="note-card"]');
        if (card) {
          card.setAttribute('data-scheme', detectColorScheme(doc, view));
          position(card, request.marker);
        }
      }
      if (request.focus) layer.querySelector<HTMLElement>('[data-claimnote="note-card"]')?.focus();
    },
    closeNote(returnFocus) {
      if (openIndex === null) return;
      const marker = openMarker;
      openIndex = null;
      openMarker = null;
      render(null, layer);
      if (returnFocus) focusMarker(marker);
    },
    get openIndex() {
      return openIndex;
    },
    get openMarker() {
      return openMarker;
    },
    get returningFocus() {
      return returningFocus;
    },
    contains(node) {
      return node !== null && (node === host || host.contains(node) || shadow.contains(node));
    },
    destroy() {
      render(null, layer);
      openIndex = null;
      openMarker = null;
      host.remove();
    },
  };
  return ui;
}
