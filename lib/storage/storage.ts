import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { z } from 'zod/mini';
import { repairReport } from '../reports/repair-report';
import { type StoredReport, storedReportSchema } from '../reports/report';
import { defineValidatedItem, type RecoveryEvent, type RecoveryKind } from './validated-item';

/**
 * Every value Claimnote keeps in browser storage, typed, versioned and validated with zod on
 * every read (see validated-item.ts); `zod/mini`, which tree-shakes, since the page scanner
 * and the background bundle this module. Reader choices that should follow the reader between
 * devices (paused sites, pinned sources, the issue template) live in `sync`; reports, which may
 * hold page addresses and quotes, stay in `local`.
 *
 * `storage.sync` allows 8 KB per item, hence the caps on list lengths below.
 */

// ---------------------------------------------------------------------------------------------
// Storage notices: what was migrated, repaired or reset, shown on the options page.

const noticeSchema = z.strictObject({
  key: z.string().check(z.maxLength(100)),
  kind: z.enum(['migrated', 'repaired', 'reset']),
  detail: z.string().check(z.maxLength(200)),
  /** ISO 8601 timestamp. */
  at: z.iso.datetime(),
});
export type StorageNotice = z.infer<typeof noticeSchema>;

// One notice per item, each under its own storage key: recoveries happen in several extension
// contexts at once (the options page, every tab's note card), and a single shared key written by
// read-modify-write lost one context's notice to another's.
const NOTICE_PREFIX = 'storageNotice.';
const noticeKey = (itemKey: string) => `local:${NOTICE_PREFIX}${itemKey}` as const;

async function readNotices(): Promise<StorageNotice[]> {
  const all = await storage.snapshot('local');
  return Object.entries(all).flatMap(([key, value]) => {
    if (!key.startsWith(NOTICE_PREFIX)) return [];
    const parsed = noticeSchema.safeParse(value);
    // Notices are only informational: unreadable ones are dropped without a notice of their own.
    return parsed.success ? [parsed.data] : [];
  });
}

async function recordNotice(event: RecoveryEvent): Promise<void> {
  try {
    const notice: StorageNotice = {
      key: event.key,
      kind: event.kind,
      detail: event.detail,
      at: new Date().toISOString(),
    };
    await storage.setItem(noticeKey(event.key), notice);
  } catch {
    // Recording a notice must never make the read that triggered it fail.
  }
}

/**
 * Notices about stored data that had to be migrated, repaired or reset, newest first.
 * @returns the notices not yet dismissed by the reader
 */
export async function getStorageNotices(): Promise<StorageNotice[]> {
  return (await readNotices()).sort((a, b) => b.at.localeCompare(a.at));
}

/** Forgets all storage notices (the reader dismissed them). */
export async function dismissStorageNotices(): Promise<void> {
  const all = await storage.snapshot('local');
  const keys = Object.keys(all).filter((key) => key.startsWith(NOTICE_PREFIX));
  await storage.removeItems(keys.map((key) => `local:${key}` as const));
}

/**
 * Watches storage notices in every extension context.
 * @param cb called with the current notices, newest first, after each change
 * @returns a function that stops watching
 */
