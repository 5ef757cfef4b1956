import type { Verdict } from '../claims/schema';
import type { ColorScheme } from './color-scheme';

/** Highlight names per verdict, registered in `CSS.highlights` (page DOM contract). */
export const HIGHLIGHT_NAMES: Readonly<Record<Verdict, string>> = {
  false: 'claimnote-false',
  misleading: 'claimnote-misleading',
  unsupported: 'claimnote-unsupported',
  'needs-context': 'claimnote-needs-context',
};

const PALETTE: Readonly<Record<ColorScheme, Record<Verdict, { fill: string; line: string }>>> = {
  light: {
    false: { fill: 'rgb(220 38 38 / 0.16)', line: 'rgb(185 28 28)' },
    misleading: { fill: 'rgb(234 88 12 / 0.16)', line: 'rgb(194 65 12)' },
    unsupported: { fill: 'rgb(202 138 4 / 0.18)', line: 'rgb(161 98 7)' },
    'needs-context': { fill: 'rgb(37 99 235 / 0.14)', line: 'rgb(29 78 216)' },
  },
  dark: {
    false: { fill: 'rgb(248 113 113 / 0.24)', line: 'rgb(252 165 165)' },
    misleading: { fill: 'rgb(251 146 60 / 0.24)', line: 'rgb(253 186 116)' },
    unsupported: { fill: 'rgb(250 204 21 / 0.22)', line: 'rgb(253 224 71)' },
    'needs-context': { fill: 'rgb(96 165 250 / 0.22)', line: 'rgb(147 197 253)' },
  },
};

// Underline styles differ per verdict so colour is not the only cue.
const LINE_STYLES: Readonly<Record<Verdict, string>> = {
  false: 'underline wavy',
  misleading: 'underline dashed',
  unsupported: 'underline dotted',
  'needs-context': 'underline dotted',
};

/**
 * The `::highlight()` rules for a page of the given scheme: the page's own background decides,
 * not the reader's OS setting, so a dark site in a light OS still gets light-on-dark colours.
 * @param scheme the page's colour scheme
 */
export function highlightCss(scheme: ColorScheme): string {
  return (Object.keys(HIGHLIGHT_NAMES) as Verdict[])
    .map((verdict) => {
      const { fill, line } = PALETTE[scheme][verdict];
      return `::highlight(${HIGHLIGHT_NAMES[verdict]}) { background-color: ${fill}; text-decoration: ${LINE_STYLES[verdict]} ${line}; text-decoration-thickness: ${verdict === 'false' || verdict === 'misleading' ? 1 : 2}px; text-underline-offset: 3px; }`;
    })
    .join('\n');
}

/** One range to paint and the verdict that picks its colour. */
export interface HighlightItem {
  range: Range;
  verdict: Verdict;
}

/** Paints matched sentences through the CSS Custom Highlight API, without touching page nodes. */
export interface HighlightPainter {
  /** False where the browser lacks the API; markers alone then show the findings. */
  readonly supported: boolean;
  /** Replaces every Claimnote highlight with `items`, coloured for the page's scheme. */
  paint(items: readonly HighlightItem[], scheme: ColorScheme): void;
  /** Removes the highlights and the `::highlight()` rules. */
  clear(): void;
}

type StyleHandle = { scheme: ColorScheme; remove(): void };

/**
 * Puts the `::highlight()` rules in a document-level style: they cannot work from inside a
 * shadow root. A constructed sheet in `adoptedStyleSheets` leaves the page's DOM tree alone;
 * where that throws (Firefox content scripts see the page's array through Xray wrappers), a
 * `<style>` element is the fallback.
 */
function installStyle(doc: Document, view: Window, scheme: ColorScheme): StyleHandle {
  try {
    const Sheet = (view as Window & typeof globalThis).CSSStyleSheet;
    const sheet = new Sheet();
    sheet.replaceSync(highlightCss(scheme));
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return {
      scheme,
      remove: () => {
        doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
      },
    };
  } catch {
    const style = doc.createElement('style');
    style.setAttribute('data-claimnote', 'highlight-style');
    style.textContent = highlightCss(scheme);
    (doc.head ?? doc.documentElement).append(style);
    return { scheme, remove: () => style.remove() };
  }
}

/**
 * Creates the painter for one document. The style is installed on the first non-empty paint,
 * so a page without findings keeps its style sheets untouched.
 * @param doc the page's document
 * @param view the page's window (its `CSS.highlights` and `Highlight`)
 * @returns the painter
 */
export function createHighlightPainter(doc: Document, view: Window): HighlightPainter {
  const globals = view as Window & typeof globalThis;
  const registry = globals.CSS?.highlights;
  const HighlightCtor = globals.Highlight;
  const supported = registry !== undefined && typeof HighlightCtor === 'function';
  let style: StyleHandle | null = null;

  const removeHighlights = () => {
    if (!supported) return;
    for (const name of Object.values(HIGHLIGHT_NAMES)) registry.delete(name);
  };

  return {
    supported,
    paint(items, scheme) {
      if (!supported) return;
      removeHighlights();
      if (items.length === 0) return;
      if (style !== null && style.scheme !== scheme) {
        style.remove();
        style = null;
      }
      if (style === null) style = installStyle(doc, view, scheme);
      const byVerdict = new Map<Verdict, Range[]>();
      for (const item of items) {
        const ranges = byVerdict.get(item.verdict) ?? [];
        ranges.push(item.range);
        byVerdict.set(item.verdict, ranges);
      }
      for (const [verdict, ranges] of byVerdict) {
        registry.set(HIGHLIGHT_NAMES[verdict], new HighlightCtor(...ranges));
      }
    },
    clear() {
      removeHighlights();
      style?.remove();
      style = null;
    },
  };
}
