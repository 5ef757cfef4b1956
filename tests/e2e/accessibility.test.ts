import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page as PlaywrightPage } from 'playwright-core';
import puppeteer, { type Browser as PuppeteerBrowser, type Page as PuppeteerPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, type BrowserName, launchChromiumContext, requireBuild } from './harness/browsers';
import { evaluateWithUiChromium, evaluateWithUiFirefox, type UiFunction } from './harness/claimnote-ui';
import { type FixtureServer, startFixtureServer } from './harness/fixture-server';
import { inPageExpression } from './harness/in-page';

/**
 * Issue 5, accessibility: axe-core in the real browsers against the note card (with its
 * markers), the popup and the options page, in a light and a dark colour scheme, with zero
 * serious or critical violations; plus keyboard checks: every control reachable with Tab,
 * a visible focus indicator on each, Escape closes the note, and no animation when the reader
 * asks for reduced motion.
 *
 * Extension pages are opened by URL, and the harness's page wrapper cannot switch colour
 * schemes, so this file drives the browsers directly: Chromium through the harness's
 * `launchChromiumContext` with media emulation, Firefox through puppeteer-core with the
 * colour-scheme and reduced-motion preferences set at launch and the add-on's internal UUID
 * fixed by preference (Firefox otherwise picks a random one for moz-extension:// URLs).
 * Firefox's automation cannot open moz-extension:// pages, so popup and options are checked
 * in Chromium only.
 *
 * The note card and markers live in closed shadow roots, which axe-core (running in the page)
 * cannot enter; the harness reaches them through the automation protocol, and for the audit
 * mirrors each closed root, styles included, into an open root in the same place.
 */

type Scheme = 'light' | 'dark';
const SCHEMES: readonly Scheme[] = ['light', 'dark'];
const FIREFOX_ADDON_ID = 'claimnote@claimnote.org';
const FIREFOX_UUID = '6f1c3a52-6c5e-4d7e-9a55-3c1a0f1e2b7d';
/** axe rule tags checked: WCAG 2.0-2.2 A and AA. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The few operations the checks need, over Playwright or Puppeteer pages. */
interface A11yPage {
  goto(url: string): Promise<void>;
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Like `evaluate`, with Claimnote's closed roots (harness/claimnote-ui.ts). */
  evaluateWithUi<A, R>(fn: UiFunction<A, R>, arg: A): Promise<R>;
  press(key: string): Promise<void>;
  close(): Promise<void>;
}

interface Driver {
  /** Base URL of the extension's pages, e.g. `chrome-extension://<id>/`. */
  extensionBase: string;
  newPage(): Promise<A11yPage>;
  close(): Promise<void>;
}

function fromPlaywright(page: PlaywrightPage): A11yPage {
  const cdp = page.context().newCDPSession(page);
  return {
    evaluateWithUi: async (fn, arg) => evaluateWithUiChromium(await cdp, fn, arg, true),
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: async <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) =>
      (await page.evaluate(inPageExpression(fn, arg))) as R,
    press: (key) => page.keyboard.press(key),
    close: () => page.close(),
  };
}

function fromPuppeteer(page: PuppeteerPage): A11yPage {
  return {
    evaluateWithUi: (fn, arg) => evaluateWithUiFirefox(page, fn, arg, true),
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: async <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) =>
      (await page.evaluate(inPageExpression(fn, arg))) as R,
    press: (key) => page.keyboard.press(key as Parameters<PuppeteerPage['keyboard']['press']>[0]),
    close: () => page.close(),
  };
}

