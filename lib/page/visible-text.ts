/**
 * Whether the reader can see a matched sentence. Claimnote adds nothing to the page (no
 * marker, no highlight, no note layer) for text the reader cannot see: a page could otherwise
 * plant a claim off-screen, transparent, clipped away or at zero size and watch for Claimnote's
 * reaction, learning silently that the reader has the extension (and so, perhaps, an interest
 * in pain pumps). `display: none` and `visibility: hidden` text is not even extracted
 * (hidden.ts); this covers text that is laid out but not seen.
 *
 * What counts as seen: at least one line box of the sentence at least 2 × 2 CSS pixels after
 * clipping by `overflow: hidden|clip` ancestors and `clip`, inside the area the reader can
 * reach (the viewport's width, any depth; under a `position: fixed` ancestor, the viewport), under ancestors
 * whose opacity multiplies to at least 0.1, in a text colour that is neither transparent nor
 * the same as the background behind it. Text covered by another element still counts.
 */

/** Decides, for a sentence's range, whether the reader can see it now. */
export type VisibilityTest = (range: Range) => boolean;

/** Least width and height of a visible line box, in CSS pixels. */
const MIN_BOX = 2;
/** Least cumulative opacity of visible text. */
const MIN_OPACITY = 0.1;
/** Least contrast between text and background for text to count as visible. */
const MIN_CONTRAST = 1.2;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** What an element's ancestors (itself included) do to the text inside it. */
interface Context {
  opacity: number;
  /** Boxes of clipping ancestors, in viewport coordinates, with the axes they clip. */
  clips: { box: Box; x: boolean; y: boolean }[];
  /** Some ancestor is `position: fixed`: the text moves with the viewport. */
  fixed: boolean;
  /** Clipped away entirely (`clip: rect(0 0 0 0)`, `clip-path: inset(50%)`). */
  clippedAway: boolean;
  /** Nearest opaque background colour, or null when an image or nothing is behind. */
  background: number[] | null;
  /** An ancestor below the nearest opaque background paints an image. */
  image: boolean;
}

/** RGBA channels of a computed colour, or null when unparsable. */
export function parseColor(color: string): number[] | null {
  if (color === 'transparent') return [0, 0, 0, 0];
  const match = /^rgba?\(([^)]*)\)$/.exec(color.trim());
  if (!match) return null;
  const parts = (match[1] ?? '')
    .split(/[\s,/]+/)
    .filter(Boolean)
    .map(Number);
  if (parts.length < 3 || parts.some(Number.isNaN)) return null;
  return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
}

