import type { ColorScheme } from './color-scheme';

/**
 * One highlight for every matched sentence, whatever its verdict, under a name drawn at random
 * per document. `CSS.highlights` and the document's style sheets are shared with the page's
 * scripts (measured in Chromium and Firefox), so verdict-named highlights (`claimnote-false`)
 * or verdict colours would tell a page what Claimnote thinks of each sentence, and a fixed
 * name would tell it Claimnote is installed. The page can still see that some highlight
 * covers a sentence that also has a marker; the verdict lives in the marker's closed root.
 */
const PALETTE: Readonly<Record<ColorScheme, { fill: string; line: string }>> = {
  light: { fill: 'rgb(202 138 4 / 0.16)', line: 'rgb(146 64 14)' },
  dark: { fill: 'rgb(250 204 21 / 0.2)', line: 'rgb(253 224 71)' },
};

/**
 * The `::highlight()` rule for a page of the given scheme: the page's own background decides,
 * not the reader's OS setting, so a dark site in a light OS still gets light-on-dark colours.
 * @param name the document's highlight name
 * @param scheme the page's colour scheme
 */
export function highlightCss(name: string, scheme: ColorScheme): string {
  const { fill, line } = PALETTE[scheme];
  return `::highlight(${name}) { background-color: ${fill}; text-decoration: underline dotted ${line}; text-decoration-thickness: 2px; text-underline-offset: 3px; }`;
}

/**
 * A fresh highlight name: a letter and 12 random hex digits, a valid CSS identifier that says
 * nothing about its owner.
 * @param random fills a byte array (crypto.getRandomValues)
 */
export function randomHighlightName(random: (bytes: Uint8Array) => Uint8Array): string {
  const bytes = random(new Uint8Array(6));
  return `h${[...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/** Paints matched sentences through the CSS Custom Highlight API, without touching page nodes. */
export interface HighlightPainter {
  /** False where the browser lacks the API; markers alone then show the findings. */
  readonly supported: boolean;
  /** The document's highlight name (random), for tests. */
  readonly name: string;
  /** Replaces Claimnote's highlight with `ranges`, coloured for the page's scheme. */
  paint(ranges: readonly Range[], scheme: ColorScheme): void;
  /** Removes the highlight and the `::highlight()` rule. */
  clear(): void;
}

type StyleHandle = { scheme: ColorScheme; remove(): void };

/**
 * Puts the `::highlight()` rule in a document-level style: it cannot work from inside a
 * shadow root. A constructed sheet in `adoptedStyleSheets` leaves the page's DOM tree alone;
 * where that throws, a plain `<style>` element (no attribute naming Claimnote) is the fallback.
 */
function installStyle(doc: Document, view: Window, name: string, scheme: ColorScheme): StyleHandle {
  try {
    const Sheet = (view as Window & typeof globalThis).CSSStyleSheet;
    const sheet = new Sheet();
    sheet.replaceSync(highlightCss(name, scheme));
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return {
      scheme,
      remove: () => {
        doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
      },
    };
  } catch {
    const style = doc.createElement('style');
    style.textContent = highlightCss(name, scheme);
    (doc.head ?? doc.documentElement).append(style);
    return { scheme, remove: () => style.remove() };
  }
}

/**
 * Creates the painter for one document. The style is installed on the first non-empty paint,
 * so a page without visible findings keeps its style sheets untouched.
 * @param doc the page's document
 * @param view the page's window (its `CSS.highlights`, `Highlight` and `crypto`)
 * @returns the painter
 */
export function createHighlightPainter(doc: Document, view: Window): HighlightPainter {
  const globals = view as Window & typeof globalThis;
  const registry = globals.CSS?.highlights;
  const HighlightCtor = globals.Highlight;
  const supported = registry !== undefined && typeof HighlightCtor === 'function';
  const name = randomHighlightName((bytes) => globals.crypto.getRandomValues(bytes));
  let style: StyleHandle | null = null;

  return {
    supported,
    name,
    paint(ranges, scheme) {
      if (!supported) return;
      registry.delete(name);
      if (ranges.length === 0) return;
      if (style !== null && style.scheme !== scheme) {
        style.remove();
        style = null;
      }
      style ??= installStyle(doc, view, name, scheme);
      registry.set(name, new HighlightCtor(...ranges));
    },
    clear() {
      if (supported) registry.delete(name);
      style?.remove();
      style = null;
    },
  };
}
