// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://blog.test/post" }
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { pageStateSchema } from '../../lib/messaging/messages';
import { startContentScript } from '../../lib/page/content-script';
import { setSitePaused } from '../../lib/storage/storage';
import { useEnglishMessages } from '../ui/english';
import { mount } from './mount';
import { testBundle } from './test-bundle';

let ctx: ContentScriptContext | null = null;
const sent: unknown[] = [];

beforeEach(() => {
  fakeBrowser.reset();
  useEnglishMessages();
  sent.length = 0;
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    sent.push(message);
    return undefined;
  });
  for (const element of document.querySelectorAll('claimnote-root')) element.remove();
});
afterEach(() => {
  ctx?.abort();
  ctx = null;
});

const host = () => document.querySelector('claimnote-root');
async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 4000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
const idle = (count: number) => () =>
  host()?.getAttribute('data-state') === 'idle' && host()?.getAttribute('data-findings') === String(count);

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
    expect(host()?.shadowRoot?.querySelector('[data-claimnote="note-card"]')).not.toBeNull();
    await ask({ type: 'claimnote:set-notes-hidden', hidden: true });
    expect(document.querySelectorAll('claimnote-marker')).toHaveLength(0);
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
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(host()).toBeNull();
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
