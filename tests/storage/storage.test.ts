import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  dismissStorageNotices,
  getPinnedPublishers,
  getStorageNotices,
  isSitePaused,
  PINNED_MAX,
  pausedSites,
  pinnedSources,
  reports,
  setPinnedPublishers,
  setSitePaused,
  togglePinnedPublisher,
  watchPausedSites,
  watchPinnedPublishers,
} from '../../lib/storage/storage';

/** Waits for storage.onChanged listeners, which fire asynchronously. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  fakeBrowser.reset();
});

describe('pausedSites', () => {
  it('pauses and resumes a site by hostname, case-insensitively', async () => {
    expect(await isSitePaused('example.org')).toBe(false);
    await setSitePaused('Example.org', true);
    expect(await isSitePaused('example.org')).toBe(true);
    expect(await isSitePaused('EXAMPLE.ORG.')).toBe(true);
    expect(await pausedSites.getValue()).toEqual(['example.org']);
    await setSitePaused('example.org', false);
    expect(await isSitePaused('example.org')).toBe(false);
  });

  it('does not store a site twice', async () => {
    await setSitePaused('a.test', true);
    await setSitePaused('a.test', true);
    expect(await pausedSites.getValue()).toEqual(['a.test']);
  });

  it('accepts IP and bracketed IPv6 hostnames and rejects things that are not hostnames', async () => {
    await setSitePaused('127.0.0.1', true);
    await setSitePaused('[::1]', true);
    expect(await pausedSites.getValue()).toEqual(['127.0.0.1', '[::1]']);
    await expect(setSitePaused('https://x.test/path', true)).rejects.toThrow();
  });

  it('notifies watchers in this context with the new list', async () => {
    const seen: string[][] = [];
    const stop = watchPausedSites((list) => seen.push(list));
    await setSitePaused('a.test', true);
    await settle();
    stop();
    await setSitePaused('b.test', true);
    await settle();
    expect(seen).toEqual([['a.test']]);
  });
});

describe('pinnedSources', () => {
  it('toggles publishers, appending new pins last', async () => {
    expect(await togglePinnedPublisher('Cleveland Clinic')).toBe(true);
    expect(await togglePinnedPublisher('U.S. Food and Drug Administration')).toBe(true);
    expect(await getPinnedPublishers()).toEqual(['Cleveland Clinic', 'U.S. Food and Drug Administration']);
    expect(await togglePinnedPublisher('Cleveland Clinic')).toBe(false);
    expect(await getPinnedPublishers()).toEqual(['U.S. Food and Drug Administration']);
  });

  it('keeps the order the reader sets', async () => {
    await setPinnedPublishers(['B pub', 'A pub', 'C pub']);
    expect(await getPinnedPublishers()).toEqual(['B pub', 'A pub', 'C pub']);
  });

  it('rejects duplicate or too many pins on write', async () => {
    await expect(setPinnedPublishers(['Same', 'Same'])).rejects.toThrow();
    const many = Array.from({ length: PINNED_MAX + 1 }, (_, i) => `Publisher ${i}`);
    await expect(setPinnedPublishers(many)).rejects.toThrow();
    expect(await getPinnedPublishers()).toEqual([]);
  });

  it('tells watchers about changes so open notes re-sort', async () => {
    const seen: string[][] = [];
    const stop = watchPinnedPublishers((list) => seen.push(list));
    await togglePinnedPublisher('NIH');
    await settle();
    stop();
    expect(seen).toEqual([['NIH']]);
  });
});

describe('corrupt stored data', () => {
  it('repairs a pinned list by keeping its valid, distinct entries and records a notice', async () => {
    await fakeBrowser.storage.sync.set({ pinnedSources: ['NIH', 42, 'NIH', '', { x: 1 }, ' Mayo Clinic '] });
    expect(await getPinnedPublishers()).toEqual(['NIH', 'Mayo Clinic']);
    // Written back, so the next read needs no repair.
    expect((await fakeBrowser.storage.sync.get('pinnedSources')).pinnedSources).toEqual([
      'NIH',
      'Mayo Clinic',
    ]);
    const notices = await getStorageNotices();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ key: 'sync:pinnedSources', kind: 'repaired' });
  });

  it('resets a value of the wrong type to the default and records a notice', async () => {
    await fakeBrowser.storage.sync.set({ pausedSites: 'example.org' });
    expect(await isSitePaused('example.org')).toBe(false);
    expect((await fakeBrowser.storage.sync.get('pausedSites')).pausedSites).toEqual([]);
    expect(await getStorageNotices()).toEqual([
      expect.objectContaining({ key: 'sync:pausedSites', kind: 'reset' }),
    ]);
    await dismissStorageNotices();
    expect(await getStorageNotices()).toEqual([]);
  });

  const good = {
    id: 'r1',
    kind: 'other',
    quote: 'Pumps never need refills.',
    pageUrl: 'https://example.org/a',
    includeQueryAndFragment: false,
    claimListVersion: '2026-11-01+abc',
    createdAt: '2026-11-25T10:00:00.000Z',
    updatedAt: '2026-11-25T10:00:00.000Z',
    status: 'saved',
  };

  it('keeps a report with one bad field, resetting only that field, and drops entries with nothing to keep', async () => {
    await fakeBrowser.storage.local.set({
      reports: [
        good,
        { ...good, id: 'r2', status: 'sent-by-fax' },
        null,
        'text',
        [good],
        { id: 42, kind: 'x' },
      ],
    });
    expect(await reports.getValue()).toEqual([good, { ...good, id: 'r2', status: 'draft' }]);
    expect(await getStorageNotices()).toEqual([
      expect.objectContaining({
        key: 'local:reports',
        kind: 'repaired',
        detail: expect.stringMatching(/^1\.status: /),
      }),
    ]);
  });

  it('repairs each bad field of a report on its own (issue 10)', async () => {
    const comment = 'A comment worth keeping.';
    await fakeBrowser.storage.local.set({
      reports: [
        { ...good, id: 'kind', kind: 'spam', comment },
        { ...good, id: 'date', createdAt: 'yesterday' },
        { ...good, id: 'claim', claimId: 'Not Kebab', quote: 42 },
        {
          ...good,
          id: 'long',
          quote: 'q'.repeat(20_000),
          pageUrl: `https://example.org/a?${'x'.repeat(5000)}`,
        },
        { ...good, id: 'extra', sentTo: 'someone', includeQueryAndFragment: 'yes' },
      ],
    });
    const list = await reports.getValue();
    expect(list.map((r) => r.id)).toEqual(['kind', 'date', 'claim', 'long', 'extra']);
    const [kind, date, claim, long, extra] = list;
    expect(kind).toEqual({ ...good, id: 'kind', kind: 'other', comment });
    expect(date).toEqual({ ...good, id: 'date', createdAt: good.updatedAt });
    expect(claim).toEqual({ ...good, id: 'claim', quote: '' });
    expect(long?.quote).toHaveLength(10_000);
    expect(long?.pageUrl).toBe('https://example.org/a');
    expect(extra).toEqual({ ...good, id: 'extra' });
    // Written back, so the next read is clean and records nothing new.
    expect(await fakeBrowser.storage.local.get('reports')).toEqual({ reports: list });
  });

  it('gives a report with an unusable id a new one instead of deleting it', async () => {
    await fakeBrowser.storage.local.set({ reports: [{ ...good, id: '' }] });
    const [report] = await reports.getValue();
    expect(report?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(report?.quote).toBe(good.quote);
  });

  it('recovers corrupt data seen by a watcher before calling it', async () => {
    const seen: string[][] = [];
    const stop = pinnedSources.watch((list) => seen.push(list));
    await fakeBrowser.storage.sync.set({ pinnedSources: { not: 'a list' } });
    await settle();
    await settle();
    stop();
    expect(seen).toEqual([[]]);
    expect((await fakeBrowser.storage.sync.get('pinnedSources')).pinnedSources).toEqual([]);
  });

  it('returns the default for unreadable notices instead of failing', async () => {
    await fakeBrowser.storage.local.set({ 'storageNotice.sync:pinnedSources': ['garbage'] });
    expect(await getStorageNotices()).toEqual([]);
  });
});

describe('storage notices', () => {
  it('keeps one notice per item when several items recover at the same time', async () => {
    await fakeBrowser.storage.sync.set({ pinnedSources: 7, pausedSites: { x: 1 } });
    await fakeBrowser.storage.local.set({ reports: 'nope' });
    await Promise.all([getPinnedPublishers(), isSitePaused('a.test'), reports.getValue()]);
    expect((await getStorageNotices()).map((n) => n.key).sort()).toEqual([
      'local:reports',
      'sync:pausedSites',
      'sync:pinnedSources',
    ]);
  });
});

describe('sync storage size', () => {
  it('refuses a paused-site list too large for one sync item, before the browser would', async () => {
    // About 210 bytes per entry: the 8000-byte budget runs out near the 38th site.
    let stored = 0;
    let refusal: unknown;
    while (stored < 60 && refusal === undefined) {
      await setSitePaused(`${'a'.repeat(200)}${stored}.test`, true).then(
        () => stored++,
        (error: unknown) => {
          refusal = error;
        },
      );
    }
    expect(String(refusal)).toMatch(/too large for sync storage/);
    expect(stored).toBeGreaterThan(30);
    expect(await pausedSites.getValue()).toHaveLength(stored);
  });

  it('keeps the entries that fit when repairing an oversized stored list', async () => {
    // 100 CJK characters are 300 bytes of UTF-8: 45 of them cannot fit in 8000 bytes.
    const long = Array.from({ length: 45 }, (_, i) => `${'漢'.repeat(100)} ${i}`);
    await fakeBrowser.storage.sync.set({ pinnedSources: long });
    const repaired = await getPinnedPublishers();
    expect(repaired.length).toBeGreaterThan(20);
    expect(repaired.length).toBeLessThan(45);
    expect(repaired).toEqual(long.slice(0, repaired.length));
  });
});
