import type { DriverPage, Rect } from './browsers';

/**
 * What the tests read from a page, through the Page DOM contract in contracts.md only:
 * `<claimnote-root>` (state, finding count, note card in its open shadow root),
 * `<claimnote-marker>` elements and the `claimnote-*` CSS Custom Highlights. Highlights are
 * kept per document, so the page's main world sees the ones the content script registered
 * in its isolated world (checked in Chromium and Firefox).
 */

export const HIGHLIGHT_NAMES = [
  'claimnote-false',
  'claimnote-misleading',
  'claimnote-unsupported',
  'claimnote-needs-context',
] as const;

export interface ScanState {
  /** `<claimnote-root>` exists (the page passed the relevance check). */
  hostPresent: boolean;
  state: string | null;
  /** `data-findings` of the host, or null when absent. */
  findings: number | null;
  markers: number;
}

export interface MarkerInfo {
  claimId: string | null;
  verdict: string | null;
  finding: string | null;
  /** Accessible name of the marker's button (aria-label, else text). */
  buttonName: string | null;
  buttonFocusable: boolean;
  /** The button's box on screen (zero when it is not rendered). */
  buttonRect: Rect | null;
  /** Text of the paragraph-level element holding the marker, for diagnostics and quotes. */
  blockText: string;
}

export interface LinkInfo {
  href: string;
  target: string | null;
  rel: string | null;
  text: string;
}

export interface CardStyle {
  display: string;
  visibility: string;
  opacity: string;
  color: string;
  backgroundColor: string;
  fontSize: number;
  /** Effective background behind the text: first non-transparent background up the tree. */
  effectiveBackground: string;
  /** Contrast ratio between text colour and effective background (WCAG formula). */
  contrast: number;
}

export interface NoteCardInfo {
  present: boolean;
  /** Present, displayed, not `visibility: hidden`, not fully transparent, and with a size. */
  visible: boolean;
  role: string | null;
  verdict: string;
  correction: string;
  explanation: string;
  reviewed: string;
  whyMatched: string;
  links: LinkInfo[];
  /** `aria-pressed` of each `pin-toggle` button, in order. */
  pinToggles: (string | null)[];
  hasReport: boolean;
  /** Text of the element(s) named by the card's `aria-labelledby` (its accessible name), else `aria-label`. */
  accessibleName: string;
  hasClose: boolean;
  rect: Rect | null;
  style: CardStyle | null;
  /** Whether the card's centre is the topmost thing on screen (not covered by page overlays). */
  onTop: boolean;
}

export interface FocusInfo {
  /** Tag of document.activeElement. */
  documentActive: string;
  /** Tag and claim id of the marker holding focus in its shadow root, if any. */
  markerClaimId: string | null;
  shadowActive: string | null;
}

/**
 * Waits until the content script has settled: `<claimnote-root data-state="idle">` with an
 * unchanged finding count for `settleMs`, or, when no host appears, until `timeoutMs` has
 * passed (pages without relevant text never get a host).
 *
 * @param page the page
 * @param options `timeoutMs` (default 10 s), `settleMs` (default 600 ms), `requireHost`
 *   to throw when no host shows up
 * @returns the settled state
 */
export async function waitForScan(
  page: DriverPage,
  options: { timeoutMs?: number; settleMs?: number; requireHost?: boolean; minFindings?: number } = {},
): Promise<ScanState> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const settleMs = options.settleMs ?? 600;
  const minFindings = options.minFindings ?? 0;
  const started = Date.now();
  let last: ScanState | undefined;
  let stableSince = Date.now();
  while (Date.now() - started < timeoutMs) {
    const now = await readScanState(page);
    if (!last || JSON.stringify(now) !== JSON.stringify(last)) stableSince = Date.now();
    last = now;
    const settled = now.hostPresent && now.state === 'idle' && (now.findings ?? 0) >= minFindings;
    if (settled && Date.now() - stableSince >= settleMs) return now;
    await delay(100);
  }
  const final = last ?? (await readScanState(page));
  if (options.requireHost && !final.hostPresent) {
    throw new Error(`No <claimnote-root> after ${timeoutMs} ms on ${await pageUrl(page)}`);
  }
  return final;
}

/** The host's state and the number of markers in the page, right now. */
export function readScanState(page: DriverPage): Promise<ScanState> {
  return page.evaluate(() => {
    const host = document.querySelector('claimnote-root');
    const findings = host?.getAttribute('data-findings');
    return {
      hostPresent: host !== null,
      state: host?.getAttribute('data-state') ?? null,
      findings: findings === null || findings === undefined ? null : Number(findings),
      markers: document.querySelectorAll('claimnote-marker').length,
    };
  }, undefined);
}