async function launchDriver(browser: BrowserName, scheme: Scheme): Promise<Driver> {
  const build = await requireBuild(browser);
  if (browser === 'chromium') {
    const profile = await mkdtemp(join(tmpdir(), 'claimnote-a11y-'));
    const context: BrowserContext = await launchChromiumContext(profile, build);
    const worker =
      context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    return {
      extensionBase: `chrome-extension://${new URL(worker.url()).host}/`,
      newPage: async () => {
        const page = await context.newPage();
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        return fromPlaywright(page);
      },
      close: async () => {
        await context.close();
        await rm(profile, { recursive: true, force: true });
        await rm(build, { recursive: true, force: true });
      },
    };
  }
  const instance: PuppeteerBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_UUID }),
      // 0 = dark, 1 = light, for web content and extension pages alike.
      'layout.css.prefers-color-scheme.content-override': scheme === 'dark' ? 0 : 1,
      'ui.systemUsesDarkTheme': scheme === 'dark' ? 1 : 0,
      'ui.prefersReducedMotion': 1,
      'services.settings.server': 'http://127.0.0.1:9/v1',
    },
  });
  await instance.installExtension(build);
  return {
    extensionBase: `moz-extension://${FIREFOX_UUID}/`,
    newPage: async () => fromPuppeteer(await instance.newPage()),
    close: async () => {
      await instance.close();
      await rm(build, { recursive: true, force: true });
    },
  };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core in the page, limited to `include` (selectors; arrays pierce shadow roots). */
async function runAxe(page: A11yPage, include: (string | string[])[] | null): Promise<AxeViolation[]> {
  const source = await axeSource;
  // The driver evaluates `fn.toString()`; handing it axe's source as a function body injects axe
  // into the page's main world without a <script> element.
  await page.evaluate(
    Object.assign(() => undefined, { toString: () => `() => {\n${source}\n}` }),
    undefined,
  );
  return page.evaluate(
    async ({ include, tags }: { include: (string | string[])[] | null; tags: string[] }) => {
      type AxeResult = {
        violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
      };
      const axe = (
        window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } }
      ).axe;
      const result = await axe.run(include ? { include } : document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => JSON.stringify(node.target)),
      }));
    },
    { include, tags: AXE_TAGS },
  );
}

/**
 * Runs axe-core on Claimnote's note card and markers: each closed root is mirrored into an open
 * one (a copy of its host right after it, the original hidden meanwhile), axe audits the
 * mirrors, and everything is put back.
 */
async function runAxeOnClaimnote(page: A11yPage): Promise<AxeViolation[]> {
  const mirrored = await page.evaluateWithUi((_arg: undefined, roots) => {
    for (const root of roots) {
      const host = root.host as HTMLElement;
      const mirror = document.createElement(host.localName);
      mirror.setAttribute('style', host.getAttribute('style') ?? '');
      mirror.setAttribute('data-a11y-mirror', '');
      const open = mirror.attachShadow({ mode: 'open' });
      open.adoptedStyleSheets = [...root.adoptedStyleSheets];
      for (const child of root.childNodes) open.append(child.cloneNode(true));
      host.after(mirror);
      host.style.setProperty('visibility', 'hidden', 'important');
    }
    return roots.length;
  }, undefined);
  expect(mirrored, 'closed roots to audit').toBeGreaterThanOrEqual(2);
  try {
    return await runAxe(page, ['[data-a11y-mirror]']);
  } finally {
    await page.evaluateWithUi((_arg: undefined, roots) => {
      for (const mirror of document.querySelectorAll('[data-a11y-mirror]')) mirror.remove();
      for (const root of roots)
        (root.host as HTMLElement).style.setProperty('visibility', 'visible', 'important');
    }, undefined);
  }
}

const serious = (violations: AxeViolation[]) =>
  violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');

interface TabStop {
  id: string;
  /** Whether a focus indicator is drawn: an outline or a box shadow. */
  indicated: boolean;
}

/**
 * Tags every focusable control under `rootSelector` (or, when it is null, in Claimnote's closed
 * roots), looking into open shadow roots, then presses Tab up to `maxPresses` times and
 * records which tagged controls received focus.
 */
