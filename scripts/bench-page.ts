/**
 * `npm run bench:page`: what Claimnote costs a page's main thread, beside two floor
 * extensions built in the same run, in headless Chromium (thread CPU and wall time from a
 * trace) and Firefox (wall clock from the page's own probe). Run `npm run build` first; the
 * floors are written by this script.
 *
 * Variants, each loaded in its own browser:
 * - `claimnote`: the built extension (`.output/`, or `--build DIR`);
 * - `empty`: a content script that does nothing, the cost of being an extension at all;
 * - `plain`: a content script that reads `document.body.textContent` once and tests one
 *   RegExp, the cheapest possible relevance check.
 * The content scripts of all three run at `document_idle` in every frame of http(s) pages.
 *
 * Pages (scripts/bench-pages.ts), served from 127.0.0.1: a 1 kB and a 2 MB page without
 * relevant words, a 50 kB article with a few dozen findings, a 50 kB page full of pump words
 * that are not about medicine (pumpkins, breast pumps, heat pumps), and 1 MB dense with claims.
 * Two more cases edit one paragraph once Claimnote has settled, on the million-node hostile
 * fixture and on a 1 MB article, and measure only the pass after the edit.
 *
 * Chromium: for each load a trace is recorded and the renderer main thread's top-level tasks
 * that ran extension code are counted whole. A task ran extension code when it holds an
 * event with the extension's script URL, or an event in the extension's isolated world
 * (`worldName` on v8.run / v8.evaluateModule / v8.callFunction): the evaluation of a module
 * imported by the content script (`page-scanner.js`) and the microtasks that resume after an
 * `await` carry no URL, only the world. Per page and variant it prints the tasks' thread CPU
 * time (`tdur`) and wall time, their number, the longest one, and the time from the load event
 * to the first Claimnote marker in the page. The evaluation of the probe script the bench adds
 * to Claimnote's copy (0.15-0.25 ms, in Claimnote's first task) is taken out of CPU and wall:
 * the floors carry no probe, and it is not Claimnote's code.
 *
 * Firefox: its traces are not readable here, so the page itself measures (`?gap=1`): the time
 * from the load event to the first marker, and the longest gap in a chain of zero-delay timers
 * started at the load event, which is the longest time the main thread was blocked (by the
 * page's own layout too: compare with the floors).
 *
 * Figures are medians of `--runs N` loads (default 5), printed, never asserted: a timed
 * assertion would be flaky on a shared machine. Options: `--build DIR` (a build folder with
 * chrome-mv3/ and firefox-mv2/), `--no-firefox`, `--firefox-runs N` (default 3), `--only NAME`
 * (pages whose name contains NAME), `--trace-dir DIR` to keep the Chromium traces, `--profile`
 * to add one sampled CPU profile of Claimnote per page.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import {
  type DriverPage,
  launchBrowser,
  launchChromiumContext,
  PROBE_PREFIX,
  type ProbeState,
  REPO_ROOT,
} from '../tests/e2e/harness/browsers';
import { startFixtureServer } from '../tests/e2e/harness/fixture-server';
import { articlePage, densePage, neutralPage, pumpWordsPage } from './bench-pages';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    fileName?: string;
    worldName?: string;
    data?: { url?: string; frame?: string; message?: string };
    beginData?: { url?: string };
  };
}

/** One load in Chromium. */
interface ChromiumLoad {
  /** Thread CPU of the main-thread tasks that ran extension code, ms. */
  cpuMs: number;
  /** Wall time of the same tasks, ms. */
  wallMs: number;
  /** How many such tasks. */
  tasks: number;
  /** Longest such task (wall), ms. */
  longestMs: number;
  /** Most thread CPU in one such task, ms (wall includes waiting for a shared core). */
  longestCpuMs: number;
  /** Thread CPU of all main-thread tasks during the load, ms. */
  busyCpuMs: number;
  /** Load event to the first Claimnote marker in the page, ms; null without markers. */
  firstHighlightMs: number | null;
  findings: number | null;
}

/** One load in Firefox, measured by the page. */
interface FirefoxLoad {
  firstHighlightMs: number | null;
  /** Longest gap between two zero-delay timer ticks from the page's start, ms. */
  longestGapMs: number;
  findings: number | null;
}

type VariantName = 'claimnote' | 'empty' | 'plain';
const VARIANTS: readonly VariantName[] = ['claimnote', 'empty', 'plain'];

