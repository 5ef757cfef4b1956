/**
 * `npm run bench:page`: what the content script costs the page's main thread, measured in
 * headless Chromium with the built extension (run `npm run build` first; this script builds
 * nothing).
 *
 * Generated pages are served from 127.0.0.1: about 2 MB of text with no intrathecal
 * vocabulary (only the cheap relevance check should run), about 1 MB dense with claims, and
 * a 1 kB neutral page that shows the fixed start-up cost of the content script.
 * For each page and run, a Chrome trace of the load is recorded and the renderer main
 * thread's events are split into:
 * - content-script tasks: the top-level tasks that ran any content-script code, counted
 *   whole. Script events carry a URL only where a callback is entered (EvaluateScript,
 *   FunctionCall); code that resumes after an `await` runs in a RunMicrotasks event with no
 *   URL, so counting whole tasks is what catches it (an upper bound: page work in the same
 *   task counts too);
 * - content-script events: the union of events whose script URL is the extension's (a lower
 *   bound, missing those microtask continuations);
 * - the longest task (top-level RunTask) that contains content-script work;
 * - total main-thread busy time, and the same page loaded without the extension, whose
 *   difference also catches work the content script causes later (style, paint of
 *   highlights).
 * The floor is the time the page itself needs to walk its text nodes with a TreeWalker
 * (median of 5 walks, measured in the page): no text scanner can do less.
 *
 * Figures are printed, not asserted (a timed assertion would be flaky on shared machines).
 * Options: `--runs N` (default 3; the median is shown), `--trace-dir DIR` to keep traces,
 * `--profile` to add one sampled CPU profile per page (a separate load, since sampling slows
 * the page) and print the content script's functions with the most self time.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import {
  launchChromiumContext,
  PROBE_PREFIX,
  type ProbeState,
  requireBuild,
} from '../tests/e2e/harness/browsers';
import { startFixtureServer } from '../tests/e2e/harness/fixture-server';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; frame?: string }; beginData?: { url?: string } };
}

interface Measurement {
  /** Main-thread tasks that ran content-script code, whole, ms (upper bound). */
  taskMs: number;
  /** Trace events whose script URL is the extension's, ms (lower bound). */
  scriptMs: number;
  /** Longest task containing content-script work, ms. */
  longestTaskMs: number;
  /** Main-thread busy time (sum of top-level tasks) during the traced window, ms. */
  busyMs: number;
  /** TreeWalker walk over the page's text nodes, ms (median of 5). */
  floorMs: number;
  findings: number | null;
}

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
const traceDir = args.includes('--trace-dir') ? args[args.indexOf('--trace-dir') + 1] : undefined;
const wantProfile = args.includes('--profile');

// A deterministic generator, so every run and every machine measures the same pages.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

// Everyday words with nothing to do with pumps, spines, drugs or medicine.
const NEUTRAL_WORDS = (
  'garden tomato river bicycle window morning autumn library kettle ladder market orchard ' +
  'violin harbour meadow lantern pebble notebook bakery compass cottage thunder balcony ' +
  'saddle walnut festival chimney puzzle blanket carpet ribbon tunnel island copper marble ' +
  'the a of and to in on with for under over quietly slowly bright green yellow ancient ' +
  'small large warm cold painted folded carried opened watched planted gathered repaired'
).split(' ');

// Claim sentences written for this benchmark (paraphrases of claims in claims/items), and
// accurate or neutral sentences between them, so the page is dense but not uniform.
const CLAIM_SENTENCES = [
  'The pump delivers morphine straight into the brain.',
  'Side effects of an intrathecal pump are rare.',
  'Ziconotide is an opioid like morphine.',
  'Once the pump is implanted it never needs a refill.',
  'No trial is needed before the pump is implanted.',
  'MRI scans are always safe with an intrathecal pump.',
  'The pump gives a much higher dose than pills ever could.',
  'Baclofen is a strong painkiller.',
];
const CONTEXT_SENTENCES = [
  'I have had an intrathecal pump for four years now.',
  'My nurse refills it at the clinic and we chat about gardening.',
  'The scar on my belly has faded a lot.',
  'Everyone should talk to their own care team about options.',
];

