// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDraftReport } from '../../../lib/reports/report';
import { listReports, saveReport } from '../../../lib/reports/report-store';
import { getPinnedPublishers, reportSettings, setPinnedPublishers } from '../../../lib/storage/storage';
import { OptionsApp } from '../../../lib/ui/options/options-app';
import { moveEntry } from '../../../lib/ui/options/pinned-sources-section';
import { citedPublishers } from '../../../lib/ui/options/publishers';
import { ReportsSection } from '../../../lib/ui/options/reports-section';
import { useUiTestContainer } from '../ui-test-container';

const container = useUiTestContainer();

const flush = (ms = 10) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));

const publishers = [
  { publisher: 'U.S. Food and Drug Administration', noteCount: 4 },
  { publisher: 'Mayo Clinic', noteCount: 2 },
  { publisher: 'StatPearls', noteCount: 1 },
];

async function showOptions() {
  await act(() =>
    render(<OptionsApp publishers={publishers} claimListVersion="2026-11-20+abc" />, container()),
  );
  await flush();
}

const pinnedNames = () =>
  [...container().querySelectorAll('[data-claimnote="pinned-item"]')].map((item) =>
    item.getAttribute('data-publisher'),
  );
const button = (selector: string) =>
  container().querySelector<HTMLButtonElement>(selector) as HTMLButtonElement;
const pressAndSettle = async (target: HTMLButtonElement) => {
  await act(() => target.click());
  await flush();
};

describe('moveEntry', () => {
  it.each([
    [['a', 'b', 'c'], 1, 'up', ['b', 'a', 'c']],
    [['a', 'b', 'c'], 1, 'down', ['a', 'c', 'b']],
    [['a', 'b', 'c'], 0, 'up', ['a', 'b', 'c']],
    [['a', 'b', 'c'], 2, 'down', ['a', 'b', 'c']],
  ] as const)('%j, %i %s → %j', (list, index, action, expected) => {
    expect(moveEntry(list, index, action)).toEqual(expected);
  });
});

describe('citedPublishers', () => {
  it('counts notes per publisher once each, most cited first', () => {
    const src = (publisher: string) => ({
      id: 'x',
      publisher,
      title: 'ttt',
      url: 'https://x.test/',
      kind: 'government' as const,
    });
    expect(
      citedPublishers([
        { sources: [src('NIH'), src('NIH'), src('FDA')] },
        { sources: [src('FDA')] },
        { sources: [src('Mayo Clinic')] },
      ]),
    ).toEqual([
      { publisher: 'FDA', noteCount: 2 },
      { publisher: 'Mayo Clinic', noteCount: 1 },
      { publisher: 'NIH', noteCount: 1 },
    ]);
  });
});

describe('options page: pinned sources', () => {
  it('pins a cited publisher from the full list', async () => {
    await showOptions();
    expect(container().querySelector('[data-claimnote="pinned-empty"]')).not.toBeNull();
    const pin = button('[data-claimnote="publisher-pin-toggle"][data-publisher="Mayo Clinic"]');
    expect(pin.getAttribute('aria-label')).toBe('Pin Mayo Clinic');
    await pressAndSettle(pin);
    expect(await getPinnedPublishers()).toEqual(['Mayo Clinic']);
    expect(pinnedNames()).toEqual(['Mayo Clinic']);
    expect(pin.getAttribute('aria-pressed')).toBe('true');
  });

  it('says how many notes cite each publisher, in the singular for one', async () => {
    await showOptions();
    const count = (publisher: string) =>
      container()
        .querySelector(`[data-claimnote="publisher-pin-toggle"][data-publisher="${publisher}"]`)
        ?.parentElement?.querySelector('.page__hint')?.textContent;
    expect(count('Mayo Clinic')).toBe('(cited in 2 notes)');
    expect(count('StatPearls')).toBe('(cited in 1 note)');
  });

  it('reorders with up/down buttons and keeps focus on the moved entry', async () => {
    await setPinnedPublishers(['StatPearls', 'Mayo Clinic', 'U.S. Food and Drug Administration']);
    await showOptions();
    const up = button('button[data-action="up"][data-publisher="Mayo Clinic"]');
    expect(up.getAttribute('aria-label')).toBe('Move Mayo Clinic up');
    up.focus();
    await pressAndSettle(up);
    expect(await getPinnedPublishers()).toEqual([
      'Mayo Clinic',
      'StatPearls',
      'U.S. Food and Drug Administration',
    ]);
    expect(pinnedNames()).toEqual(['Mayo Clinic', 'StatPearls', 'U.S. Food and Drug Administration']);
    // Now first, so "up" is disabled and focus moves to its "down" sibling.
    expect(document.activeElement?.getAttribute('data-publisher')).toBe('Mayo Clinic');
    expect(document.activeElement?.getAttribute('data-action')).toBe('down');
    await pressAndSettle(button('button[data-action="down"][data-publisher="StatPearls"]'));
    expect(await getPinnedPublishers()).toEqual([
      'Mayo Clinic',
      'U.S. Food and Drug Administration',
      'StatPearls',
    ]);
  });

  it('unpins', async () => {
    await setPinnedPublishers(['StatPearls', 'Mayo Clinic']);
    await showOptions();
    await pressAndSettle(button('button[data-action="unpin"][data-publisher="StatPearls"]'));
    expect(await getPinnedPublishers()).toEqual(['Mayo Clinic']);
    expect(pinnedNames()).toEqual(['Mayo Clinic']);
  });

  it('follows pins made in a note in another tab', async () => {
    await showOptions();
    await fakeBrowser.storage.sync.set({ pinnedSources: ['StatPearls'] });
    await flush();
    expect(pinnedNames()).toEqual(['StatPearls']);
  });
});