interface BenchPage {
  name: string;
  path: string;
  /** The generated page; none for a fixture file served from tests/fixtures/pages. */
  html?: string;
  /** Claimnote shows notes on this page (wait for it to settle). */
  host: boolean;
  /** An edit made once Claimnote settled: the figures are then those of the pass after it. */
  edit?: PageEdit;
}

/** A change the page makes to itself after the first pass, and the findings expected after it. */
interface PageEdit {
  /** Script run in the page (its own world), as the page's own scripts would. */
  script: string;
  /** Findings the edit adds. */
  added: number;
}

/** Appends a claim (own words) to one paragraph the page holds: the middle one of `selector`. */
const appendClaim = (selector: string): PageEdit => ({
  script: `(() => { const all = document.querySelectorAll(${JSON.stringify(selector)}); all[Math.floor(all.length / 2)].append(' Side effects from intrathecal pumps are rare.'); })()`,
  added: 1,
});

/** Console time stamp the edit starts with: what the trace is measured from. */
const EDIT_STAMP = 'claimnote-bench-edit';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const runs = Number(option('--runs')) || 5;
const firefoxRuns = Number(option('--firefox-runs')) || 3;
const buildDir = resolve(option('--build') ?? join(REPO_ROOT, '.output'));
const traceDir = option('--trace-dir');
const only = option('--only');
const wantFirefox = !args.includes('--no-firefox');
const wantProfile = args.includes('--profile');

// The plain floor's check: one RegExp over the whole text, the words any intrathecal page has.
const PLAIN_CHECK = String.raw`/\b(?:intrathecal|baclofen|ziconotide|morphine pump|pain pump|drug pump)\b/i`;

const floorName = (kind: 'empty' | 'plain') => `Bench floor ${kind}`;
/** The probe script the bench adds to its copy of Claimnote (see addBenchProbe). */
const BENCH_PROBE_FILE = 'bench-probe.js';

/**
 * Writes the two floor extensions for one browser: a manifest with the same content-script
 * settings as Claimnote's, and one script file.
 * @returns the folder of each floor
 */
async function writeFloors(
  root: string,
  browser: 'chromium' | 'firefox',
): Promise<Record<'empty' | 'plain', string>> {
  const scripts = {
    empty: '// Claimnote benchmark floor: a content script that does nothing.\n',
    plain: `// Claimnote benchmark floor: read the text once, test one RegExp.\n(() => { const text = document.body ? document.body.textContent : ''; if (${PLAIN_CHECK}.test(text)) document.documentElement.dataset.benchRelevant = '1'; })();\n`,
  };
  const dirs = { empty: join(root, `${browser}-empty`), plain: join(root, `${browser}-plain`) };
  for (const kind of ['empty', 'plain'] as const) {
    const contentScripts = [
      {
        matches: ['http://*/*', 'https://*/*'],
        js: ['content.js'],
        run_at: 'document_idle',
        all_frames: true,
      },
    ];
    const manifest =
      browser === 'chromium'
        ? { manifest_version: 3, name: floorName(kind), version: '1.0', content_scripts: contentScripts }
        : {
            manifest_version: 2,
            name: floorName(kind),
            version: '1.0',
            content_scripts: contentScripts,
            browser_specific_settings: { gecko: { id: `bench-floor-${kind}@claimnote.org` } },
          };
    await mkdir(dirs[kind], { recursive: true });
    await writeFile(join(dirs[kind], 'manifest.json'), JSON.stringify(manifest));
    await writeFile(join(dirs[kind], 'content.js'), scripts[kind]);
  }
  return dirs;
}

async function trace<T>(
  cdp: CDPSession,
  action: () => Promise<T>,
): Promise<{ result: T; events: TraceEvent[] }> {
  const events: TraceEvent[] = [];
  const collect = (data: { value: object[] }) => events.push(...(data.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      // `v8` carries the world of v8.run / v8.evaluateModule / v8.callFunction.
      includedCategories: ['devtools.timeline', 'toplevel', 'v8', 'v8.execute', '__metadata'],
    },
  });
  const result = await action();
  const complete = new Promise<void>((done) => {
    cdp.once('Tracing.tracingComplete', () => done());
  });
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);
  return { result, events };
}