function paragraph(words: number, next: () => number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++)
    out.push(NEUTRAL_WORDS[Math.floor(next() * NEUTRAL_WORDS.length)] ?? 'river');
  const text = out.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function page(title: string, paragraphs: Iterable<string>): string {
  const body = [...paragraphs].map((text) => `<p>${text}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>\n${body}\n</body></html>`;
}

/** About `bytes` of text in paragraphs of everyday words. */
function neutralPage(bytes: number): string {
  const next = random(7);
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    const text = paragraph(30 + Math.floor(next() * 40), next);
    paragraphs.push(text);
    size += text.length;
  }
  return page('Notes from the allotment', paragraphs);
}

/** About `bytes` of text where every paragraph is about a pump and most state a claim. */
function densePage(bytes: number): string {
  const next = random(11);
  const paragraphs: string[] = [];
  let size = 0;
  let i = 0;
  while (size < bytes) {
    const sentences = [
      CONTEXT_SENTENCES[i % CONTEXT_SENTENCES.length] ?? '',
      CLAIM_SENTENCES[i % CLAIM_SENTENCES.length] ?? '',
      paragraph(12, next),
      CLAIM_SENTENCES[(i * 3 + 1) % CLAIM_SENTENCES.length] ?? '',
    ];
    const text = sentences.join(' ');
    paragraphs.push(text);
    size += text.length;
    i++;
  }
  return page('Pump forum archive', paragraphs);
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
      includedCategories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'toplevel',
        'v8.execute',
        '__metadata',
      ],
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

/** [start, end] intervals in µs of complete (X) and begin/end (B/E) events matching `keep`. */
function intervals(
  events: readonly TraceEvent[],
  keep: (event: TraceEvent) => boolean,
): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const open = new Map<string, TraceEvent[]>();
  for (const event of events) {
    if (event.ph === 'X' && event.dur !== undefined) {
      if (keep(event)) out.push([event.ts, event.ts + event.dur]);
    } else if (event.ph === 'B') {
      const key = `${event.tid}:${event.name}`;
      open.set(key, [...(open.get(key) ?? []), event]);
    } else if (event.ph === 'E') {
      const key = `${event.tid}:${event.name}`;
      const begin = open.get(key)?.pop();
      if (begin && keep(begin)) out.push([begin.ts, event.ts]);
    }
  }
  return out;
}

/** Total length of the union of intervals (nested script events are not counted twice). */
function unionLength(list: Array<[number, number]>): number {
  const sorted = [...list].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const [start, stop] of sorted) {
    if (stop <= end) continue;
    total += stop - Math.max(start, end);
    end = stop;
  }
  return total;
}

function analyse(events: TraceEvent[], pageUrl: string, extensionOrigin: string | null) {
  // The page's renderer main thread: the CrRendererMain thread that parsed our page.
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
  const isTask = (event: TraceEvent) =>
    event.name === 'RunTask' || event.name === 'ThreadControllerImpl::RunTask';
  const tasks = intervals(onMain, isTask);
  const busyMs = unionLength(tasks) / 1000;
  if (!extensionOrigin) return { taskMs: 0, scriptMs: 0, longestTaskMs: 0, busyMs };
  const scriptUrl = (event: TraceEvent) => event.args?.data?.url ?? event.args?.beginData?.url ?? '';
  const script = intervals(onMain, (event) => !isTask(event) && scriptUrl(event).startsWith(extensionOrigin));
  const scriptMs = unionLength(script) / 1000;
  const withScript = tasks.filter(([start, end]) => script.some(([s, e]) => s < end && e > start));
  const taskMs = unionLength(withScript) / 1000;
  const longestTaskMs = Math.max(0, ...withScript.map(([start, end]) => (end - start) / 1000));
  return { taskMs, scriptMs, longestTaskMs, busyMs };
}