describe('options page: storage notices', () => {
  it('says when stored pins were unreadable and reset, until dismissed', async () => {
    await fakeBrowser.storage.sync.set({ pinnedSources: { corrupted: true } });
    await showOptions();
    await flush();
    const notice = container().querySelector('[data-claimnote="storage-notice"]');
    expect(notice?.textContent).toContain('Your pinned sources could not be read and were reset.');
    expect(container().querySelector('[data-claimnote="pinned-empty"]')).not.toBeNull();
    await pressAndSettle(button('[data-claimnote="storage-notice-dismiss"]'));
    expect(container().querySelector('[data-claimnote="storage-notice"]')).toBeNull();
  });
});

describe('options page: reports', () => {
  const report = (quote: string, status: 'draft' | 'saved' | 'submitted-opened' = 'saved') => ({
    ...createDraftReport({ quote, pageUrl: 'https://a.test/page?secret=1' }, 'v1'),
    status,
  });

  it('lists reports with their status and exports them as JSON', async () => {
    await saveReport(report('Pumps never need refills.', 'submitted-opened'));
    await saveReport(report('It goes into the brain.', 'draft'));
    const downloads: { name: string; text: string }[] = [];
    await act(() =>
      render(<ReportsSection download={(name, text) => downloads.push({ name, text })} />, container()),
    );
    await flush();
    const items = [...container().querySelectorAll('[data-claimnote="report-item"]')];
    expect(
      items.map((item) => item.querySelector('[data-claimnote="report-item-quote"]')?.textContent),
    ).toEqual(['It goes into the brain.', 'Pumps never need refills.']);
    expect(
      items.map((item) => item.querySelector('[data-claimnote="report-item-status"]')?.textContent),
    ).toEqual(['Draft', 'Issue form opened']);
    await pressAndSettle(button('[data-claimnote="reports-export"]'));
    expect(downloads).toHaveLength(1);
    expect(downloads[0]?.name).toMatch(/^claimnote-reports-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(downloads[0]?.text ?? '');
    expect(exported.reports.map((r: { quote: string }) => r.quote)).toEqual([
      'It goes into the brain.',
      'Pumps never need refills.',
    ]);
    expect(exported.reports[0].pageUrl).toBe('https://a.test/page');
  });

  it('deletes a report only after confirmation', async () => {
    const kept = report('keep me');
    const removed = report('delete me');
    await saveReport(kept);
    await saveReport(removed);
    await act(() => render(<ReportsSection download={() => undefined} />, container()));
    await flush();
    const item = container().querySelector(`[data-report-id="${removed.id}"]`) as HTMLElement;
    await pressAndSettle(item.querySelector('[data-claimnote="report-item-delete"]') as HTMLButtonElement);
    expect(await listReports()).toHaveLength(2);
    await pressAndSettle(
      item.querySelector('[data-claimnote="report-item-confirm-delete"]') as HTMLButtonElement,
    );
    expect((await listReports()).map((r) => r.id)).toEqual([kept.id]);
    expect(container().querySelectorAll('[data-claimnote="report-item"]')).toHaveLength(1);
  });
});

describe('options page: issue template', () => {
  it('rejects a template that is not https or lacks {body}, and saves a valid one', async () => {
    await showOptions();
    const input = container().querySelector<HTMLInputElement>(
      '[data-claimnote="template-input"]',
    ) as HTMLInputElement;
    expect(input.value).toBe('https://github.com/claimnote/claim-list/issues/new?title={title}&body={body}');
    const setInput = (value: string) =>
      act(() => {
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    await setInput('http://tracker.example/new?body={body}');
    await pressAndSettle(button('[data-claimnote="template-save"]'));
    expect(container().querySelector('[data-claimnote="template-error"]')?.textContent).toBe(
      'The address must start with https://.',
    );
    await setInput('https://tracker.example/new?title={title}');
    await pressAndSettle(button('[data-claimnote="template-save"]'));
    expect(container().querySelector('[data-claimnote="template-error"]')?.textContent).toContain('{body}');
    expect(await reportSettings.getValue()).toEqual({});
    await setInput('https://tracker.example/new?title={title}&body={body}');
    await pressAndSettle(button('[data-claimnote="template-save"]'));
    expect(container().querySelector('[data-claimnote="template-error"]')).toBeNull();
    expect(await reportSettings.getValue()).toEqual({
      issueTemplate: 'https://tracker.example/new?title={title}&body={body}',
    });
    await pressAndSettle(button('[data-claimnote="template-reset"]'));
    expect(await reportSettings.getValue()).toEqual({});
  });
});
