import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, type CDPSession, chromium, type Page as PlaywrightPage } from 'playwright-core';
import puppeteer, { type Browser as PuppeteerBrowser, type Page as PuppeteerPage } from 'puppeteer-core';
import type { TestProbeState } from '../../../lib/page/test-probe';
import { evaluateWithUiChromium, evaluateWithUiFirefox, type UiFunction } from './claimnote-ui';
import { inPageExpression } from './in-page';
import { NetworkRecorder } from './network-recorder';
import { type RecordingProxy, startRecordingProxy } from './recording-proxy';

export type BrowserName = 'chromium' | 'firefox';

/** Both browsers every end-to-end test runs in. */
export const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

export const REPO_ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/** Where `npm run build` puts each browser's extension. */
export const EXTENSION_DIRS: Record<BrowserName, string> = {
  chromium: join(REPO_ROOT, '.output/chrome-mv3'),
  firefox: join(REPO_ROOT, '.output/firefox-mv2'),
};

const EXECUTABLES: Record<BrowserName, string> = {
  chromium: '/usr/bin/chromium',
  firefox: '/usr/bin/firefox-esr',
};

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * What Claimnote's content script last told the harness's probe, parsed from the probe's console
 * line: the state the content script publishes (lib/page/test-probe.ts).
 */
export type ProbeState = TestProbeState;

