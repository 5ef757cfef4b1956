import type { Verdict } from '../claims/schema';
import type { TextPosition, TextSplitter } from './anchor';
import type { ColorScheme } from './color-scheme';

/** Tag of the inline marker placed after each matched sentence (page DOM contract). */
export const MARKER_TAG = 'claimnote-marker';

/** What a marker shows and says. */
export interface MarkerContent {
  claimId: string;
  verdict: Verdict;
  /** Index of the finding in the page's findings (text order). */
  findingIndex: number;
  /** Short visible text, e.g. "[false?]". */
  text: string;
  /** Accessible name of the button, e.g. "Claimnote: false claim — show note". */
  label: string;
  /** The page's colour scheme, so the marker stays legible on dark pages. */
  scheme: ColorScheme;
}

/** How a marker was activated: focus previews the note, a click opens it and moves focus in. */
export type MarkerActivation = 'focus' | 'click' | 'escape';

const VERDICT_COLORS: Readonly<Record<Verdict, { light: string; dark: string }>> = {
  false: { light: '#b91c1c', dark: '#fca5a5' },
  misleading: { light: '#c2410c', dark: '#fdba74' },
  unsupported: { light: '#a16207', dark: '#fde047' },
  'needs-context': { light: '#1d4ed8', dark: '#93c5fd' },
};

function markerCss(verdict: Verdict, scheme: ColorScheme): string {
  const color = VERDICT_COLORS[verdict][scheme];
  return `
:host { all: initial; display: inline; }
button {
  all: initial;
  display: inline;
  cursor: pointer;
  font: 600 max(11px, 0.72em)/1 system-ui, -apple-system, "Segoe UI", sans-serif;
  vertical-align: super;
  color: ${color};
  padding: 0 0.15em;
  margin-inline-start: 0.1em;
  border-radius: 3px;
  white-space: nowrap;
}
button:hover { text-decoration: underline; }
button:focus-visible { outline: 2px solid ${color}; outline-offset: 1px; }
@media (forced-colors: active) { button { color: LinkText; } }
`;
}

/** One constructed sheet per document, verdict and scheme, shared by all its markers. */
const sharedSheets = new WeakMap<Document, Map<string, CSSStyleSheet>>();

/**
 * Styles a marker's shadow root. A shared constructed sheet costs the browser one style scope
 * for all markers instead of one per `<style>` element, which matters with thousands of
 * markers; where adopting throws (Firefox content scripts), each root gets a `<style>`.
 */
function styleShadowRoot(doc: Document, root: ShadowRoot, verdict: Verdict, scheme: ColorScheme): void {
  const key = `${verdict}:${scheme}`;
  try {
    let sheets = sharedSheets.get(doc);
    if (sheets === undefined) {
      sheets = new Map();
      sharedSheets.set(doc, sheets);
    }
    let sheet = sheets.get(key);
    if (sheet === undefined) {
      const Sheet = (doc.defaultView as (Window & typeof globalThis) | null)?.CSSStyleSheet ?? CSSStyleSheet;
      sheet = new Sheet();
      sheet.replaceSync(markerCss(verdict, scheme));
      sheets.set(key, sheet);
    }
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = doc.createElement('style');
    style.textContent = markerCss(verdict, scheme);
    root.append(style);
  }
}

/**
 * Marks an element as Claimnote's with inline `!important` styles: page rules such as
 * `* { all: unset }` or `display: none` on unknown tags must not hide or restyle it.
 */
function pinHostStyle(host: HTMLElement, display: string): void {
  // Not `all`: pinning text spacing with !important would stop readers' own spacing
  // stylesheets (WCAG 1.4.12). The button inside resets everything in its shadow root.
  host.style.setProperty('display', display, 'important');
  host.style.setProperty('visibility', 'visible', 'important');
}

/**
 * Creates a marker element: `<claimnote-marker>` with an open shadow root holding one button.
 * Its listeners live on its own button and go away with the element.
 * @param doc the page's document
 * @param content labels and data attributes
 * @param onActivate called with the marker when its button is focused, clicked, or gets Escape
 * @returns the marker, not yet in the page
 */
export function createMarker(
  doc: Document,
  content: MarkerContent,
  onActivate: (marker: HTMLElement, how: MarkerActivation) => void,
): HTMLElement {
  const marker = doc.createElement(MARKER_TAG);
  updateMarker(marker, content);
  pinHostStyle(marker, 'inline');
  const root = marker.attachShadow({ mode: 'open' });
  styleShadowRoot(doc, root, content.verdict, content.scheme);
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = content.text;
  button.setAttribute('aria-label', content.label);
  button.setAttribute('aria-haspopup', 'dialog');
  button.addEventListener('focus', () => onActivate(marker, 'focus'));
  button.addEventListener('click', (event) => {
    // The marker may sit inside a page element with its own click handler.
    event.preventDefault();
    event.stopPropagation();
    onActivate(marker, 'click');
  });
  button.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') onActivate(marker, 'escape');
  });
  root.append(button);
  return marker;
}

/**
 * Refreshes a marker's data attributes (its finding index shifts when findings appear earlier).
 * @param marker a marker from createMarker
 * @param content the finding it stands for now
 */
export function updateMarker(marker: HTMLElement, content: MarkerContent): void {
  marker.setAttribute('data-claim-id', content.claimId);
  marker.setAttribute('data-verdict', content.verdict);
  marker.setAttribute('data-finding', String(content.findingIndex));
}

/** Returns the button inside a marker, to focus it. */
export function markerButton(marker: Element): HTMLButtonElement | null {
  return marker.shadowRoot?.querySelector('button') ?? null;
}

/** Interactive inline elements that would swallow a click on a marker placed inside them. */
const INTERACTIVE = 'a, button, label, summary, select';

/**
 * Inserts `marker` right after the end of a matched sentence, splitting the end text node when
 * the sentence ends inside it. When the sentence ends inside a link or button, the marker goes
 * after that element so clicking it does not follow the link.
 * @param marker the marker element
 * @param end the sentence's end, as extracted
 * @param splitter tracks the splits, so later positions in the same node stay valid
 * @returns false when the page has changed the text so the marker could not be placed
 */
export function placeMarker(marker: HTMLElement, end: TextPosition, splitter: TextSplitter): boolean {
  const interactive = end.node.parentElement?.closest(INTERACTIVE);
  if (interactive) {
    interactive.after(marker);
    return marker.isConnected;
  }
  try {
    splitter.splitAt(end).after(marker);
  } catch {
    return false;
  }
  return marker.isConnected;
}
