import type { DriverPage, Rect } from './browsers';

/**
 * What the tests read from a page. Claimnote's page footprint is deliberately small and
 * closed (docs/permissions.md, "What a page can observe"), so the harness reads it through
 * channels page scripts do not have:
 * - the scan state from the test probe (lib/page/test-probe.ts), a script the harness adds to
 *   its copy of the build, which reports on the console;
 * - markers (empty `<span>` hosts) and the note layer (a `<div>` on `<html>`) through their
 *   closed shadow roots, reached with the automation protocol (claimnote-ui.ts);
 * - the one highlight, whose random name the probe reports, from `CSS.highlights` (shared
 *   by the page's and the content script's worlds in Chromium and Firefox).
 */

export interface ScanState {
  /** The content script is active on the page (it passed the relevance check). */
  active: boolean;
  state: 'scanning' | 'idle' | null;
  /** Findings of the last pass (visible or not), or null before the first report. */
  findings: number | null;
  /** Marker hosts in the page (closed roots holding a marker button); -1 when not read. */
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
  /** Claim id of the marker holding focus in its closed root, if any. */
  markerClaimId: string | null;
  shadowActive: string | null;
}

/**
 * Waits until the content script has settled: the probe says idle with an unchanged state for
 * `settleMs`, or, when the page never becomes active, until `timeoutMs` has passed (pages
 * without relevant text stay dormant and report nothing).
 *
 * @param page the page
 * @param options `timeoutMs` (default 10 s), `settleMs` (default 600 ms), `requireActive`
 *   to throw when the page never becomes active, `minFindings`
 * @returns the settled state
 */
export async function waitForScan(
  page: DriverPage,
  options: { timeoutMs?: number; settleMs?: number; requireActive?: boolean; minFindings?: number } = {},
): Promise<ScanState> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const settleMs = options.settleMs ?? 600;
  const minFindings = options.minFindings ?? 0;
  const started = Date.now();
  let last: ScanState | undefined;
  let stableSince = Date.now();
  while (Date.now() - started < timeoutMs) {
    const probe = page.probe;
    const idle = probe?.active === true && !probe.scanning && probe.findings >= minFindings;
    // The DOM is read only once the probe says idle: it costs protocol round trips per host.
    const now = idle ? await readScanState(page) : probeOnly(page);
    if (!last || JSON.stringify(now) !== JSON.stringify(last)) stableSince = Date.now();
    last = now;
    const settled = now.active && now.state === 'idle' && (now.findings ?? 0) >= minFindings;
    if (settled && Date.now() - stableSince >= settleMs) return now;
    await delay(100);
  }
  const final = last ?? (await readScanState(page));
  if (options.requireActive && !final.active) {
    throw new Error(`Claimnote never became active in ${timeoutMs} ms on ${await pageUrl(page)}`);
  }
  return final;
}

function probeOnly(page: DriverPage): ScanState {
  const probe = page.probe;
  return {
    active: probe?.active ?? false,
    state: probe === null ? null : probe.scanning ? 'scanning' : 'idle',
    findings: probe?.findings ?? null,
    markers: -1,
  };
}

/** The probe's state and the number of marker hosts in the page, right now. */
export async function readScanState(page: DriverPage): Promise<ScanState> {
  const markers = await page.evaluateWithUi(
    (_arg: undefined, roots) => {
      // Loops only: a hostile page may have replaced Array.prototype.filter and friends.
      let count = 0;
      for (const root of roots)
        if (root.querySelector('button[data-claimnote="marker"]') !== null) count += 1;
      return count;
    },
    undefined,
    { deep: true },
  );
  return { ...probeOnly(page), markers };
}