function luminance(rgb: readonly number[]): number {
  const channel = (value: number) => {
    const s = value / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(rgb[0] ?? 0) + 0.7152 * channel(rgb[1] ?? 0) + 0.0722 * channel(rgb[2] ?? 0);
}

/** WCAG contrast ratio between two opaque colours. */
export function contrastRatio(a: readonly number[], b: readonly number[]): number {
  const [l1, l2] = [luminance(a), luminance(b)];
  return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
}

function parentOf(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const parent = element.parentNode;
  // Text inside a page's open shadow root: continue at its host.
  return parent !== null && 'host' in parent ? ((parent as ShadowRoot).host ?? null) : null;
}

/** `clip: rect(...)` that leaves less than MIN_BOX of the element. */
function clipsAway(clip: string): boolean {
  if (!clip || clip === 'auto') return false;
  const numbers = (clip.match(/-?[\d.]+/g) ?? []).map(Number);
  if (numbers.length < 4) return false;
  const [top = 0, right = 0, bottom = 0, left = 0] = numbers;
  return right - left < MIN_BOX || bottom - top < MIN_BOX;
}

/** `clip-path` shapes that leave nothing: `inset(50%)` or more, a zero circle. */
function clipPathAway(clipPath: string): boolean {
  if (!clipPath || clipPath === 'none') return false;
  return /inset\(\s*(?:5\d|[6-9]\d|100)%/.test(clipPath) || /circle\(\s*0(?:px)?[\s)]/.test(clipPath);
}

function intersect(a: Box, b: Box, x: boolean, y: boolean): Box {
  return {
    left: x ? Math.max(a.left, b.left) : a.left,
    right: x ? Math.min(a.right, b.right) : a.right,
    top: y ? Math.max(a.top, b.top) : a.top,
    bottom: y ? Math.min(a.bottom, b.bottom) : a.bottom,
  };
}

const bigEnough = (box: Box) => box.right - box.left >= MIN_BOX && box.bottom - box.top >= MIN_BOX;

/**
 * Creates a visibility test for one render pass: ancestor styles are read once per element and
 * remembered, so many sentences in one article cost one walk up. Create a new one per pass,
 * since styles and layout change between passes.
 * @param view the page's window
 * @returns the test
 */
export function createVisibilityTest(view: Window): VisibilityTest {
  const contexts = new Map<Element, Context>();
  const doc = view.document;

  const contextOf = (element: Element): Context => {
    const known = contexts.get(element);
    if (known) return known;
    const parent = parentOf(element);
    const outer: Context = parent
      ? contextOf(parent)
      : { opacity: 1, clips: [], fixed: false, clippedAway: false, background: null, image: false };
    const style = view.getComputedStyle(element);
    const ownOpacity = Number.parseFloat(style.opacity);
    const opacity = outer.opacity * (Number.isNaN(ownOpacity) ? 1 : ownOpacity);
    // Overflow on <html> or <body> applies to the viewport, which `reachable` covers.
    const root = element === doc.documentElement || element === doc.body;
    const clipX = !root && (style.overflowX === 'hidden' || style.overflowX === 'clip');
    const clipY = !root && (style.overflowY === 'hidden' || style.overflowY === 'clip');
    const clips =
      clipX || clipY
        ? [...outer.clips, { box: element.getBoundingClientRect(), x: clipX, y: clipY }]
        : outer.clips;
    const positioned = style.position === 'absolute' || style.position === 'fixed';
    const own = parseColor(style.backgroundColor);
    const opaque = own !== null && (own[3] ?? 0) > 0.9;
    const context: Context = {
      opacity,
      clips,
      fixed: outer.fixed || style.position === 'fixed',
      clippedAway: outer.clippedAway || (positioned && clipsAway(style.clip)) || clipPathAway(style.clipPath),
      // The nearest opaque background wins; an image between text and it makes the colour unknown.
      background: opaque ? own : outer.background,
      image: opaque ? style.backgroundImage !== 'none' : outer.image || style.backgroundImage !== 'none',
    };
    contexts.set(element, context);
    return context;
  };

  const colourHides = (element: Element, context: Context): boolean => {
    const style = view.getComputedStyle(element);
    if (style.textShadow && style.textShadow !== 'none') return false;
    const fill =
      parseColor(style.getPropertyValue('-webkit-text-fill-color') || style.color) ?? parseColor(style.color);
    if (fill === null) return false;
    if ((fill[3] ?? 1) < MIN_OPACITY) return true;
    if (context.image) return false;
    // No opaque background anywhere up the tree: the canvas, white unless the page says otherwise.
    const background = context.background ?? [255, 255, 255, 1];
    return contrastRatio(fill, background) < MIN_CONTRAST;
  };

  /**
   * Inside the area a reader reaches: horizontally within the viewport's width (pages scroll
   * sideways rarely, and a probe parked at `left: -10000px` or `left: 10000px` is not meant to
   * be read), vertically anywhere below the top of the document (any scroll position). Under a
   * `position: fixed` ancestor the viewport itself. No `scrollWidth`/`scrollHeight`: on a page
   * with one 10 MB unbroken line they cost Chromium seconds of layout (hostile-pages suite).
   */
  const reachable = (box: Box, fixed: boolean): boolean => {
    const width = doc.documentElement.clientWidth || view.innerWidth;
    if (fixed) return box.right > 0 && box.bottom > 0 && box.left < width && box.top < view.innerHeight;
    const x = view.scrollX;
    // In the first viewport width of the document, or in the viewport now (a page the reader
    // has scrolled sideways; the scroll re-check brings such text in).
    const across = (box.right + x > 0 && box.left + x < width) || (box.right > 0 && box.left < width);
    return across && box.bottom + view.scrollY > 0;
  };

  return (range) => {
    const node = range.endContainer;
    const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (element === null || !element.isConnected) return false;
    const context = contextOf(element);
    if (context.clippedAway || context.opacity < MIN_OPACITY) return false;
    if (colourHides(element, context)) return false;
    for (const rect of range.getClientRects()) {
      let box: Box = { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
      for (const clip of context.clips) box = intersect(box, clip.box, clip.x, clip.y);
      if (bigEnough(box) && reachable(box, context.fixed)) return true;
    }
    return false;
  };
}
