import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumContext, requireBuild } from './harness/browsers';
import { delay } from './harness/claimnote-page';
import { type FixtureServer, startFixtureServer } from './harness/fixture-server';

/**
 * Issue 10, break 5, end to end in Chromium: a content script that does what a compromised
 * renderer could (send any runtime message from Claimnote's isolated world) cannot read another
 * tab's findings, cannot name the address its findings or reports are stored under, and an
 * extension page still gets the findings (so the refusal is not an empty store).
 *
 * The compromised script is simulated through CDP: `Runtime.evaluate` in the isolated world the
 * browser created for Claimnote's content script in the attacker's tab. Firefox's automation
 * (WebDriver BiDi) has no handle on content-script worlds, so this runs in Chromium only; the
 * sender checks themselves are unit-tested for both (tests/background, tests/reports).
 */

const VICTIM_PATH = 'blog/living-with-my-pain-pump.html';
const VICTIM_SECRET = 'session=victim-secret-42';
const ATTACKER_PATH = 'other-topics/insulin-pump-basics.html';

let context: BrowserContext;
let server: FixtureServer;
let snapshot: string;
let userDataDir: string;
let extensionId: string;

beforeAll(async () => {
  snapshot = await requireBuild('chromium');
  userDataDir = await mkdtemp(join(tmpdir(), 'claimnote-messages-'));
  context = await launchChromiumContext(userDataDir, snapshot);
  server = await startFixtureServer();
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  extensionId = new URL(worker.url()).host;
});

afterAll(async () => {
  await context?.close();
  await server?.close();
  await rm(userDataDir, { recursive: true, force: true });
  await rm(snapshot, { recursive: true, force: true });
});

/** The extension APIs called inside an extension page (typed here: tests run under Node types). */
interface ExtensionGlobals {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    tabs: { query(filter: object): Promise<{ id?: number }[]> };
    storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  };
}

/** Sends a runtime message from an extension page and returns the answer. */
function sendFromExtensionPage(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate(
    (m) => (globalThis as unknown as ExtensionGlobals).chrome.runtime.sendMessage(m),
    message,
  );
}

/** The isolated world of Claimnote's content script in a tab's top frame, as a CDP context id. */
async function contentScriptWorld(cdp: CDPSession): Promise<number> {
  const worlds: { id: number; origin: string; auxData?: { type?: string; isDefault?: boolean } }[] = [];
  cdp.on('Runtime.executionContextCreated', (event) => worlds.push(event.context));
  await cdp.send('Runtime.enable');
  for (let waited = 0; waited < 15_000; waited += 100) {
    const world = worlds.find(
      (w) => w.auxData?.type === 'isolated' && w.origin === `chrome-extension://${extensionId}`,
    );
    if (world) return world.id;
    await delay(100);
  }
  throw new Error('Claimnote content script world not found');
}

/** Runs `expression` (a promise) in the content script's world, as a compromised script would. */
async function sendFromContentScript(cdp: CDPSession, world: number, message: unknown): Promise<unknown> {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    contextId: world,
    expression: `chrome.runtime.sendMessage(${JSON.stringify(message)})`,
    awaitPromise: true,
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value;
}

/** Tab ids the extension sees, from an extension page. */
function tabIds(page: Page): Promise<number[]> {
  return page.evaluate(async () =>
    (await (globalThis as unknown as ExtensionGlobals).chrome.tabs.query({})).flatMap((tab) =>
      tab.id ? [tab.id] : [],
    ),
  );
}

interface Frames {
  frames?: { url: string; count: number; findings: { quote: string }[] }[];
}

describe('content-script messages (Chromium)', () => {
  it("a content script cannot read another tab's findings or choose the address they are stored under", async () => {
    const victim = await context.newPage();
    await victim.goto(`${server.url(VICTIM_PATH)}?${VICTIM_SECRET}#private`);
    const extensionPage = await context.newPage();
    await extensionPage.goto(`chrome-extension://${extensionId}/options.html`);

    // The victim's findings, as the popup would get them; found by trying the extension's tab ids.
    let victimTab: number | undefined;
    let victimFrames: Frames = {};
    for (let waited = 0; waited < 30_000 && victimTab === undefined; waited += 250) {
      for (const id of await tabIds(extensionPage)) {
        const answer = (await sendFromExtensionPage(extensionPage, {
          type: 'claimnote:get-tab-findings',
          tabId: id,
        })) as Frames;
        if (answer.frames?.some((f) => f.url.includes(VICTIM_SECRET) && f.count > 0)) {
          victimTab = id;
          victimFrames = answer;
        }
      }
      if (victimTab === undefined) await delay(250);
    }
    expect(victimTab, 'the victim page reported findings to the background').toBeDefined();
    const quote = victimFrames.frames?.[0]?.findings[0]?.quote ?? '';
    expect(quote.length).toBeGreaterThan(0);

    const attacker = await context.newPage();
    await attacker.goto(server.url(ATTACKER_PATH));
    const cdp = await context.newCDPSession(attacker);
    const world = await contentScriptWorld(cdp);

    // Asking for the victim's tab, or any tab, returns nothing.
    for (const tabId of await tabIds(extensionPage)) {
      const answer = await sendFromContentScript(cdp, world, { type: 'claimnote:get-tab-findings', tabId });
      expect(answer).toEqual({ ok: false });
    }

    // Findings reported with a forged address are stored under the attacker's real address.
    const forged = await sendFromContentScript(cdp, world, {
      type: 'claimnote:frame-findings',
      url: 'https://forged.example/elsewhere',
      count: 0,
      findings: [],
    });
    expect(forged).toEqual({ ok: true });
    // A count that does not match the listed findings is refused.
    const inflated = await sendFromContentScript(cdp, world, {
      type: 'claimnote:frame-findings',
      count: 999,
      findings: [],
    });
    expect(inflated).toEqual({ ok: false });
    const stored: Frames[] = [];
    for (const tabId of await tabIds(extensionPage)) {
      stored.push(
        (await sendFromExtensionPage(extensionPage, { type: 'claimnote:get-tab-findings', tabId })) as Frames,
      );
    }
    const urls = stored.flatMap((s) => s.frames?.map((f) => f.url) ?? []);
    expect(urls.some((url) => url.includes('forged.example'))).toBe(false);
    expect(urls).toContain(server.url(ATTACKER_PATH));

    // A report started from the content script records the attacker's address, not the forged one.
    const started = (await sendFromContentScript(cdp, world, {
      type: 'claimnote:start-report',
      prefill: {
        kind: 'wrong-warning',
        claimId: 'some-claim',
        quote: 'q',
        pageUrl: 'https://forged.example/',
      },
    })) as { ok: boolean; reportId?: string };
    expect(started.ok).toBe(true);
    const reports = (await extensionPage.evaluate(
      async () =>
        (
          await (globalThis as unknown as ExtensionGlobals).chrome.storage.local.get('reports')
        ).reports,
    )) as {
      id: string;
      pageUrl: string;
    }[];
    expect(reports.find((r) => r.id === started.reportId)?.pageUrl).toBe(server.url(ATTACKER_PATH));
  });
});
