import type { Verdict } from '../claims/schema';

/** Highlight names per verdict, registered in `CSS.highlights` (page DOM contract). */
export const HIGHLIGHT_NAMES: Readonly<Record<Verdict, string>> = {
  false: 'claimnote-false',
  misleading: 'claimnote-misleading',
  unsupported: 'claimnote-unsupported',
  'needs-context': 'claimnote-needs-context',
};

// Underline styles differ per verdict so colour is not the only cue.
const HIGHLIGHT_CSS = `
::highlight(claimnote-false) { background-color: rgb(220 38 38 / 0.16); text-decoration: underline wavy rgb(185 28 28); text-decoration-thickness: 1px; text-underline-offset: 3px; }
::highlight(claimnote-misleading) { background-color: rgb(234 88 12 / 0.16); text-decoration: underline dashed rgb(194 65 12); text-decoration-thickness: 1px; text-underline-offset: 3px; }
::highlight(claimnote-unsupported) { background-color: rgb(202 138 4 / 0.18); text-decoration: underline dotted rgb(161 98 7); text-decoration-thickness: 2px; text-underline-offset: 3px; }
::highlight(claimnote-needs-context) { background-color: rgb(37 99 235 / 0.14); text-decoration: underline dotted rgb(29 78 216); text-decoration-thickness: 2px; text-underline-offset: 3px; }
@media (prefers-color-scheme: dark) {
  ::highlight(claimnote-false) { background-color: rgb(248 113 113 / 0.22); text-decoration-color: rgb(252 165 165); }
  ::highlight(claimnote-misleading) { background-color: rgb(251 146 60 / 0.22); text-decoration-color: rgb(253 186 116); }
  ::highlight(claimnote-unsupported) { background-color: rgb(250 204 21 / 0.2); text-decoration-color: rgb(253 224 71); }
  ::highlight(claimnote-needs-context) { background-color: rgb(96 165 250 / 0.2); text-decoration-color: rgb(147 197 253); }
}
`;

/** One range to paint and the verdict that picks its colour. */
export interface HighlightItem {
  range: Range;
  verdict: Verdict;
}

/** Paints matched sentences through the CSS Custom Highlight API, without touching page nodes. */
export interface HighlightPainter {
  /** False where the browser lacks the API; markers alone then show the findings. */
  readonly supported: boolean;
  /** Replaces every Claimnote highlight with `items`. */
  paint(items: readonly HighlightItem[]): void;
  /** Removes the highlights and the `::highlight()` rules. */
  clear(): void;
}

type StyleHandle = { remove(): void };

/**
 * Puts the `::highlight()` rules in a document-level style: they cannot work from inside a
 * shadow root. A constructed sheet in `adoptedStyleSheets` leaves the page's DOM tree alone;
 * where that throws (Firefox content scripts see the page's array through Xray wrappers), a
 * `<style>` element is the fallback.
 */
function installStyle(doc: Document, view: Window): StyleHandle {
  try {
    const Sheet = (view as Window & typeof globalThis).CSSStyleSheet;
    const sheet = new Sheet();
    sheet.replaceSync(HIGHLIGHT_CSS);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return {
      remove: () => {
        doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
      },
    };
  } catch {
    const style = doc.createElement('style');
    style.setAttribute('data-claimnote', 'highlight-style');
    style.textContent = HIGHLIGHT_CSS;
    (doc.head ?? doc.documentElement).append(style);
    return { remove: () => style.remove() };
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
    paint(items) {
      if (!supported) return;
      removeHighlights();
      if (items.length === 0) return;
      if (style === null) style = installStyle(doc, view);
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
