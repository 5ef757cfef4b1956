/** Light or dark: which palette the in-page UI uses. */
export type ColorScheme = 'light' | 'dark';

/** Parses `rgb()`/`rgba()` as computed styles report them; null for anything else. */
function parseRgb(value: string): { r: number; g: number; b: number; a: number } | null {
  const match = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(value);
  if (!match) return null;
  const alphaText = match[4];
  let a = 1;
  if (alphaText !== undefined)
    a = alphaText.endsWith('%') ? Number.parseFloat(alphaText) / 100 : Number(alphaText);
  return { r: Number(match[1]), g: Number(match[2]), b: Number(match[3]), a };
}

/** Relative luminance (WCAG) of an sRGB colour, 0 (black) to 1 (white). */
export function relativeLuminance(r: number, g: number, b: number): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/**
 * Picks the palette that fits the page as the reader sees it: the page's own opaque background
 * decides first (a dark site in a light OS stays dark); otherwise the page's `color-scheme`
 * together with the reader's `prefers-color-scheme`.
 * @param doc the page's document
 * @param view the page's window
 * @returns 'dark' or 'light'
 */
export function detectColorScheme(doc: Document, view: Window): ColorScheme {
  for (const element of [doc.body, doc.documentElement]) {
    if (!element) continue;
    const color = parseRgb(view.getComputedStyle(element).backgroundColor);
    if (color && color.a >= 0.5) return relativeLuminance(color.r, color.g, color.b) < 0.2 ? 'dark' : 'light';
  }
  const declared = view.getComputedStyle(doc.documentElement).colorScheme ?? '';
  const prefersDark = view.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  if (declared.includes('dark') && (!declared.includes('light') || prefersDark)) return 'dark';
  return 'light';
}
