import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  onReportMenuClicked,
  prefillFromMenuClick,
  REPORT_MENU_ID,
  registerReportEntryPoints,
} from '../../lib/reports/context-menu';
import { listReports } from '../../lib/reports/report-store';

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('prefillFromMenuClick', () => {
  it('uses the selection as the quote and the frame address over the page address', () => {
    expect(
      prefillFromMenuClick(
        {
          menuItemId: REPORT_MENU_ID,
          selectionText: 'Baclofen pumps cure pain.',
          pageUrl: 'https://top.test/',
          frameUrl: 'https://frame.test/embed?x=1',
        },
        'https://tab.test/',
      ),
    ).toEqual({
      kind: 'missed-claim',
      quote: 'Baclofen pumps cure pain.',
      pageUrl: 'https://frame.test/embed?x=1',
    });
  });

  it('falls back to the tab address', () => {
    expect(
      prefillFromMenuClick({ menuItemId: REPORT_MENU_ID, selectionText: 'x' }, 'https://tab.test/'),
    ).toEqual({
      kind: 'missed-claim',
      quote: 'x',
      pageUrl: 'https://tab.test/',
    });
  });

  it('ignores other menu entries', () => {
    expect(prefillFromMenuClick({ menuItemId: 'someone-else', selectionText: 'x' })).toBeUndefined();
  });
});

describe('onReportMenuClicked', () => {
  it('saves a draft first, then opens the report page for it', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const id = await onReportMenuClicked(
      {
        menuItemId: REPORT_MENU_ID,
        selectionText: 'The pump puts morphine into your brain.',
        pageUrl: 'https://forum.test/thread/9?page=2',
      },
      undefined,
      '2026-11-20+abc',
    );
    const [saved] = await listReports();
    expect(saved).toMatchObject({
      id,
      kind: 'missed-claim',
      quote: 'The pump puts morphine into your brain.',
      pageUrl: 'https://forum.test/thread/9?page=2',
      includeQueryAndFragment: false,
      claimListVersion: '2026-11-20+abc',
      status: 'draft',
    });
    expect(create).toHaveBeenCalledTimes(1);
    const url = new URL(create.mock.calls[0]?.[0].url ?? '');
    expect(url.pathname).toBe('/report.html');
    expect(url.searchParams.get('id')).toBe(id);
  });

  it('does nothing for other menu entries', async () => {
    expect(await onReportMenuClicked({ menuItemId: 'other' }, undefined, 'v')).toBeUndefined();
    expect(await listReports()).toEqual([]);
  });
});

describe('registerReportEntryPoints', () => {
  it('recreates the selection menu entry and starts a report from its clicks', async () => {
    // The fake browser has no context menus; record what the background asks of them.
    const calls: string[] = [];
    let onClicked:
      | ((info: { menuItemId: string; selectionText?: string; pageUrl?: string }) => void)
      | undefined;
    const menus = fakeBrowser.contextMenus;
    vi.spyOn(menus, 'removeAll').mockImplementation(async () => {
      calls.push('removeAll');
    });
    vi.spyOn(menus, 'create').mockImplementation((properties) => {
      calls.push(`create ${properties.id} ${JSON.stringify(properties.contexts)}`);
      return properties.id ?? '';
    });
    vi.spyOn(menus.onClicked, 'addListener').mockImplementation((listener) => {
      onClicked = listener as typeof onClicked;
    });
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => key);
    registerReportEntryPoints('2026-11-20+abc');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toEqual(['removeAll', `create ${REPORT_MENU_ID} ["selection"]`]);

    onClicked?.({
      menuItemId: REPORT_MENU_ID,
      selectionText: 'Pumps cure pain.',
      pageUrl: 'https://a.test/',
    });
    await vi.waitFor(async () => expect(await listReports()).toHaveLength(1));
    expect((await listReports())[0]).toMatchObject({
      quote: 'Pumps cure pain.',
      claimListVersion: '2026-11-20+abc',
    });
  });
});

describe('registerReportEntryPoints without context menus (Firefox for Android)', () => {
  it('still answers start-report messages', async () => {
    vi.spyOn(fakeBrowser, 'contextMenus', 'get').mockReturnValue(
      undefined as unknown as typeof fakeBrowser.contextMenus,
    );
    expect(browser.contextMenus).toBeUndefined();
    expect(() => registerReportEntryPoints('v')).not.toThrow();
    // From the popup: an extension page, named by the sender the browser fills in.
    const [answer] = await fakeBrowser.runtime.onMessage.trigger(
      { type: 'claimnote:start-report', prefill: { quote: 'q', pageUrl: 'https://a.test/' } },
      { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') },
    );
    expect(answer).toMatchObject({ ok: true });
    expect(await listReports()).toHaveLength(1);
  });
});