function floor(pageHandle: Page): Promise<number> {
  // A plain string, so no transpiler helper can leak into the page.
  return pageHandle.evaluate(`(() => {
    const times = [];
    let chars = 0;
    // Run 0 is a warm-up (first-touch costs of the DOM wrappers); runs 1-5 are timed.
    for (let run = 0; run < 6; run++) {
      const started = performance.now();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) chars += node.data.length;
      if (run > 0) times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return chars > 0 ? times[2] : -1;
  })()`) as Promise<number>;
}

/** Follows the test probe's console lines of a page's top frame; returns the latest state. */
function watchProbe(pageHandle: Page): () => ProbeState | null {
  let latest: ProbeState | null = null;
  pageHandle.on('console', (message) => {
    const text = message.text();
    if (!text.startsWith(PROBE_PREFIX)) return;
    const state = JSON.parse(text.slice(PROBE_PREFIX.length)) as ProbeState;
    if (state.top) latest = state;
  });
  return () => latest;
}

/**
 * Waits until Claimnote has settled, as the test probe reports it (the probe `requireBuild`
 * adds to the build copy prints the content script's state on the console; pages cannot read
 * Claimnote's state from the DOM).
 */
async function waitForSettled(
  pageHandle: Page,
  expectHost: boolean,
  probe: () => ProbeState | null,
): Promise<number | null> {
  if (!expectHost) {
    // Nothing to wait for when the page is not relevant: give the script time to run and stop.
    await pageHandle.waitForTimeout(3_000);
    return probe()?.findings ?? null;
  }
  const started = Date.now();
  let last = '';
  let stableSince = Date.now();
  while (Date.now() - started < 120_000) {
    const state = probe();
    const now = state === null ? 'none' : `${state.scanning ? 'scanning' : 'idle'}:${state.findings}`;
    if (now !== last) stableSince = Date.now();
    last = now;
    if (now.startsWith('idle:') && Date.now() - stableSince > 1_000) return Number(now.slice(5));
    await pageHandle.waitForTimeout(100);
  }
  throw new Error(`Claimnote did not settle on the dense page (last state ${last})`);
}