/** All markers in document order (also inside the page's open shadow roots). */
export function readMarkers(page: DriverPage): Promise<MarkerInfo[]> {
  return page.evaluateWithUi(
    (_arg: undefined, roots) => {
      const blockOf = (node: Element): Element => {
        let current: Element | null = node.parentElement;
        while (current && getComputedStyle(current).display.startsWith('inline'))
          current = current.parentElement;
        return current ?? document.body;
      };
      const markers: { host: Element; button: HTMLButtonElement }[] = [];
      for (const root of roots) {
        const button = root.querySelector<HTMLButtonElement>('button[data-claimnote="marker"]');
        if (button) markers.push({ host: root.host, button });
      }
      markers.sort((a, b) =>
        a.host.compareDocumentPosition(b.host) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
      );
      // Loops only: a hostile page may have replaced Array.prototype.map and friends.
      const infos = [];
      for (const { host, button } of markers) {
        const rect = button.getBoundingClientRect();
        infos.push({
          claimId: button.getAttribute('data-claim-id'),
          verdict: button.getAttribute('data-verdict'),
          finding: button.getAttribute('data-finding'),
          buttonName: button.getAttribute('aria-label') ?? button.textContent?.trim() ?? null,
          buttonFocusable: !button.disabled && button.tabIndex >= 0,
          buttonRect: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
          blockText: (blockOf(host).textContent ?? '').replace(/\s+/g, ' ').trim(),
        });
      }
      return infos;
    },
    undefined,
    { deep: true },
  );
}

/**
 * The text of every range in Claimnote's one highlight (its random name comes from the
 * probe); [] when there is none.
 */
export function readHighlights(page: DriverPage): Promise<string[]> {
  const name = page.probe?.highlight ?? null;
  if (name === null) return Promise.resolve([]);
  return page.evaluate((highlight: string) => {
    const ranges = CSS.highlights.get(highlight);
    return ranges ? [...ranges].map((range) => (range as Range).toString().replace(/\s+/g, ' ').trim()) : [];
  }, name);
}

/**
 * Opens the note of the `index`-th marker (document order), by clicking its button at its
 * on-screen position (a real click, hit-tested like a reader's) or by focusing it and
 * pressing Enter (a real key press). The harness moves focus in the page's main world through
 * the closed root the protocol hands over; focus events are trusted whoever calls `focus()`.
 */
export async function openNote(
  page: DriverPage,
  index: number,
  via: 'click' | 'keyboard' = 'click',
): Promise<void> {
  const box = await page.evaluateWithUi(
    ({ i, focus }: { i: number; focus: boolean }, roots) => {
      const buttons: HTMLButtonElement[] = [];
      for (const root of roots) {
        const button = root.querySelector<HTMLButtonElement>('button[data-claimnote="marker"]');
        if (button) buttons.push(button);
      }
      buttons.sort((a, b) =>
        (a.getRootNode() as ShadowRoot).host.compareDocumentPosition((b.getRootNode() as ShadowRoot).host) &
        Node.DOCUMENT_POSITION_FOLLOWING
          ? -1
          : 1,
      );
      const button = buttons[i];
      if (!button) return null;
      button.scrollIntoView({ block: 'center' });
      if (focus) button.focus();
      const rect = button.getBoundingClientRect();
      return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    },
    { i: index, focus: via === 'keyboard' },
    { deep: true },
  );
  if (!box) throw new Error(`No marker button #${index}`);
  if (via === 'keyboard') {
    await page.press('Enter');
  } else {
    if (box.width === 0 || box.height === 0) throw new Error(`Marker button #${index} has no size on screen`);
    await page.clickAt(box.x + box.width / 2, box.y + box.height / 2);
  }
  await waitFor(page, () => readNoteCard(page).then((card) => card.visible), 5_000, 'note card to open');
  // Read the card as a reader sees it once it has appeared, not halfway through a fade-in.
  await page.evaluateWithUi(async (_arg: undefined, roots) => {
    let card: HTMLElement | null = null;
    for (const root of roots) card ??= root.querySelector<HTMLElement>('[data-claimnote="note-card"]');
    const animations = card?.getAnimations({ subtree: true }) ?? [];
    await Promise.race([
      Promise.all(animations.map((animation) => animation.finished.catch(() => undefined))),
      new Promise((done) => setTimeout(done, 3_000)),
    ]);
  }, undefined);
}