/** All markers in document order. */
export function readMarkers(page: DriverPage): Promise<MarkerInfo[]> {
  return page.evaluate(() => {
    const blockOf = (node: Element): Element => {
      let current: Element | null = node.parentElement;
      while (current && getComputedStyle(current).display.startsWith('inline'))
        current = current.parentElement;
      return current ?? document.body;
    };
    return [...document.querySelectorAll('claimnote-marker')].map((marker) => {
      const button = marker.shadowRoot?.querySelector('button') ?? null;
      return {
        claimId: marker.getAttribute('data-claim-id'),
        verdict: marker.getAttribute('data-verdict'),
        finding: marker.getAttribute('data-finding'),
        buttonName: button ? (button.getAttribute('aria-label') ?? button.textContent?.trim() ?? null) : null,
        buttonFocusable: button !== null && !button.disabled && button.tabIndex >= 0,
        buttonRect: button
          ? (({ x, y, width, height }) => ({ x, y, width, height }))(button.getBoundingClientRect())
          : null,
        blockText: (blockOf(marker).textContent ?? '').replace(/\s+/g, ' ').trim(),
      };
    });
  }, undefined);
}

/** The text of every range in each `claimnote-*` highlight (absent names map to []). */
export function readHighlights(page: DriverPage): Promise<Record<string, string[]>> {
  return page.evaluate((names: readonly string[]) => {
    const result: Record<string, string[]> = {};
    for (const name of names) {
      const highlight = CSS.highlights.get(name);
      result[name] = highlight
        ? [...highlight].map((range) => range.toString().replace(/\s+/g, ' ').trim())
        : [];
    }
    return result;
  }, HIGHLIGHT_NAMES);
}

/**
 * Opens the note of the `index`-th marker (document order), by clicking its button at its
 * on-screen position (a real click, hit-tested like a reader's) or by focusing it and
 * pressing Enter.
 */
export async function openNote(
  page: DriverPage,
  index: number,
  via: 'click' | 'keyboard' = 'click',
): Promise<void> {
  if (via === 'keyboard') {
    const focused = await page.evaluate((i: number) => {
      const button = document.querySelectorAll('claimnote-marker')[i]?.shadowRoot?.querySelector('button');
      if (!button) return false;
      button.scrollIntoView({ block: 'center' });
      button.focus();
      return true;
    }, index);
    if (!focused) throw new Error(`No marker button #${index}`);
    await page.press('Enter');
  } else {
    const box = await page.evaluate((i: number) => {
      const button = document.querySelectorAll('claimnote-marker')[i]?.shadowRoot?.querySelector('button');
      if (!button) return null;
      button.scrollIntoView({ block: 'center' });
      const rect = button.getBoundingClientRect();
      return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    }, index);
    if (!box) throw new Error(`No marker button #${index}`);
    if (box.width === 0 || box.height === 0) throw new Error(`Marker button #${index} has no size on screen`);
    await page.clickAt(box.x + box.width / 2, box.y + box.height / 2);
  }
  await waitFor(page, () => readNoteCard(page).then((card) => card.visible), 5_000, 'note card to open');
  // Read the card as a reader sees it once it has appeared, not halfway through a fade-in.
  await page.evaluate(async () => {
    const card = document
      .querySelector('claimnote-root')
      ?.shadowRoot?.querySelector<HTMLElement>('[data-claimnote="note-card"]');
    const animations = card?.getAnimations({ subtree: true }) ?? [];
    await Promise.race([
      Promise.all(animations.map((animation) => animation.finished.catch(() => undefined))),
      new Promise((done) => setTimeout(done, 3_000)),
    ]);
  }, undefined);
}

