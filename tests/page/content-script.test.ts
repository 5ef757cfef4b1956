// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://blog.test/post" }
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { pageStateSchema } from '../../lib/messaging/messages';
import { startContentScript } from '../../lib/page/content-script';
import type { TestProbeState } from '../../lib/page/test-probe';
import { setSitePaused } from '../../lib/storage/storage';
import { useEnglishMessages } from '../ui/english';
import { mount } from './mount';
import { layerHost, layerRoot, ownMarkers, recordProbeStates, trustEventsByDefault } from './own-ui';
import { testBundle } from './test-bundle';

trustEventsByDefault();
// happy-dom lays nothing out: give every sentence one line box on screen, so the real
// visibility test (visible-text.ts) sees the text as a reader would.
Range.prototype.getClientRects = function getClientRects() {
  return [new DOMRect(10, 10, 200, 20)] as unknown as DOMRectList;
};
let probe: TestProbeState[] = [];

let ctx: ContentScriptContext | null = null;
const sent: unknown[] = [];

beforeEach(() => {
  // WXT's context, timers and idle callbacks run on vitest's fake clock: nothing runs until
  // a test advances it, and no test waits in real time.
  vi.useFakeTimers();
  fakeBrowser.reset();
  useEnglishMessages();
  sent.length = 0;
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    sent.push(message);
    return undefined;
  });
  layerHost()?.remove();
  probe = recordProbeStates();
});
afterEach(() => {
  ctx?.abort();
  ctx = null;
  vi.useRealTimers();
});

/** The UI in the page: the note layer or any marker. */
const host = () => layerHost() ?? ownMarkers()[0] ?? null;
/**
 * Advances the fake clock in 10 ms steps until `condition` holds, for at most 10 virtual
 * seconds (WXT's context polls the address every second, so the clock is never idle).
 */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let elapsed = 0; !condition(); elapsed += 10) {
    if (elapsed >= 10_000) throw new Error(`not true after 10 virtual seconds: ${what}`);
    await vi.advanceTimersByTimeAsync(10);
  }
}
const idle = (count: number) => () => {
  const last = probe.at(-1);
  return last?.active === true && !last.scanning && last.findings === count;
};

/** Sends a message as the popup would and returns the content script's answer. */
async function ask(message: unknown): Promise<unknown> {
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, {});
  return answers.find((answer) => answer !== undefined);
}

describe('startContentScript', () => {
  it('scans, reports the findings to the background and answers the popup', async () => {
    mount('<p>Side effects from intrathecal pumps are rare.</p>');
    ctx = new ContentScriptContext('content-test');
    await startContentScript(ctx, testBundle);
    await until(idle(1), 'one finding');
    await until(() => sent.length > 0, 'a findings report');
    expect(sent.at(-1)).toMatchObject({ type: 'claimnote:frame-findings', count: 1 });

    const state = pageStateSchema.parse(await ask({ type: 'claimnote:get-page-state' }));
    expect(state).toMatchObject({
      hostname: 'blog.test',
      active: true,
      paused: false,
      hidden: false,
      count: 1,
    });
    expect(await ask({ type: 'claimnote:reveal-finding', index: 0 })).toEqual({ ok: true });
    expect(layerRoot()?.querySelector('[data-claimnote="note-card"]')).not.toBeNull();
    await ask({ type: 'claimnote:set-notes-hidden', hidden: true });
    expect(ownMarkers()).toHaveLength(0);
  });

  it('ignores malformed and foreign messages', async () => {
    mount('<p>Side effects from intrathecal pumps are rare.</p>');
    ctx = new ContentScriptContext('content-test');
    await startContentScript(ctx, testBundle);
    expect(await ask({ type: 'claimnote:reveal-finding', index: 'first' })).toBeUndefined();
    expect(await ask({ type: 'something-else' })).toBeUndefined();
  });

  it('follows the per-site pause setting, also when it changes while the page is open', async () => {
    mount('<p>Side effects from intrathecal pumps are rare.</p>');
    await setSitePaused('blog.test', true);
    ctx = new ContentScriptContext('content-test');
    await startContentScript(ctx, testBundle);
    // Long enough for any scan to have run (the scan of this page takes a few slices).
    await vi.advanceTimersByTimeAsync(5_000);
    expect(host()).toBeNull();
    expect(probe).toEqual([]);
    await setSitePaused('blog.test', false);
    await until(idle(1), 'scan after resuming');
    await setSitePaused('blog.test', true);
    await until(() => host() === null, 'UI removed after pausing');
  });

  it('removes its UI and stops listening when the context is invalidated', async () => {
    mount('<p>Side effects from intrathecal pumps are rare.</p>');
    ctx = new ContentScriptContext('content-test');
    await startContentScript(ctx, testBundle);
    await until(idle(1), 'one finding');
    ctx.abort();
    expect(host()).toBeNull();
    expect(await ask({ type: 'claimnote:get-page-state' })).toBeUndefined();
  });
});