/**
 * Clicks a control inside the open note card with a real (trusted) click at its position: the
 * first matching `selector`, or the one whose `data-publisher` is `publisher`.
 */
export async function clickInNote(page: DriverPage, selector: string, publisher?: string): Promise<void> {
  const box = await page.evaluateWithUi(
    ({ selector, publisher }: { selector: string; publisher: string | null }, roots) => {
      let card: Element | null = null;
      for (const root of roots) card ??= root.querySelector('[data-claimnote="note-card"]');
      const button = [...(card?.querySelectorAll<HTMLElement>(selector) ?? [])].find(
        (candidate) => publisher === null || candidate.getAttribute('data-publisher') === publisher,
      );
      if (!button) return null;
      button.scrollIntoView({ block: 'nearest' });
      const rect = button.getBoundingClientRect();
      return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    },
    { selector, publisher: publisher ?? null },
  );
  if (!box) throw new Error(`No ${selector} ${publisher ?? ''} in the note card`);
  await page.clickAt(box.x + box.width / 2, box.y + box.height / 2);
}

/** Reads the open note card (or `present: false`). */
export function readNoteCard(page: DriverPage): Promise<NoteCardInfo> {
  return page.evaluateWithUi((_arg: undefined, roots) => {
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
    const root = roots.find((candidate) => candidate.querySelector('[data-claimnote="note-card"]') !== null);
    const host = root?.host;
    const card = root?.querySelector<HTMLElement>('[data-claimnote="note-card"]');
    if (!root || !host || !card) return empty;
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
          .map((id) => (id ? (root.getElementById(id)?.textContent ?? '') : ''))
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

/** Where keyboard focus is, looking into the markers' closed roots. */
export function readFocus(page: DriverPage): Promise<FocusInfo> {
  return page.evaluateWithUi(
    (_arg: undefined, roots) => {
      const active = document.activeElement;
      const root = roots.find((candidate) => candidate.host === active);
      const button = root?.querySelector('button[data-claimnote="marker"]') ?? null;
      return {
        documentActive: active?.tagName.toLowerCase() ?? '',
        markerClaimId: button ? button.getAttribute('data-claim-id') : null,
        shadowActive: button ? (root?.activeElement?.tagName.toLowerCase() ?? null) : null,
      };
    },
    undefined,
    { deep: true },
  );
}

/**
 * The page body as HTML with Claimnote's marker hosts taken out and adjacent text nodes
 * merged, so it can be compared with the body as parsed. `source` picks the live body or the
 * clone a fixture page stores in `window.__fixtureBodyAtParse` before any content script runs.
 */
export function serializeBodyWithoutMarkers(
  page: DriverPage,
  source: 'live' | 'at-parse',
): Promise<string | null> {
  return page.evaluateWithUi((which: string, roots) => {
    const stored = (window as unknown as { __fixtureBodyAtParse?: HTMLElement }).__fixtureBodyAtParse;
    const original = which === 'live' ? document.body : stored;
    if (!original) return null;
    // Child-index paths of the hosts from the body, so the clone loses the same nodes.
    const paths: number[][] = [];
    if (which === 'live') {
      for (const root of roots) {
        const path: number[] = [];
        let node: Node = root.host;
        while (node !== original && node.parentNode) {
          path.unshift([...node.parentNode.childNodes].indexOf(node as ChildNode));
          node = node.parentNode;
        }
        if (node === original) paths.push(path);
      }
    }
    const clone = original.cloneNode(true) as HTMLElement;
    const targets = paths.map((path) =>
      path.reduce<Node | undefined>((node, index) => node?.childNodes[index], clone),
    );
    for (const target of targets) (target as ChildNode | undefined)?.remove();
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