async function measure(
  context: BrowserContext,
  url: string,
  extensionOrigin: string | null,
  expectHost: boolean,
  label: string,
): Promise<Measurement> {
  const pageHandle = await context.newPage();
  const probe = watchProbe(pageHandle);
  const cdp = await context.newCDPSession(pageHandle);
  const { result: findings, events } = await trace(cdp, async () => {
    await pageHandle.goto(url, { waitUntil: 'load', timeout: 120_000 });
    return waitForSettled(pageHandle, expectHost && extensionOrigin !== null, probe);
  });
  if (traceDir) {
    await mkdir(traceDir, { recursive: true });
    await writeFile(join(traceDir, `${label}.json`), JSON.stringify({ traceEvents: events }));
  }
  const figures = analyse(events, url, extensionOrigin);
  const floorMs = await floor(pageHandle);
  await cdp.detach();
  await pageHandle.close();
  return { ...figures, floorMs, findings };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

/**
 * Loads `url` under the V8 sampling profiler and returns the content script's functions by
 * self time. The tab first opens another page of the same origin, so the measured load stays
 * in the renderer process whose isolate is being profiled.
 */
async function profileContentScript(
  context: BrowserContext,
  url: string,
  origin: string,
  expectHost: boolean,
): Promise<string[]> {
  const pageHandle = await context.newPage();
  const probe = watchProbe(pageHandle);
  await pageHandle.goto(new URL('/harness/frame.html', url).href);
  const cdp = await context.newCDPSession(pageHandle);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await pageHandle.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await waitForSettled(pageHandle, expectHost, probe);
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
    `  content-script self time ${(total / 1000).toFixed(1)} ms; top functions:`,
    ...top.map(([key, micros]) => `    ${(micros / 1000).toFixed(1).padStart(7)} ms  ${key}`),
  ];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const extDir = await requireBuild('chromium', 0);
  const server = await startFixtureServer();
  const pages = [
    // Start-up cost alone (loading and evaluating the content script), to tell it apart from
    // the work that grows with the page.
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
      name: '1 MB, dense with claims',
      path: '/generated/dense-1mb.html',
      html: densePage(1_000_000),
      host: true,
    },
  ];
  for (const entry of pages) server.generated.set(entry.path, { body: entry.html });

  const results: Array<{ page: string; withExt: Measurement[]; without: Measurement[] }> = pages.map(
    (entry) => ({
      page: entry.name,
      withExt: [],
      without: [],
    }),
  );
  const profiles: string[] = [];
  for (const withExtension of [true, false]) {
    const profile = await mkdtemp(join(tmpdir(), 'claimnote-bench-'));
    const context = await launchChromiumContext(profile, withExtension ? extDir : null);
    try {
      let origin: string | null = null;
      if (withExtension) {
        const worker =
          context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
        origin = `chrome-extension://${new URL(worker.url()).host}/`;
      }
      // One unmeasured load first, so browser start-up work does not land in the first run.
      const warm = await context.newPage();
      await warm.goto(server.url(pages[0]?.path ?? '/'));
      await warm.close();
      for (let run = 0; run < runs; run++) {
        for (const [i, entry] of pages.entries()) {
          const label = `${withExtension ? 'ext' : 'plain'}-${entry.path.split('/').pop()}-${run}`;
          const figures = await measure(context, server.url(entry.path), origin, entry.host, label);
          const bucket = results[i];
          if (bucket) (withExtension ? bucket.withExt : bucket.without).push(figures);
          process.stderr.write('.');
        }
      }
      if (wantProfile && origin) {
        for (const entry of pages) {
          profiles.push(`${entry.name}:`);
          profiles.push(...(await profileContentScript(context, server.url(entry.path), origin, entry.host)));
        }
      }
    } finally {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    }
  }
  await server.close();
  process.stderr.write('\n');

  const columns = [
    'page',
    'tasks',
    'events',
    'floor',
    'ratio',
    'longest',
    'busy+ext',
    'busy-ext',
    'findings',
  ];
  const rows = results.map((result, i) => {
    const pick = (list: Measurement[], key: keyof Measurement) => median(list.map((m) => Number(m[key])));
    const taskMs = pick(result.withExt, 'taskMs');
    const floorMs = pick(result.withExt, 'floorMs');
    return [
      `${result.page} (${((pages[i]?.html.length ?? 0) / 1e6).toFixed(2)} MB)`,
      taskMs.toFixed(1),
      pick(result.withExt, 'scriptMs').toFixed(1),
      floorMs.toFixed(2),
      // A walk over a handful of nodes rounds to zero; a ratio to it says nothing.
      floorMs >= 0.05 ? `${(taskMs / floorMs).toFixed(0)}x` : '-',
      pick(result.withExt, 'longestTaskMs').toFixed(1),
      pick(result.withExt, 'busyMs').toFixed(1),
      pick(result.without, 'busyMs').toFixed(1),
      String(result.withExt[0]?.findings ?? '-'),
    ];
  });
  const widths = columns.map((title, c) =>
    Math.max(title.length, ...rows.map((row) => (row[c] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join('  ');
  console.log(`Claimnote page benchmark: headless Chromium, median of ${runs} run(s), times in ms`);
  console.log(line(columns));
  for (const row of rows) console.log(line(row));
  console.log(
    [
      '',
      'tasks    = main-thread tasks that ran content-script code, counted whole (upper bound)',
      'events   = trace events whose script URL is the extension (lower bound: misses code after an await)',
      'floor    = walking the page text nodes with a TreeWalker, measured in the page (median of 5)',
      'ratio    = tasks / floor',
      'longest  = longest main-thread task that ran content-script code',
      'busy±ext = all main-thread task time while loading and settling, with and without the extension',
      'findings = findings the test probe reported when settled (- when the page was never scanned)',
    ].join('\n'),
  );
  if (profiles.length > 0)
    console.log(['', 'Sampled CPU profile, one load per page:', ...profiles].join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