/** Reads the open note card (or `present: false`). */
export function readNoteCard(page: DriverPage): Promise<NoteCardInfo> {
  return page.evaluate(() => {
    const empty = {
      present: false,
      visible: false,
      role: null,
      verdict: '',
      correction: '',
      explanation: '',
      reviewed: '',
      whyMatched: '',
      links: [],
      pinToggles: [],
      hasReport: false,
      accessibleName: '',
      hasClose: false,
      rect: null,
      style: null,
      onTop: false,
    };
    const host = document.querySelector('claimnote-root');
    const card = host?.shadowRoot?.querySelector<HTMLElement>('[data-claimnote="note-card"]');
    if (!host || !card) return empty;
    const text = (selector: string) =>
      (card.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const parse = (colour: string): number[] => (colour.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = (rgb: number[]) => {
      const channel = (value: number) => {
        const s = value / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(rgb[0] ?? 0) + 0.7152 * channel(rgb[1] ?? 0) + 0.0722 * channel(rgb[2] ?? 0);
    };
    const isOpaque = (colour: string) => {
      const parts = parse(colour);
      return parts.length >= 3 && (parts.length < 4 || (parts[3] ?? 0) > 0.9);
    };
    // The correction is the text a reader must be able to read; measure its colours.
    const sample = card.querySelector<HTMLElement>('[data-claimnote="correction"]') ?? card;
    const sampleStyle = getComputedStyle(sample);
    let background = 'rgb(255, 255, 255)';
    for (let node: Element | null = sample; node; ) {
      const colour = getComputedStyle(node).backgroundColor;
      if (isOpaque(colour)) {
        background = colour;
        break;
      }
      const parent: Node | null = node.parentNode;
      node = parent instanceof ShadowRoot ? parent.host : (parent as Element | null);
    }
    const l1 = luminance(parse(sampleStyle.color));
    const l2 = luminance(parse(background));
    const contrast = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    const cardStyle = getComputedStyle(card);
    const rect = card.getBoundingClientRect();
    const cx = Math.min(Math.max(rect.x + rect.width / 2, 0), innerWidth - 1);
    const cy = Math.min(Math.max(rect.y + Math.min(rect.height / 2, 40), 0), innerHeight - 1);
    const topmost = document.elementFromPoint(cx, cy);
    return {
      present: true,
      visible:
        rect.width > 0 &&
        rect.height > 0 &&
        cardStyle.display !== 'none' &&
        cardStyle.visibility !== 'hidden' &&
        Number(cardStyle.opacity) > 0,
      role: card.getAttribute('role'),
      verdict: text('[data-claimnote="verdict"]'),
      correction: text('[data-claimnote="correction"]'),
      explanation: text('[data-claimnote="explanation"]'),
      reviewed: text('[data-claimnote="reviewed"]'),
      whyMatched: text('[data-claimnote="why-matched"]'),
      links: [...card.querySelectorAll<HTMLAnchorElement>('a[data-claimnote="source-link"]')].map((a) => ({
        href: a.href,
        target: a.getAttribute('target'),
        rel: a.getAttribute('rel'),
        text: (a.textContent ?? '').replace(/\s+/g, ' ').trim(),
      })),
      pinToggles: [...card.querySelectorAll('button[data-claimnote="pin-toggle"]')].map((button) =>
        button.getAttribute('aria-pressed'),
      ),
      hasReport: card.querySelector('button[data-claimnote="report"]') !== null,
      accessibleName: (
        (card.getAttribute('aria-labelledby') ?? '')
          .split(/\s+/)
          .map((id) => (id ? (host.shadowRoot?.getElementById(id)?.textContent ?? '') : ''))
          .join(' ')
          .trim() ||
        card.getAttribute('aria-label') ||
        ''
      )
        .replace(/\s+/g, ' ')
        .trim(),
      hasClose: card.querySelector('button[data-claimnote="close"]') !== null,
      rect: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
      style: {
        display: cardStyle.display,
        visibility: cardStyle.visibility,
        opacity: cardStyle.opacity,
        color: sampleStyle.color,
        backgroundColor: cardStyle.backgroundColor,
        fontSize: Number.parseFloat(sampleStyle.fontSize),
        effectiveBackground: background,
        contrast,
      },
      onTop: topmost === host,
    };
  }, undefined);
}

/** Where keyboard focus is, looking into the markers' shadow roots. */
export function readFocus(page: DriverPage): Promise<FocusInfo> {
  return page.evaluate(() => {
    const active = document.activeElement;
    const isMarker = active?.tagName.toLowerCase() === 'claimnote-marker';
    return {
      documentActive: active?.tagName.toLowerCase() ?? '',
      markerClaimId: isMarker ? active.getAttribute('data-claim-id') : null,
      shadowActive: isMarker ? (active.shadowRoot?.activeElement?.tagName.toLowerCase() ?? null) : null,
    };
  }, undefined);
}

/**
 * The page body as HTML with Claimnote's markers taken out and adjacent text nodes merged,
 * so it can be compared with the body as parsed. `source` picks the live body or the clone
 * a fixture page stores in `window.__fixtureBodyAtParse` before any content script runs.
 */
export function serializeBodyWithoutMarkers(
  page: DriverPage,
  source: 'live' | 'at-parse',
): Promise<string | null> {
  return page.evaluate((which: string) => {
    const stored = (window as unknown as { __fixtureBodyAtParse?: HTMLElement }).__fixtureBodyAtParse;
    const original = which === 'live' ? document.body : stored;
    if (!original) return null;
    const clone = original.cloneNode(true) as HTMLElement;
    for (const marker of clone.querySelectorAll('claimnote-marker')) marker.remove();
    for (const script of clone.querySelectorAll('script[data-fixture-snapshot]')) script.remove();
    clone.normalize();
    return clone.innerHTML.trim();
  }, source);
}

/** Polls `check` every 100 ms until it is true or `timeoutMs` passes (then throws `what`). */
export async function waitFor(
  page: DriverPage,
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return;
    await delay(100);
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what} on ${await pageUrl(page)}`);
}

function pageUrl(page: DriverPage): Promise<string> {
  return page.evaluate(() => location.href, undefined);
}

/** Resolves after `ms` milliseconds. */
export function delay(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
