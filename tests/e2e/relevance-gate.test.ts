import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSERS,
  type BrowserName,
  type BrowserSession,
  type DriverPage,
  launchBrowser,
  requireBuild,
} from './harness/browsers';
import { delay, waitFor } from './harness/claimnote-page';
import { fixtureExpectations } from './harness/expectations';
import { type FixtureServer, startFixtureServer } from './harness/fixture-server';

// Pages about pumpkins and breast pumps must cost what any irrelevant page costs: the content
// script's gate stays shut and page-scanner.js is never loaded. The test runs a copy of the
// build whose page-scanner.js and relevance-watch.js, when evaluated, set an attribute on
// <html> (the DOM is shared with the isolated world), so loading is observed directly,
// whatever the scanner later shows.
const MARK = 'data-e2e-page-scanner';
const WATCH_MARK = 'data-e2e-relevance-watch';
/** A page without any word the gate's first search finds: the boot alone handles it. */
const NO_TERM_PAGE = 'other-topics/tomato-notes.html';
const SHUT_PAGES = ['other-topics/pumpkin-harvest.html', 'other-topics/breast-pump-guide.html'];
const CONTROL = 'blog/living-with-my-pain-pump.html';
/** Long enough for document_idle, the content script and its first check, on a loaded machine. */
const QUIET_MS = 3_000;

async function instrumentedBuild(browser: BrowserName): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `claimnote-gate-${browser}-`));
  await cp(await requireBuild(browser), dir, { recursive: true });
  for (const [file, mark] of [
    ['page-scanner.js', MARK],
    ['relevance-watch.js', WATCH_MARK],
  ] as const) {
    const script = join(dir, file);
    const source = await readFile(script, 'utf8');
    await writeFile(
      script,
      `${source}\n;document.documentElement.setAttribute(${JSON.stringify(mark)}, 'loaded');\n`,
    );
  }
  return dir;
}

const scannerLoaded = (page: DriverPage) =>
  page.evaluate((mark) => document.documentElement.hasAttribute(mark), MARK);
const watchLoaded = (page: DriverPage) =>
  page.evaluate((mark) => document.documentElement.hasAttribute(mark), WATCH_MARK);

describe.each(BROWSERS)('relevance gate in %s', (browserName) => {
  let dir = '';
  let server: FixtureServer | undefined;
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    dir = await instrumentedBuild(browserName);
    server = await startFixtureServer();
    session = await launchBrowser(browserName, dir);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  const open = async (path: string) => {
    if (!session || !server) throw new Error('browser not started');
    const page = await session.newPage();
    await page.goto(server.url(path));
    return page;
  };

  /**
   * Adds a paragraph as the page's own script would, then waits for the scanner, and checks
   * the page logged no error on the way. A resource 404 is the fixture server's missing
   * favicon, which Chromium sometimes asks for anyway (seen once in three full runs); every
   * other console error still fails the test.
   */
  const addTextAndAwaitScanner = async (page: DriverPage, text: string, what: string) => {
    await page.evaluate((paragraph) => {
      const p = document.createElement('p');
      p.textContent = paragraph;
      document.body.append(p);
    }, text);
    await waitFor(page, () => scannerLoaded(page), 15_000, what);
    expect(page.errors.filter((error) => !/Failed to load resource/.test(error))).toEqual([]);
  };

  it('control: an intrathecal page loads the scanner', async () => {
    const page = await open(CONTROL);
    await waitFor(page, () => scannerLoaded(page), 15_000, 'page-scanner.js evaluated on the control page');
    await page.close();
  });

  it.each(SHUT_PAGES)('%s never loads the scanner, until intrathecal text is added', async (path) => {
    expect(fixtureExpectations(path).initial).toEqual([]);
    const page = await open(path);
    await delay(QUIET_MS);
    expect(await scannerLoaded(page)).toBe(false);
    // The content script was running all along: relevant text added now opens the gate.
    await addTextAndAwaitScanner(
      page,
      'My mother has had an intrathecal pump for her back pain since 2021.',
      'page-scanner.js evaluated after relevant text was added',
    );
    await page.close();
  });

  it('a page with no possible term loads no other script, until relevant text is added', async () => {
    expect(fixtureExpectations(NO_TERM_PAGE).initial).toEqual([]);
    const page = await open(NO_TERM_PAGE);
    await delay(QUIET_MS);
    expect(await watchLoaded(page)).toBe(false);
    expect(await scannerLoaded(page)).toBe(false);
    // The boot's observer was recording: the watch it loads now takes the record over.
    await addTextAndAwaitScanner(
      page,
      'My father has a baclofen pump for spasticity after his spinal cord injury.',
      'page-scanner.js evaluated after the boot handed over',
    );
    expect(await watchLoaded(page)).toBe(true);
    await page.close();
  });
});