/** The few page operations the tests need, the same for Playwright and Puppeteer. */
export interface DriverPage {
  readonly browser: BrowserName;
  goto(url: string): Promise<void>;
  /** Runs `fn(arg)` in the page's main world; see `inPageExpression` for the limits on `fn`. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /**
   * Runs `fn(arg, roots)` in the page's main world with Claimnote's closed shadow roots, which
   * the harness reaches through the automation protocol (claimnote-ui.ts). `deep` also finds
   * hosts inside the page's own open shadow roots. The result must be JSON-serializable.
   */
  evaluateWithUi<A, R>(fn: UiFunction<A, R>, arg: A, options?: { deep?: boolean }): Promise<R>;
  /** The top frame's last probe state since the last `goto`, or null. */
  readonly probe: ProbeState | null;
  /** The last probe state of each child frame since the last `goto`, by frame URL. */
  readonly frameProbes: ReadonlyMap<string, ProbeState>;
  clickAt(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  screenshot(name: string, clip?: Rect): Promise<string>;
  /** Uncaught errors and console errors seen in the page so far. */
  readonly errors: string[];
  close(): Promise<void>;
}

export interface BrowserSession {
  readonly name: BrowserName;
  readonly extensionId: string;
  /** Every request of the session, with the ones the extension made singled out. */
  readonly network: NetworkRecorder;
  newPage(): Promise<DriverPage>;
  close(): Promise<void>;
}

/**
 * Returns a private copy of the extension build for `browser`. Several engineers share one
 * checkout and rebuild `.output/` while tests run; loading a snapshot keeps a rebuild from
 * pulling files from under a running browser. A build that is missing at first is waited
 * for a while (another `npm run build` may be writing it), then reported readably instead
 * of letting the browser start without the extension.
 *
 * @param browser which build to copy
 * @param waitMs how long to wait for `manifest.json` to appear
 * @returns the snapshot directory
 * @throws when there is no build after `waitMs`
 */
/** Console prefix of the test probe's lines. */
export const PROBE_PREFIX = 'claimnote-test-probe ';

/**
 * The test-only probe script: it runs first in Claimnote's content-script world (same manifest
 * entry, so the same isolated world or sandbox) and defines the hook that
 * lib/page/test-probe.ts calls. It prints each state on the console, which the automation
 * protocols report and page scripts cannot read.
 */
const PROBE_SCRIPT = `globalThis.__claimnoteTestProbe = (state) => {
  console.debug(${JSON.stringify(PROBE_PREFIX)} + JSON.stringify(state));
};
`;

/** Adds the probe to a snapshot of the build: written beside the content script, listed first. */
async function addTestProbe(snapshot: string): Promise<void> {
  const manifestPath = join(snapshot, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as {
    content_scripts?: { js?: string[] }[];
  };
  await writeFile(join(snapshot, 'claimnote-test-probe.js'), PROBE_SCRIPT);
  for (const script of manifest.content_scripts ?? []) {
    script.js = ['claimnote-test-probe.js', ...(script.js ?? [])];
  }
  await writeFile(manifestPath, JSON.stringify(manifest));
}

export async function requireBuild(browser: BrowserName, waitMs = 120_000): Promise<string> {
  const dir = EXTENSION_DIRS[browser];
  const manifest = join(dir, 'manifest.json');
  const started = Date.now();
  while (true) {
    // WXT writes the manifest last; its presence means the folder is complete.
    if (existsSync(manifest)) {
      const snapshot = await mkdtemp(join(tmpdir(), `claimnote-build-${browser}-`));
      try {
        await cp(dir, snapshot, { recursive: true });
        if (existsSync(join(snapshot, 'manifest.json'))) {
          await addTestProbe(snapshot);
          return snapshot;
        }
      } catch {
        // The build was replaced while copying: try again.
      }
      await rm(snapshot, { recursive: true, force: true });
    }
    if (Date.now() - started > waitMs) {
      throw new Error(`No extension build in ${dir}: run \`npm run build\` before the e2e tests.`);
    }
    await new Promise((done) => setTimeout(done, 1_000));
  }
}

/** Screenshots go where a person can find them after a run: test-results/e2e/<browser>/. */
export function screenshotPath(browser: BrowserName, name: string): string {
  return join(REPO_ROOT, 'test-results', 'e2e', browser, `${name.replace(/[^\w.-]+/g, '-')}.png`);
}

/**
 * Starts a browser of the given kind with the extension in `extDir` loaded.
 *
 * @param browser `chromium` or `firefox`
 * @param extDir the unpacked extension; defaults to the build for that browser
 */
export async function launchBrowser(browser: BrowserName, extDir?: string): Promise<BrowserSession> {
  if (extDir) return browser === 'chromium' ? launchChromium(extDir) : launchFirefox(extDir);
  const snapshot = await requireBuild(browser);
  const session = await (browser === 'chromium' ? launchChromium(snapshot) : launchFirefox(snapshot)).catch(
    async (error: unknown) => {
      await rm(snapshot, { recursive: true, force: true });
      throw error;
    },
  );
  return {
    ...session,
    name: session.name,
    extensionId: session.extensionId,
    network: session.network,
    newPage: () => session.newPage(),
    close: async () => {
      await session.close();
      await rm(snapshot, { recursive: true, force: true });
    },
  };
}

/**
 * The raw Playwright context behind `launchChromium`, for scripts that need CDP directly
 * (the page benchmark). `extDir: null` starts the same browser without any extension.
 *
 * @param userDataDir a fresh profile directory
 * @param extDir the unpacked MV3 extension, or null
 * @param extraArgs more command-line switches
 */
export function launchChromiumContext(
  userDataDir: string,
  extDir: string | null,
  extraArgs: string[] = [],
): Promise<BrowserContext> {
  const extensionArgs = extDir ? [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`] : [];
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: EXECUTABLES.chromium,
    // Extensions need the new headless mode, which `headless: true` selects on current Chromium.
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      ...extensionArgs,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}

/**
 * Debian's Chromium through playwright-core, with the unpacked extension loaded. All
 * non-loopback traffic goes through a recording proxy (loopback bypasses proxies by default).
 *
 * @param extDir the unpacked MV3 extension
 */
export async function launchChromium(extDir: string): Promise<BrowserSession> {
  const proxy = await startRecordingProxy();
  const userDataDir = await mkdtemp(join(tmpdir(), 'claimnote-chromium-'));
  const network = new NetworkRecorder('chromium', proxy);
  let context: BrowserContext;
  try {
    context = await launchChromiumContext(userDataDir, extDir, [`--proxy-server=http://${proxy.hostPort}`]);
  } catch (error) {
    await proxy.close();
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
  context.on('request', (request) => {
    const worker = request.serviceWorker();
    let frameUrl = '';
    if (!worker) {
      try {
        frameUrl = request.frame().url();
      } catch {
        // Requests of workers have no frame; they are attributed by URL below.
      }
    }
    network.record({
      url: request.url(),
      context: worker ? worker.url() : frameUrl,
      fromExtensionContext: worker !== null || frameUrl.startsWith('chrome-extension://'),
    });
  });

  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;

  return {
    name: 'chromium',
    extensionId,
    network,
    newPage: async () => {
      const page = await context.newPage();
      // The content script's own fetches look like the page's; CDP names the script that made them.
      const cdp = await context.newCDPSession(page);
      cdp.on('Network.requestWillBeSent', (event) => {
        const frames = event.initiator.stack?.callFrames ?? [];
        const script = frames.find((frame) => frame.url.startsWith('chrome-extension://'));
        if (script || event.initiator.url?.startsWith('chrome-extension://')) {
          network.record({
            url: event.request.url,
            context: script?.url ?? event.initiator.url ?? '',
            fromExtensionContext: true,
          });
        }
      });
      await cdp.send('Network.enable');
      return wrapPlaywrightPage(page, cdp);
    },
    close: async () => {
      await context.close();
      await proxy.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Debian's Firefox ESR through puppeteer-core (WebDriver BiDi), with the extension installed
 * as a temporary add-on. Firefox's automation reports only page requests, not those of an
 * extension's background page or content scripts, so the recording proxy is the witness
 * there; a content-script request to 127.0.0.1 itself would go unseen in Firefox.
 *
 * @param extDir the unpacked MV2 extension
 */
export async function launchFirefox(extDir: string): Promise<BrowserSession> {
  const proxy: RecordingProxy = await startRecordingProxy();
  const network = new NetworkRecorder('firefox', proxy);
  let browser: PuppeteerBrowser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: EXECUTABLES.firefox,
      headless: true,
      defaultViewport: { width: 1280, height: 900 },
      extraPrefsFirefox: {
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.share_proxy_settings': true,
        // Remote settings would otherwise poll Mozilla's servers throughout the session.
        'services.settings.server': 'http://127.0.0.1:9/v1',
      },
    });
  } catch (error) {
    await proxy.close();
    throw error;
  }
  let extensionId: string;
  try {
    extensionId = await browser.installExtension(extDir);
  } catch (error) {
    await browser.close();
    await proxy.close();
    throw error;
  }
  return {
    name: 'firefox',
    extensionId,
    network,
    newPage: async () => {
      const page = await browser.newPage();
      page.on('request', (request) => {
        network.record({ url: request.url(), context: page.url(), fromExtensionContext: false });
      });
      return wrapPuppeteerPage(page);
    },
    close: async () => {
      await browser.close();
      await proxy.close();
    },
  };
}

async function ensureDir(file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
}

/** Keeps the top frame's last probe state from console lines. */
class ProbeReader {
  state: ProbeState | null = null;
  readonly frames = new Map<string, ProbeState>();

  reset(): void {
    this.state = null;
    this.frames.clear();
  }

  /** Reads one console line; returns true when it was a probe line. */
  take(text: string): boolean {
    if (!text.startsWith(PROBE_PREFIX)) return false;
    try {
      const state = JSON.parse(text.slice(PROBE_PREFIX.length)) as ProbeState;
      if (state.top) this.state = state;
      else this.frames.set(state.url, state);
    } catch {
      // Not a probe line after all.
    }
    return true;
  }
}

function wrapPlaywrightPage(page: PlaywrightPage, cdp: CDPSession): DriverPage {
  const errors: string[] = [];
  const probe = new ProbeReader();
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (probe.take(message.text())) return;
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return {
    browser: 'chromium',
    errors,
    get probe() {
      return probe.state;
    },
    frameProbes: probe.frames,
    goto: async (url) => {
      probe.reset();
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: async <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) =>
      (await page.evaluate(inPageExpression(fn, arg))) as R,
    evaluateWithUi: (fn, arg, options) => evaluateWithUiChromium(cdp, fn, arg, options?.deep ?? false),
    clickAt: async (x, y) => {
      await page.mouse.click(x, y);
    },
    press: async (key) => {
      await page.keyboard.press(key);
    },
    screenshot: async (name, clip) => {
      const path = screenshotPath('chromium', name);
      await ensureDir(path);
      await page.screenshot({ path, clip });
      return path;
    },
    close: async () => {
      await page.close();
    },
  };
}

function wrapPuppeteerPage(page: PuppeteerPage): DriverPage {
  const errors: string[] = [];
  const probe = new ProbeReader();
  page.on('pageerror', (error) => errors.push(`pageerror: ${String(error)}`));
  page.on('console', (message) => {
    if (probe.take(message.text())) return;
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return {
    browser: 'firefox',
    errors,
    get probe() {
      return probe.state;
    },
    frameProbes: probe.frames,
    goto: async (url) => {
      probe.reset();
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: async <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) =>
      (await page.evaluate(inPageExpression(fn, arg))) as R,
    evaluateWithUi: (fn, arg, options) => evaluateWithUiFirefox(page, fn, arg, options?.deep ?? false),
    clickAt: async (x, y) => {
      await page.mouse.click(x, y);
    },
    press: async (key) => {
      // Puppeteer's KeyInput is a closed union of key names; the tests pass standard names.
      await page.keyboard.press(key as Parameters<PuppeteerPage['keyboard']['press']>[0]);
    },
    screenshot: async (name, clip) => {
      const path = screenshotPath('firefox', name);
      await ensureDir(path);
      await page.screenshot({ path: path as `${string}.png`, clip });
      return path;
    },
    close: async () => {
      await page.close();
    },
  };
}