export function watchStorageNotices(cb: (notices: StorageNotice[]) => void): () => void {
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' || !Object.keys(changes).some((key) => key.startsWith(NOTICE_PREFIX))) return;
    void getStorageNotices().then(cb);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

export type { RecoveryKind };

// ---------------------------------------------------------------------------------------------
// Paused sites (sync): hostnames where the reader turned Claimnote off.

/** Most sites a reader can pause; 150 typical hostnames stay well under sync's 8 KB per item. */
export const PAUSED_SITES_MAX = 150;

/**
 * Bytes a sync list may take as JSON: `storage.sync` refuses items over 8192 bytes (key
 * included), so lists are checked here to fail with a validation error instead of a quota one.
 */
export const SYNC_LIST_BYTES_MAX = 8000;

const jsonBytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;
const fitsSync = (list: readonly string[]) => jsonBytes(list) <= SYNC_LIST_BYTES_MAX;

// `location.hostname` forms: names, IPv4, bracketed IPv6.
const hostnameSchema = z
  .string()
  .check(z.minLength(1), z.maxLength(253), z.regex(/^(?:[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.?|\[[0-9a-f:.]+\])$/));

const pausedSitesSchema = z.array(hostnameSchema).check(
  z.maxLength(PAUSED_SITES_MAX),
  z.refine((list) => new Set(list).size === list.length, 'duplicate hostnames'),
  z.refine(fitsSync, 'too large for sync storage'),
);

/**
 * Canonical hostname key: lower case without a trailing dot, so `Example.org.` and
 * `example.org` are the same site.
 * @param hostname a `location.hostname`
 * @returns the key stored in `pausedSites`
 */
export function normalizeHostname(hostname: string): string {
  return hostname.trim().toLowerCase().replace(/\.$/, '');
}

/** Keeps the valid, distinct entries of a string list that fit; `undefined` when `raw` is not a list. */
function salvageList(raw: unknown, entry: z.ZodMiniType<string>, max: number, normalize = (s: string) => s) {
  if (!Array.isArray(raw)) return undefined;
  const kept: string[] = [];
  for (const value of raw) {
    if (typeof value !== 'string') continue;
    const normalized = normalize(value);
    if (!entry.safeParse(normalized).success || kept.includes(normalized)) continue;
    if (kept.length >= max || !fitsSync([...kept, normalized])) break;
    kept.push(normalized);
  }
  return kept;
}

export const pausedSites = defineValidatedItem<string[]>({
  key: 'sync:pausedSites',
  schema: pausedSitesSchema,
  fallback: [],
  version: 1,
  migrations: {},
  repair: (raw) => salvageList(raw, hostnameSchema, PAUSED_SITES_MAX, normalizeHostname),
  onRecover: recordNotice,
});

/**
 * Whether the reader paused Claimnote on this site.
 * @param hostname `location.hostname` of the page
 */
export async function isSitePaused(hostname: string): Promise<boolean> {
  return (await pausedSites.getValue()).includes(normalizeHostname(hostname));
}

/**
 * Pauses or resumes Claimnote on a site.
 * @param hostname `location.hostname` of the page
 * @param paused true to pause, false to resume
 * @throws ZodError when the hostname is not valid or the list is full
 */
export async function setSitePaused(hostname: string, paused: boolean): Promise<void> {
  const key = normalizeHostname(hostname);
  await pausedSites.update((list) => {
    const without = list.filter((site) => site !== key);
    return paused ? [...without, key] : without;
  });
}

/**
 * Watches the paused-site list in every extension context.
 * @param cb called with the full list after each change
 * @returns a function that stops watching
 */
export function watchPausedSites(cb: (hostnames: string[]) => void): () => void {
  return pausedSites.watch(cb);
}

// ---------------------------------------------------------------------------------------------
// Pinned sources (sync): publishers the reader trusts, in the reader's order.

/** Most publishers a reader can pin; the claim list cites far fewer. */
export const PINNED_MAX = 50;

// The key is the publisher name as written in claims/sources (e.g. "U.S. Food and Drug Administration").
const publisherSchema = z.string().check(z.minLength(2), z.maxLength(120));

const pinnedSourcesSchema = z.array(publisherSchema).check(
  z.maxLength(PINNED_MAX),
  z.refine((list) => new Set(list).size === list.length, 'duplicate publishers'),
  z.refine(fitsSync, 'too large for sync storage'),
);

export const pinnedSources = defineValidatedItem<string[]>({
  key: 'sync:pinnedSources',
  schema: pinnedSourcesSchema,
  fallback: [],
  version: 1,
  migrations: {},
  repair: (raw) => salvageList(raw, publisherSchema, PINNED_MAX, (s) => s.trim()),
  onRecover: recordNotice,
});

/** @returns pinned publisher keys, most trusted first */
export async function getPinnedPublishers(): Promise<string[]> {
  return pinnedSources.getValue();
}

/**
 * Replaces the pinned list (used to reorder or unpin from the options page).
 * @param list publisher keys in the reader's order
 * @throws ZodError on duplicates, more than {@link PINNED_MAX} entries, or invalid names
 */
export async function setPinnedPublishers(list: string[]): Promise<void> {
  await pinnedSources.setValue(list);
}

/**
 * Pins a publisher (appended last) or unpins it.
 * @param publisher the source's `publisher`
 * @returns true when the publisher is now pinned
 */
export async function togglePinnedPublisher(publisher: string): Promise<boolean> {
  const key = publisher.trim();
  const next = await pinnedSources.update((list) =>
    list.includes(key) ? list.filter((p) => p !== key) : [...list, key],
  );
  return next.includes(key);
}

/**
 * Applies a batch of pin changes in one storage write, on top of the list as stored now (so a
 * change made meanwhile in another tab is kept). Pins past {@link PINNED_MAX} are dropped.
 * @param changes publisher → true to pin (appended last), false to unpin
 * @returns the list as stored after the write
 */
export async function applyPinChanges(changes: ReadonlyMap<string, boolean>): Promise<string[]> {
  return pinnedSources.update((list) => {
    let next = [...list];
    for (const [publisher, pin] of changes) {
      const key = publisher.trim();
      if (!pin) next = next.filter((p) => p !== key);
      else if (!next.includes(key) && next.length < PINNED_MAX) next.push(key);
    }
    return next;
  });
}

/**
 * Watches the pinned list in every extension context, so open notes re-sort without reload.
 * @param cb called with the full ordered list after each change
 * @returns a function that stops watching
 */
export function watchPinnedPublishers(cb: (publishers: string[]) => void): () => void {
  return pinnedSources.watch(cb);
}

// ---------------------------------------------------------------------------------------------
// Reports (local): every report the reader started, newest first.

/** Most reports kept; the oldest submitted ones go first when it is reached. */
export const REPORTS_MAX = 200;

const reportsSchema = z.array(storedReportSchema).check(
  z.maxLength(REPORTS_MAX),
  z.refine((list) => new Set(list.map((r) => r.id)).size === list.length, 'duplicate report ids'),
);

export const reports = defineValidatedItem<StoredReport[]>({
  key: 'local:reports',
  schema: reportsSchema,
  fallback: [],
  version: 1,
  migrations: {},
  // A reader's reports are worth more than the list's integrity: repair each entry field by
  // field (a bad field is reset, the report kept), and drop only non-objects and repeated ids.
  repair: (raw) => {
    if (!Array.isArray(raw)) return undefined;
    const kept: StoredReport[] = [];
    for (const entry of raw) {
      const repaired = repairReport(entry);
      if (repaired !== undefined && !kept.some((r) => r.id === repaired.id)) kept.push(repaired);
    }
    return kept.slice(0, REPORTS_MAX);
  },
  onRecover: recordNotice,
});

// ---------------------------------------------------------------------------------------------
// Report settings (sync).

const reportSettingsSchema = z.strictObject({
  /** Reader's own issue URL template; `undefined` means the build's default. */
  issueTemplate: z.optional(z.string().check(z.maxLength(500))),
});
export type ReportSettings = z.infer<typeof reportSettingsSchema>;

export const reportSettings = defineValidatedItem<ReportSettings>({
  key: 'sync:reportSettings',
  schema: reportSettingsSchema,
  fallback: {},
  version: 1,
  migrations: {},
  onRecover: recordNotice,
});
