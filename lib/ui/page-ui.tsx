import { render } from 'preact';
import type { ClaimNote } from '../claims/claim-list';
import type { FindingReason } from '../matching/types';
import { detectColorScheme } from '../page/color-scheme';
import { markerButton } from '../page/markers';
import { createShadowHost, type ShadowHost } from '../page/shadow-host';
import type { PinWriter } from '../storage/pin-writer';
import { NoteCard } from './note/note-card';
import { noteCardCss } from './note/note-card-css';
import type { ReportGate } from './note/report-gate';

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

/**
 * The note layer: a `<div>` appended to `<html>` with a closed shadow root holding the note
 * card. It is created when the first card opens, not when the page is scanned, so a page whose
 * claims the reader never sees (off-screen, hidden) gets no element at all.
 */
export interface PageUi {
  /** The host, once a card has been opened; null before. */
  readonly host: HTMLElement | null;
  /** The host's closed shadow root, for the content script and its tests; null before. */
  readonly root: ShadowRoot | null;
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
  /** Batches the reader's pin toggles into few storage writes (shared by every card). */
  pins: PinWriter;
  /** De-duplicates and limits report starts from the cards. */
  reports: ReportGate;
}

/** Gap between a marker and its card, in CSS pixels. */
const CARD_GAP = 6;
/** Smallest distance kept between the card and the viewport edges. */
const VIEWPORT_MARGIN = 8;

/**
 * Creates the note layer's host the first time it is needed and appends it to `<html>`. The
 * host pins its own box with inline `!important` styles: page rules like `* { all: unset }`
 * or a huge `z-index` overlay must neither hide it nor stack above it.
 */
function createLayerHost(doc: Document): ShadowHost & { layer: HTMLElement } {
  const shadowHost = createShadowHost(doc, 'div');
  const { host, root } = shadowHost;
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
  const style = doc.createElement('style');
  style.textContent = noteCardCss;
  const layer = doc.createElement('div');
  layer.className = 'cn-layer';
  root.append(style, layer);
  return { ...shadowHost, layer };
}

/**
 * Creates the in-page UI. Nothing is added to the page until a card opens.
 * @param doc the page's document
 * @param view the page's window
 * @param options claim list date, page address, pin writer
 * @returns the UI handle
 */
export function createPageUi(doc: Document, view: Window, options: PageUiOptions): PageUi {
  let shadow: (ShadowHost & { layer: HTMLElement }) | null = null;
  let openIndex: number | null = null;
  let openMarker: HTMLElement | null = null;
  let returningFocus = false;
  let headingCount = 0;

  const ensureAttached = (): ShadowHost & { layer: HTMLElement } => {
    shadow ??= createLayerHost(doc);
    // Some single-page apps rebuild <html>'s children; the host must come back.
    if (!shadow.host.isConnected) doc.documentElement.append(shadow.host);
    return shadow;
  };

  const position = (card: HTMLElement, marker: HTMLElement, host: HTMLElement) => {
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
    get host() {
      return shadow?.host ?? null;
    },
    get root() {
      return shadow?.root ?? null;
    },
    openNote(request) {
      const { host, layer } = ensureAttached();
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
            pins={options.pins}
            reports={options.reports}
            onClose={() => ui.closeNote(true)}
          />,
          layer,
        );
        const card = layer.querySelector<HTMLElement>('[data-claimnote="note-card"]');
        if (card) {
          card.setAttribute('data-scheme', detectColorScheme(doc, view));
          position(card, request.marker, host);
        }
      }
      if (request.focus) layer.querySelector<HTMLElement>('[data-claimnote="note-card"]')?.focus();
    },
    closeNote(returnFocus) {
      if (openIndex === null) return;
      const marker = openMarker;
      openIndex = null;
      openMarker = null;
      if (shadow) render(null, shadow.layer);
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
      if (node === null || shadow === null) return false;
      return node === shadow.host || shadow.root.contains(node);
    },
    destroy() {
      if (shadow) {
        render(null, shadow.layer);
        shadow.host.remove();
      }
      shadow = null;
      openIndex = null;
      openMarker = null;
    },
  };
  return ui;
}