const isTask = (event: TraceEvent) =>
  event.ph === 'X' && (event.name === 'RunTask' || event.name === 'ThreadControllerImpl::RunTask');

/**
 * The extension's share of the page's renderer main thread: its top-level tasks (nested
 * RunTask events belong to the outer one) that hold an event with the extension's URL or in
 * the extension's isolated world.
 */
function analyse(
  events: TraceEvent[],
  pageUrl: string,
  origin: string,
  worldName?: string,
  fromStamp?: string,
) {
  const mainThreads = new Set(
    events
      .filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const parse = events.find(
    (event) =>
      event.name === 'ParseHTML' &&
      mainThreads.has(`${event.pid}:${event.tid}`) &&
      (event.args?.beginData?.url ?? '').startsWith(pageUrl),
  );
  if (!parse) throw new Error(`No ParseHTML for ${pageUrl} in the trace`);
  const onMain = events.filter((event) => event.pid === parse.pid && event.tid === parse.tid);
  // With an edit, only what follows its time stamp counts.
  const from =
    fromStamp === undefined
      ? Number.NEGATIVE_INFINITY
      : (onMain.find((event) => event.name === 'TimeStamp' && event.args?.data?.message === fromStamp)?.ts ??
        Number.POSITIVE_INFINITY);
  const urlOf = (event: TraceEvent) =>
    event.args?.data?.url ?? event.args?.beginData?.url ?? event.args?.fileName ?? '';
  // The extension's world, named after the extension: learnt from events that carry both.
  const worlds = new Set(
    onMain
      .filter((event) => event.args?.worldName && urlOf(event).startsWith(origin))
      .map((event) => event.args?.worldName as string),
  );
  if (worldName) worlds.add(worldName);
  const marks = onMain
    .filter(
      (event) =>
        !isTask(event) &&
        (urlOf(event).startsWith(origin) ||
          (event.args?.worldName !== undefined && worlds.has(event.args.worldName))),
    )
    .map((event) => event.ts)
    .sort((a, b) => a - b);
  const tasks = onMain
    .filter((event) => isTask(event) && event.ts + (event.dur ?? 0) >= from)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const top: TraceEvent[] = [];
  for (const task of tasks) {
    const last = top[top.length - 1];
    if (last && task.ts < last.ts + (last.dur ?? 0)) continue;
    top.push(task);
  }
  // The bench's own probe (bench-probe.js, added to Claimnote's copy only) is evaluated in
  // Claimnote's first task; the floors carry no such script, so its evaluation is not counted.
  const probeEvaluations = onMain.filter(
    (event) => event.name === 'EvaluateScript' && urlOf(event).endsWith(`/${BENCH_PROBE_FILE}`),
  );
  const probeWithin = (from: number, to: number, field: 'dur' | 'tdur') =>
    probeEvaluations
      .filter((event) => event.ts >= from && event.ts <= to)
      .reduce((sum, event) => sum + (event[field] ?? 0), 0);
  let cpu = 0;
  let wall = 0;
  let count = 0;
  let longest = 0;
  let longestCpu = 0;
  let busyCpu = 0;
  let m = 0;
  for (const task of top) {
    const end = task.ts + (task.dur ?? 0);
    busyCpu += task.tdur ?? 0;
    while (m < marks.length && (marks[m] ?? 0) < task.ts) m++;
    if (m < marks.length && (marks[m] ?? Number.POSITIVE_INFINITY) <= end) {
      cpu += (task.tdur ?? 0) - probeWithin(task.ts, end, 'tdur');
      wall += (task.dur ?? 0) - probeWithin(task.ts, end, 'dur');
      count++;
      longest = Math.max(longest, task.dur ?? 0);
      longestCpu = Math.max(longestCpu, task.tdur ?? 0);
    }
  }
  return {
    cpuMs: cpu / 1000,
    wallMs: wall / 1000,
    tasks: count,
    longestMs: longest / 1000,
    longestCpuMs: longestCpu / 1000,
    busyCpuMs: busyCpu / 1000,
  };
}

/** The harness's test-probe state, with the time of the first marker the bench probe adds. */
type BenchProbeState = ProbeState & { firstMarkerAt?: number | null };

/**
 * The harness's test probe (see lib/page/test-probe.ts and tests/e2e/harness/browsers.ts),
 * written into the benchmark's copy of the build, listed first in the content script's entry.
 * It also notes `performance.now()` of the first state with a marker: pages cannot see
 * Claimnote's markers, so the time to the first highlight comes from the extension's world.
 */
async function addBenchProbe(dir: string): Promise<void> {
  const script = `(() => {
  let firstMarkerAt = null;
  globalThis.__claimnoteTestProbe = (state) => {
    if (firstMarkerAt === null && state.markers > 0) firstMarkerAt = performance.now();
    console.debug(${JSON.stringify(PROBE_PREFIX)} + JSON.stringify({ ...state, firstMarkerAt }));
  };
})();
`;
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as {
    content_scripts?: { js?: string[] }[];
  };
  await writeFile(join(dir, BENCH_PROBE_FILE), script);
  for (const entry of manifest.content_scripts ?? []) entry.js = [BENCH_PROBE_FILE, ...(entry.js ?? [])];
  await writeFile(manifestPath, JSON.stringify(manifest));
}

/** `none`, `scanning:N` or `idle:N` from the probe's last top-frame state. */
const probeSummary = (state: ProbeState | null) =>
  state === null || !state.active ? 'none' : `${state.scanning ? 'scanning' : 'idle'}:${state.findings}`;

/** Waits until Claimnote settled (idle with a stable count) or, when no scan is expected, a fixed time. */
async function settle(
  read: () => string,
  wait: (ms: number) => Promise<void>,
  expectHost: boolean,
  findings?: number,
): Promise<number | null> {
  if (!expectHost) {
    await wait(3_000);
    const now = read();
    return now === 'none' ? null : Number(now.split(':')[1]);
  }
  const started = Date.now();
  let last = '';
  let stableSince = Date.now();
  while (Date.now() - started < 120_000) {
    const now = read();
    if (now !== last) stableSince = Date.now();
    last = now;
    const done = findings === undefined ? now.startsWith('idle:') : now === `idle:${findings}`;
    if (done && Date.now() - stableSince > 1_000) return Number(now.slice(5));
    await wait(100);
  }
  throw new Error(`Claimnote did not settle (last state ${last})`);
}

// Read in the page: the end of its load event, and the gap probe of scripts/bench-pages.ts.
const READ_PAGE = `(() => {
  const probe = window.__benchProbe;
  const nav = performance.getEntriesByType('navigation')[0];
  return { loadEnd: nav ? nav.loadEventEnd : 0, longestGapMs: probe ? probe.longestGap : 0 };
})()`;

/** Load event end to the first marker, from the probe and the page's clocks (same origin). */
function firstHighlight(state: BenchProbeState | null, loadEnd: number): number | null {
  const at = state?.firstMarkerAt;
  return typeof at === 'number' ? at - loadEnd : null;
}

/** Follows the probe's console lines of a page's top frame; returns the latest state. */
function watchProbe(pageHandle: Page): () => BenchProbeState | null {
  let latest: BenchProbeState | null = null;
  pageHandle.on('console', (message) => {
    const text = message.text();
    // Claimnote logs only what went wrong (a failed pass): shown, since the figures then mislead.
    if (text.startsWith('Claimnote:')) console.error(`\n${pageHandle.url()}: ${text}`);
    if (!text.startsWith(PROBE_PREFIX)) return;
    const state = JSON.parse(text.slice(PROBE_PREFIX.length)) as BenchProbeState;
    if (state.top) latest = state;
  });
  return () => latest;
}

async function measureChromium(
  context: BrowserContext,
  url: string,
  origin: string,
  worldName: string | undefined,
  expectHost: boolean,
  label: string,
  edit?: PageEdit,
): Promise<ChromiumLoad> {
  const pageHandle = await context.newPage();
  const probe = watchProbe(pageHandle);
  const cdp = await context.newCDPSession(pageHandle);
  const { result: findings, events } = await trace(cdp, async () => {
    await pageHandle.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const settled = await settle(
      () => probeSummary(probe()),
      (ms) => pageHandle.waitForTimeout(ms),
      expectHost,
    );
    if (edit === undefined) return settled;
    await pageHandle.evaluate(`console.timeStamp(${JSON.stringify(EDIT_STAMP)}); ${edit.script}`);
    return settle(
      () => probeSummary(probe()),
      (ms) => pageHandle.waitForTimeout(ms),
      expectHost,
      (settled ?? 0) + edit.added,
    );
  });
  if (traceDir) {
    await mkdir(traceDir, { recursive: true });
    await writeFile(join(traceDir, `${label}.json`), JSON.stringify({ traceEvents: events }));
  }
  const { loadEnd } = (await pageHandle.evaluate(READ_PAGE)) as { loadEnd: number };
  await cdp.detach();
  await pageHandle.close();
  return {
    ...analyse(events, url, origin, worldName, edit ? EDIT_STAMP : undefined),
    firstHighlightMs: firstHighlight(probe(), loadEnd),
    findings,
  };
}

async function measureFirefox(page: DriverPage, url: string, expectHost: boolean): Promise<FirefoxLoad> {
  await page.goto(`${url}?gap=1`);
  const findings = await settle(
    () => probeSummary(page.probe),
    (ms) => new Promise((done) => setTimeout(done, ms)),
    expectHost,
  );
  const read = new Function(`return ${READ_PAGE}`) as () => { loadEnd: number; longestGapMs: number };
  const { loadEnd, longestGapMs } = await page.evaluate(read, undefined);
  return {
    firstHighlightMs: firstHighlight(page.probe as BenchProbeState | null, loadEnd),
    longestGapMs,
    findings,
  };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

/**
 * Loads `url` under the V8 sampling profiler and returns the extension's functions by self
 * time. The tab first opens another page of the same origin, so the measured load stays in
 * the renderer process whose isolate is being profiled.
 */
async function profileExtension(context: BrowserContext, url: string, origin: string, expectHost: boolean) {
  const pageHandle = await context.newPage();
  await pageHandle.goto(new URL('/harness/frame.html', url).href);
  const cdp = await context.newCDPSession(pageHandle);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const probe = watchProbe(pageHandle);
  await pageHandle.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await settle(
    () => probeSummary(probe()),
    (ms) => pageHandle.waitForTimeout(ms),
    expectHost,
  );
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  await pageHandle.close();
  const selfTime = new Map<number, number>();
  profile.samples?.forEach((id, i) => {
    selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0));
  });
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes as ProfileNode[]) {
    const { functionName, url: script, lineNumber, columnNumber } = node.callFrame;
    if (!script.startsWith(origin)) continue;
    const micros = selfTime.get(node.id) ?? 0;
    total += micros;
    // Line and column (1-based) locate minified functions in the built file.
    const key = `${functionName || '(anonymous)'} ${script.slice(origin.length)}:${lineNumber + 1}:${columnNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
  }
  const top = [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 8);
  return [
    `  extension self time ${(total / 1000).toFixed(1)} ms; top functions:`,
    ...top.map(([key, micros]) => `    ${(micros / 1000).toFixed(1).padStart(7)} ms  ${key}`),
  ];
}

function median(values: ReadonlyArray<number | null>): number | null {
  const sorted = values.filter((value): value is number => value !== null).sort((a, b) => a - b);
  return sorted.length === 0 ? null : (sorted[Math.floor((sorted.length - 1) / 2)] ?? null);
}

const fixed = (value: number | null, digits = 1) => (value === null ? '-' : value.toFixed(digits));
const ratio = (a: number | null, b: number | null) =>
  a === null || b === null || b <= 0 ? '-' : `${(a / b).toFixed(1)}x`;

function table(columns: string[], rows: string[][]): string {
  const widths = columns.map((title, c) =>
    Math.max(title.length, ...rows.map((row) => (row[c] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join('  ');
  return [line(columns), ...rows.map(line)].join('\n');
}

/**
 * How the variant's code is recognised in a trace: Claimnote by its origin (from its service
 * worker), a floor, which has no worker, by its isolated world, named after the extension.
 */
async function extensionMarks(context: BrowserContext, variant: VariantName) {
  if (variant !== 'claimnote') return { origin: '\0no-url', worldName: floorName(variant) };
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  return { origin: `chrome-extension://${new URL(worker.url()).host}/`, worldName: undefined };
}