async function walkWithTab(
  page: A11yPage,
  rootSelector: string | null,
  maxPresses: number,
): Promise<{ controls: string[]; reached: TabStop[] }> {
  const controls = await page.evaluateWithUi((selector: string | null, roots) => {
    const found: string[] = [];
    const focusable =
      'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';
    const visit = (root: ParentNode) => {
      for (const element of root.querySelectorAll<HTMLElement>(`${focusable}, *`)) {
        if (element.shadowRoot) visit(element.shadowRoot);
        if (!element.matches(focusable)) continue;
        const box = element.getBoundingClientRect();
        const style = getComputedStyle(element);
        if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
        const id = `${element.tagName.toLowerCase()}#${found.length}:${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)}`;
        element.setAttribute('data-a11y-stop', id);
        found.push(id);
      }
    };
    if (selector === null) {
      // The note layer's root: the card's controls (markers are not part of the card's cycle).
      for (const root of roots) if (root.querySelector('[data-claimnote="note-card"]')) visit(root);
    } else {
      for (const root of document.querySelectorAll(selector)) {
        visit(root.shadowRoot ?? root);
        if (root.shadowRoot) visit(root);
      }
    }
    return found;
  }, rootSelector);
  const reached: TabStop[] = [];
  for (let press = 0; press < maxPresses; press++) {
    await page.press('Tab');
    const stop = await page.evaluateWithUi((_arg: undefined, roots) => {
      let active: Element | null = document.activeElement;
      for (;;) {
        const current = active;
        const root = current?.shadowRoot ?? roots.find((candidate) => candidate.host === current);
        if (!root?.activeElement) break;
        active = root.activeElement;
      }
      const id = active?.getAttribute('data-a11y-stop');
      if (!active || !id) return null;
      const style = getComputedStyle(active);
      const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
      return { id, indicated: outline || style.boxShadow !== 'none' };
    }, undefined);
    if (stop && !reached.some((seen) => seen.id === stop.id)) reached.push(stop);
    if (reached.length === controls.length) break;
  }
  return { controls, reached };
}

/** An article page in the given scheme with claims the note card will explain. */
function articlePage(scheme: Scheme): string {
  const colours =
    scheme === 'dark'
      ? 'color-scheme: dark; background: #121212; color: #e8e8e8;'
      : 'color-scheme: light; background: #ffffff; color: #1a1a1a;';
  return `<!doctype html><html lang="en" style="${colours}"><head><meta charset="utf-8"><title>Pump stories</title></head>
<body style="${colours} font: 16px/1.5 Georgia, serif; max-width: 40em; margin: 2em auto;"><main>
<h1>What my support group told me</h1>
<p>My neighbour swears her intrathecal pump sends the morphine straight into her brain.</p>
<p>Intrathecal pumps deliver small doses of medicine into the fluid around the spinal cord.</p>
<p>Ziconotide is just another opioid, like the ones in any pain pump.</p>
</main></body></html>`;
}

