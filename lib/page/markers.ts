import type { Verdict } from '../claims/schema';
import { onlyTrusted } from '../ui/trusted-event';
import type { TextPosition, TextSplitter } from './anchor';
import type { ColorScheme } from './color-scheme';
import { closestInteractive } from './interactive';
import { createShadowHost, ownShadowRoot } from './shadow-host';

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

/** `text` as a CSS string literal (for `content:`): anything but letters, digits and spaces is escaped. */
function cssString(text: string): string {
  const escaped = [...text].map((char) =>
    /[\p{L}\p{N} ]/u.test(char) ? char : `\\${(char.codePointAt(0) ?? 0).toString(16)} `,
  );
  return `"${escaped.join('')}"`;
}

function markerCss(verdict: Verdict, scheme: ColorScheme, text: string): string {
  const color = VERDICT_COLORS[verdict][scheme];
  // The visible label is generated content, not a text node: `window.find()` and text
  // selection in the page do not see generated content, so a page cannot search for
  // "[false?]" to learn a verdict. The accessible name comes from aria-label. (The label's
  // width still differs per verdict; docs/permissions.md says why it is not padded.)
  return `
:host { all: initial; display: inline; }
button::before { content: ${cssString(text)}; }
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
function styleShadowRoot(
  doc: Document,
  root: ShadowRoot,
  verdict: Verdict,
  scheme: ColorScheme,
  text: string,
): void {
  const key = `${verdict}:${scheme}:${text}`;
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
      sheet.replaceSync(markerCss(verdict, scheme, text));
      sheets.set(key, sheet);
    }
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = doc.createElement('style');
    style.textContent = markerCss(verdict, scheme, text);
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
 * Creates a marker: a plain `<span>` with a closed shadow root holding one button. The host
 * carries no attribute: claim id, verdict and finding index stay inside the closed root, where
 * page scripts cannot read them. Listeners live on the button, go away with the element, and
 * act on trusted events only (a page cannot reach the button, and a forged event would not
 * count if it did).
 * @param doc the page's document
 * @param content labels and the finding it stands for
 * @param onActivate called with the marker when its button is focused, clicked, or gets Escape
 * @returns the marker, not yet in the page
 */
export function createMarker(
  doc: Document,
  content: MarkerContent,
  onActivate: (marker: HTMLElement, how: MarkerActivation) => void,
): HTMLElement {
  const { host: marker, root } = createShadowHost(doc, 'span');
  pinHostStyle(marker, 'inline');
  styleShadowRoot(doc, root, content.verdict, content.scheme, content.text);
  const button = doc.createElement('button');
  button.type = 'button';
  button.setAttribute('data-claimnote', 'marker');
  button.setAttribute('aria-label', content.label);
  button.setAttribute('aria-haspopup', 'dialog');
  updateMarker(marker, content, button);
  button.addEventListener(
    'focus',
    onlyTrusted(() => onActivate(marker, 'focus')),
  );
  button.addEventListener('click', (event) => {
    // The marker may sit inside a page element with its own click handler.
    event.preventDefault();
    event.stopPropagation();
    if (event.isTrusted) onActivate(marker, 'click');
  });
  button.addEventListener(
    'keydown',
    onlyTrusted((event: KeyboardEvent) => {
      if (event.key === 'Escape') onActivate(marker, 'escape');
    }),
  );
  root.append(button);
  return marker;
}

/**
 * Refreshes the finding a marker stands for (its index shifts when findings appear earlier).
 * The data sits on the button inside the closed root, for the content script and the
 * end-to-end harness (which reaches closed roots through the browser's automation protocol).
 * @param marker a marker from createMarker
 * @param content the finding it stands for now
 * @param button the marker's button, when the caller has it at hand
 */
export function updateMarker(
  marker: HTMLElement,
  content: MarkerContent,
  button: HTMLButtonElement | null = markerButton(marker),
): void {
  button?.setAttribute('data-claim-id', content.claimId);
  button?.setAttribute('data-verdict', content.verdict);
  button?.setAttribute('data-finding', String(content.findingIndex));
}

/** Returns the button inside a marker, to focus it. */
export function markerButton(marker: Element): HTMLButtonElement | null {
  return ownShadowRoot(marker)?.querySelector('button') ?? null;
}

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
  // An interactive element would swallow a click on a marker placed inside it.
  const interactive = closestInteractive(end.node);
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