async function main(): Promise<void> {
  const chromeDir = join(buildDir, 'chrome-mv3');
  const firefoxDir = join(buildDir, 'firefox-mv2');
  if (!existsSync(join(chromeDir, 'manifest.json')))
    throw new Error(`No build in ${chromeDir}: run npm run build`);
  // A private copy, so a rebuild during the run cannot change the files under the browser.
  const scratch = await mkdtemp(join(tmpdir(), 'claimnote-bench-'));
  const copy = async (from: string, name: string, probe: boolean) => {
    const to = join(scratch, name);
    await cp(from, to, { recursive: true });
    if (probe) await addBenchProbe(to);
    return to;
  };
  const dirs = {
    chromium: {
      claimnote: await copy(chromeDir, 'chromium-claimnote', true),
      ...(await writeFloors(scratch, 'chromium')),
    },
    firefox: {
      claimnote: existsSync(firefoxDir) ? await copy(firefoxDir, 'firefox-claimnote', true) : '',
      ...(await writeFloors(scratch, 'firefox')),
    },
  };
  const manifest = JSON.parse(await readFile(join(chromeDir, 'manifest.json'), 'utf8')) as {
    version?: string;
  };

  const server = await startFixtureServer();
  const allPages: BenchPage[] = [
    {
      name: '1 kB, no relevant words',
      path: '/generated/neutral-1kb.html',
      html: neutralPage(1_000),
      host: false,
    },
    {
      name: '2 MB, no relevant words',
      path: '/generated/neutral-2mb.html',
      html: neutralPage(2_000_000),
      host: false,
    },
    {
      name: '50 kB, pump words, irrelevant',
      path: '/generated/pump-words-50kb.html',
      html: pumpWordsPage(50_000),
      host: false,
    },
    { name: '50 kB article', path: '/generated/article-50kb.html', html: articlePage(50_000), host: true },
    {
      name: '1 MB, dense with claims',
      path: '/generated/dense-1mb.html',
      html: densePage(1_000_000),
      host: true,
    },
    {
      name: 'one paragraph edited, 1M-node page',
      path: '/hostile/million-nodes.html',
      host: true,
      edit: appendClaim('#archive p'),
    },
    {
      name: 'one paragraph edited, 1 MB article',
      path: '/generated/article-1mb.html',
      html: articlePage(1_000_000),
      host: true,
      edit: appendClaim('p'),
    },
  ];
  const pages = allPages.filter((entry) => !only || entry.name.includes(only));
  for (const entry of pages) if (entry.html) server.generated.set(entry.path, { body: entry.html });

  const chromium = new Map<string, ChromiumLoad[]>();
  const firefox = new Map<string, FirefoxLoad[]>();
  const key = (variant: VariantName, entry: BenchPage) => `${variant}|${entry.path}`;
  const profiles: string[] = [];
  try {
    for (const variant of VARIANTS) {
      const profileDir = await mkdtemp(join(tmpdir(), 'claimnote-bench-profile-'));
      const context = await launchChromiumContext(profileDir, dirs.chromium[variant]);
      try {
        const { origin, worldName } = await extensionMarks(context, variant);
        // One unmeasured load first, so browser start-up work does not land in the first run.
        const warm = await context.newPage();
        await warm.goto(server.url(pages[0]?.path ?? '/'));
        await warm.close();
        for (let run = 0; run < runs; run++) {
          for (const entry of pages) {
            const label = `${variant}-${entry.path.split('/').pop()}-${run}`;
            const expectHost = entry.host && variant === 'claimnote';
            const load = await measureChromium(
              context,
              server.url(entry.path),
              origin,
              worldName,
              expectHost,
              label,
              entry.edit,
            );
            chromium.set(key(variant, entry), [...(chromium.get(key(variant, entry)) ?? []), load]);
            process.stderr.write('.');
          }
        }
        if (wantProfile && variant === 'claimnote') {
          for (const entry of pages) {
            profiles.push(
              `${entry.name}:`,
              ...(await profileExtension(context, server.url(entry.path), origin, entry.host)),
            );
          }
        }
      } finally {
        await context.close();
        await rm(profileDir, { recursive: true, force: true });
      }
    }
    if (wantFirefox) {
      for (const variant of VARIANTS) {
        if (!dirs.firefox[variant]) continue;
        const session = await launchBrowser('firefox', dirs.firefox[variant]);
        try {
          const warm = await session.newPage();
          await warm.goto(server.url(pages[0]?.path ?? '/'));
          await warm.close();
          for (let run = 0; run < firefoxRuns; run++) {
            // Edits are measured in Chromium only, from its trace.
            for (const entry of pages.filter((page) => page.edit === undefined)) {
              const page = await session.newPage();
              const load = await measureFirefox(
                page,
                server.url(entry.path),
                entry.host && variant === 'claimnote',
              );
              await page.close();
              firefox.set(key(variant, entry), [...(firefox.get(key(variant, entry)) ?? []), load]);
              process.stderr.write('.');
            }
          }
        } finally {
          await session.close();
        }
      }
    }
  } finally {
    await server.close();
    await rm(scratch, { recursive: true, force: true });
  }
  process.stderr.write('\n');

  const pick = <T, K extends keyof T>(list: T[] | undefined, field: K) =>
    median((list ?? []).map((load) => load[field] as number | null));
  const chromiumRows = pages.map((entry) => {
    const own = chromium.get(key('claimnote', entry));
    const cpu = pick(own, 'cpuMs');
    const empty = pick(chromium.get(key('empty', entry)), 'cpuMs');
    const plain = pick(chromium.get(key('plain', entry)), 'cpuMs');
    return [
      entry.html ? `${entry.name} (${(entry.html.length / 1000).toFixed(0)} kB)` : entry.name,
      fixed(cpu),
      fixed(pick(own, 'wallMs')),
      fixed(pick(own, 'tasks'), 0),
      fixed(pick(own, 'longestMs')),
      fixed(pick(own, 'longestCpuMs')),
      fixed(pick(own, 'firstHighlightMs'), 0),
      fixed(pick(own, 'findings'), 0),
      fixed(empty, 2),
      fixed(plain, 2),
      ratio(cpu, empty),
      ratio(cpu, plain),
      fixed(pick(own, 'busyCpuMs'), 0),
      fixed(pick(chromium.get(key('empty', entry)), 'busyCpuMs'), 0),
    ];
  });
  console.log(
    `Claimnote ${manifest.version ?? ''} page benchmark, ${buildDir}: headless Chromium, median of ${runs} load(s), ms`,
  );
  console.log(
    table(
      [
        'page',
        'CPU',
        'wall',
        'tasks',
        'longest',
        'long CPU',
        '1st mark',
        'findings',
        'empty CPU',
        'plain CPU',
        '÷empty',
        '÷plain',
        'busy CPU',
        'busy empty',
      ],
      chromiumRows,
    ),
  );
  console.log(
    [
      '',
      'CPU, wall = thread CPU and wall time of the main-thread tasks that ran extension code (its URL or its',
      '             isolated world, so module evaluation and await continuations count), counted whole but for',
      "             the evaluation of the bench's own probe script, which the floors do not carry",
      'tasks      = how many such tasks; longest = the longest of them (wall; the long-task line is 50 ms);',
      '             long CPU = the most thread CPU in one of them (wall also counts waiting for a busy core)',
      '1st mark   = load event end to the first Claimnote marker in the page',
      'empty/plain CPU = the same CPU figure for the floor extensions (no-op script; textContent + one RegExp)',
      '÷empty, ÷plain = Claimnote CPU / floor CPU',
      'busy CPU   = thread CPU of all main-thread tasks while loading and settling (Claimnote, empty floor)',
      '"edited" rows: the page settles, then one paragraph gets a claim appended; CPU, wall, tasks, longest',
      '             and busy CPU count only the tasks from that edit until Claimnote settles again (the pass',
      '             after the edit, its mutation records and render); 1st mark is that of the load',
    ].join('\n'),
  );
  if (wantFirefox) {
    const firefoxRows = pages
      .filter((page) => page.edit === undefined)
      .map((entry) => {
        const own = firefox.get(key('claimnote', entry));
        return [
          entry.name,
          fixed(pick(own, 'firstHighlightMs'), 0),
          fixed(pick(own, 'longestGapMs'), 0),
          fixed(pick(firefox.get(key('empty', entry)), 'longestGapMs'), 0),
          fixed(pick(firefox.get(key('plain', entry)), 'longestGapMs'), 0),
          fixed(pick(own, 'findings'), 0),
        ];
      });
    console.log(`\nFirefox ESR (headless), median of ${firefoxRuns} load(s), ms, measured by the page`);
    console.log(
      table(['page', '1st mark', 'longest gap', 'gap empty', 'gap plain', 'findings'], firefoxRows),
    );
    console.log(
      'longest gap = longest wait between two zero-delay timer ticks after the load event (main thread blocked)',
    );
  }
  if (profiles.length > 0)
    console.log(['', 'Sampled CPU profile, one load per page:', ...profiles].join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