describe.each(BROWSERS)('accessibility in %s', (browserName) => {
  describe.each(SCHEMES)('%s colour scheme', (scheme) => {
    let server: FixtureServer | undefined;
    let driver: Driver | undefined;
    beforeAll(async () => {
      server = await startFixtureServer();
      server.generated.set(`/generated/a11y-${scheme}.html`, { body: articlePage(scheme) });
      driver = await launchDriver(browserName, scheme);
    });
    afterAll(async () => {
      await driver?.close();
      await server?.close();
    });

    const open = async (url: string): Promise<A11yPage> => {
      if (!driver) throw new Error('browser not started');
      const page = await driver.newPage();
      await page.goto(url);
      return page;
    };

    const openArticleWithNote = async (): Promise<A11yPage> => {
      const page = await open(server?.url(`/generated/a11y-${scheme}.html`) ?? '');
      const started = Date.now();
      while (Date.now() - started < 15_000) {
        const ready = await page.evaluateWithUi(
          (_arg: undefined, roots) =>
            roots.filter((root) => root.querySelector('button[data-claimnote="marker"]')).length >= 2,
          undefined,
        );
        if (ready) return page;
        await new Promise((done) => setTimeout(done, 200));
      }
      throw new Error(`no markers on the ${scheme} article after 15 s`);
    };

    const focusFirstMarker = (page: A11yPage) =>
      page.evaluateWithUi((_arg: undefined, roots) => {
        const buttons = roots
          .map((root) => root.querySelector<HTMLButtonElement>('button[data-claimnote="marker"]'))
          .filter((button): button is HTMLButtonElement => button !== null)
          .sort((a, b) =>
            (a.getRootNode() as ShadowRoot).host.compareDocumentPosition(
              (b.getRootNode() as ShadowRoot).host,
            ) & Node.DOCUMENT_POSITION_FOLLOWING
              ? -1
              : 1,
          );
        buttons[0]?.focus();
        return buttons.length > 0;
      }, undefined);

    const cardState = (page: A11yPage) =>
      page.evaluateWithUi((_arg: undefined, roots) => {
        let card: HTMLElement | null = null;
        for (const root of roots) card ??= root.querySelector<HTMLElement>('[data-claimnote="note-card"]');
        if (!card) return { open: false, animations: 0, scheme: '' };
        const box = card.getBoundingClientRect();
        const running = card
          .getAnimations({ subtree: true })
          .filter((animation) => Number(animation.effect?.getComputedTiming().duration ?? 0) > 1);
        return {
          open: box.width > 0 && box.height > 0 && getComputedStyle(card).visibility !== 'hidden',
          animations: running.length,
          scheme: getComputedStyle(card).colorScheme,
        };
      }, undefined);

    it('note card and markers: no serious or critical axe violations', async () => {
      const page = await openArticleWithNote();
      try {
        expect(await focusFirstMarker(page)).toBe(true);
        await page.press('Enter');
        await expect.poll(async () => (await cardState(page)).open, { timeout: 5_000 }).toBe(true);
        const violations = await runAxeOnClaimnote(page);
        expect(serious(violations), JSON.stringify(violations, null, 1)).toEqual([]);
      } finally {
        await page.close();
      }
    });

    it('note card: opened from the keyboard, every control reachable by Tab with visible focus, Escape closes it, no animation under reduced motion', async () => {
      const page = await openArticleWithNote();
      try {
        expect(await focusFirstMarker(page)).toBe(true);
        await page.press('Enter');
        await expect.poll(async () => (await cardState(page)).open, { timeout: 5_000 }).toBe(true);
        expect(
          (await cardState(page)).animations,
          'animations running with prefers-reduced-motion: reduce',
        ).toBe(0);
        const { controls, reached } = await walkWithTab(page, null, 40);
        expect(controls.length).toBeGreaterThanOrEqual(2);
        expect(reached.map((stop) => stop.id).sort()).toEqual([...controls].sort());
        expect(reached.filter((stop) => !stop.indicated).map((stop) => stop.id)).toEqual([]);
        await page.press('Escape');
        await expect.poll(async () => (await cardState(page)).open, { timeout: 5_000 }).toBe(false);
      } finally {
        await page.close();
      }
    });

    // Firefox's WebDriver BiDi refuses to navigate a tab to a moz-extension:// URL ("not allowed
    // in this context"), so the popup and options pages are checked in Chromium only; they are
    // the same HTML, CSS and Preact code in both builds.
    describe.skipIf(browserName === 'firefox')('extension pages', () => {
      it.each(['popup.html', 'options.html'])('%s: no serious or critical axe violations', async (path) => {
        const page = await open(`${driver?.extensionBase ?? ''}${path}`);
        try {
          // Wait for Preact to render the page's content.
          await expect
            .poll(() => page.evaluate(() => (document.body.textContent ?? '').trim().length, undefined), {
              timeout: 10_000,
            })
            .toBeGreaterThan(20);
          await new Promise((done) => setTimeout(done, 500));
          const violations = await runAxe(page, null);
          expect(serious(violations), JSON.stringify(violations, null, 1)).toEqual([]);
        } finally {
          await page.close();
        }
      });

      it.each(['popup.html', 'options.html'])(
        '%s: every control reachable by Tab, each with a visible focus indicator',
        async (path) => {
          const page = await open(`${driver?.extensionBase ?? ''}${path}`);
          try {
            await expect
              .poll(() => page.evaluate(() => (document.body.textContent ?? '').trim().length, undefined), {
                timeout: 10_000,
              })
              .toBeGreaterThan(20);
            await new Promise((done) => setTimeout(done, 500));
            const { controls, reached } = await walkWithTab(page, 'body', 150);
            expect(controls.length).toBeGreaterThan(0);
            expect(reached.map((stop) => stop.id).sort()).toEqual([...controls].sort());
            expect(reached.filter((stop) => !stop.indicated).map((stop) => stop.id)).toEqual([]);
          } finally {
            await page.close();
          }
        },
      );
    });
  });
});
