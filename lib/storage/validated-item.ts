import { type StorageItemKey, storage, type WxtStorageItem } from 'wxt/utils/storage';
import { parse, safeParse, type z } from 'zod/mini';

/** How stored data that failed validation was recovered. */
export type RecoveryKind = 'migrated' | 'repaired' | 'reset';

/** Reported whenever stored data had to be changed to be readable, so the UI can say so. */
export interface RecoveryEvent {
  key: StorageItemKey;
  kind: RecoveryKind;
  /** Short technical detail (first validation issue, or the versions migrated between). */
  detail: string;
}

/**
 * Highest schema version a stored value may claim. Claimnote's items are at 1; a few hundred
 * migrations would take decades. @wxt-dev/storage runs one step per version between the stored
 * and the current one, so a stored `{v: -1e7}` meant ten million steps (seconds of a frozen
 * content script) and larger values exhausted memory.
 */
export const STORED_VERSION_MAX = 1000;

/**
 * True for what @wxt-dev/storage may safely read as a version: nothing stored, or an integer
 * from 1 to {@link STORED_VERSION_MAX}.
 * @param value the `v` field of the item's `$` metadata, as stored
 */
export function isUsableStoredVersion(value: unknown): boolean {
  return (
    value === undefined ||
    (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= STORED_VERSION_MAX)
  );
}

/** Options for {@link defineValidatedItem}. */
export interface ValidatedItemOptions<T> {
  /** Storage key with its area, e.g. `sync:pinnedSources`. */
  key: StorageItemKey;
  /**
   * Checked on every read and every write. Any zod 4 schema (`zod` or `zod/mini`): only the
   * core is used, so a page bundle does not pull in the chainable API.
   */
  schema: z.core.$ZodType<T>;
  /** Value returned when nothing is stored, and written back when stored data cannot be saved. */
  fallback: T;
  /**
   * Schema version of the stored value (kept by @wxt-dev/storage in the key's `$` metadata).
   * Bump it together with an entry in `migrations` whenever `schema` changes shape.
   * @default 1
   */
  version?: number;
  /** `version -> (value at version - 1) => value at version`, run by @wxt-dev/storage. */
  migrations?: Record<number, (oldValue: unknown) => unknown>;
  /**
   * Salvages what it can from a value that failed validation (e.g. drops bad list entries).
   * Returning `undefined` means nothing could be saved and the item is reset to `fallback`.
   */
  repair?: (raw: unknown) => T | undefined;
  /** Called after every migration, repair or reset; used to record a visible notice. */
  onRecover?: (event: RecoveryEvent) => void | Promise<void>;
}

/** A storage item whose reads always yield schema-valid data. */
export interface ValidatedItem<T> {
  key: StorageItemKey;
  fallback: T;
  /** Reads, validates, and on failure repairs or resets (writing the result back). */
  getValue(): Promise<T>;
  /** Validates then writes. @throws ZodError when `value` does not fit the schema. */
  setValue(value: T): Promise<void>;
  /** Read-modify-write on the validated value. @returns the value written */
  update(change: (current: T) => T): Promise<T>;
  /**
   * Calls `cb` with each new valid value, in this and every other extension context (tabs,
   * popup, options). A corrupt value is recovered first, so `cb` never sees it.
   * @returns a function that stops watching
   */
  watch(cb: (value: T) => void): () => void;
  /** Runs pending migrations (also run automatically when the item is defined). */
  migrate(): Promise<void>;
}

/**
 * Defines a typed, versioned @wxt-dev/storage item that is validated with zod on every read,
 * so corrupt or outdated data is migrated, repaired or reset instead of breaking the UI.
 * @param options key, schema, fallback, version, migrations and recovery hooks
 * @returns the item
 */
export function defineValidatedItem<T>(options: ValidatedItemOptions<T>): ValidatedItem<T> {
  const { key, schema, fallback, repair, onRecover } = options;
  const version = options.version ?? 1;
  // Defined on first use: @wxt-dev/storage reads the key (and runs migrations) as soon as an
  // item is defined, and content scripts import this module in every frame of every page.
  let defined: Promise<WxtStorageItem<unknown, Record<string, unknown>>> | undefined;
  const lazyItem = () => {
    defined ??= guardStoredVersion().then(() =>
      storage.defineItem<unknown>(key, {
        version,
        // Passing a map (even empty) makes @wxt-dev/storage track the version and refuse downgrades.
        migrations: options.migrations ?? {},
        onMigrationComplete: (_value, targetVersion) => {
          void onRecover?.({ key, kind: 'migrated', detail: `to v${targetVersion}` });
        },
      }),
    );
    return defined;
  };

  /**
   * Checks the stored version before the library sees it. A version that is not a small
   * positive integer cannot have been written by Claimnote, so the value's real version is
   * unknown: it is marked as the current version, and the schema check on every read then
   * keeps, repairs or resets the value like any other stored data.
   */
  async function guardStoredVersion(): Promise<void> {
    try {
      const stored = (await storage.getMeta<Record<string, unknown>>(key)).v;
      if (isUsableStoredVersion(stored)) return;
      await onRecover?.({
        key,
        kind: 'repaired',
        detail: `stored version ${String(stored).slice(0, 40)} is not a version; read as v${version}`,
      });
      await storage.setMeta(key, { v: version });
    } catch {
      // Unreadable storage fails the read that follows, which falls back on its own.
    }
  }

  const item = {
    getValue: async () => (await lazyItem()).getValue(),
    setValue: async (value: unknown) => (await lazyItem()).setValue(value),
    // Watching needs no definition (and no migration), so it starts at once, without a gap.
    watch: (cb: (value: unknown) => void) => storage.watch<unknown>(key, (value) => cb(value)),
    migrate: async () => (await lazyItem()).migrate(),
  };

  async function recover(raw: unknown, error: z.core.$ZodError): Promise<T> {
    const repaired = repair?.(raw);
    const usable = repaired !== undefined && safeParse(schema, repaired).success;
    const value = usable ? repaired : fallback;
    const issue = error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    // Notice first: a page closed between the two writes then leaves the bad value in place,
    // to be recovered (and noticed) again on the next read, instead of a silent repair.
    await onRecover?.({
      key,
      kind: usable ? 'repaired' : 'reset',
      detail: `${where}${issue?.message ?? 'invalid value'}`.slice(0, 200),
    });
    await item.setValue(value);
    return value;
  }

  async function read(): Promise<T> {
    let raw: unknown;
    try {
      raw = await item.getValue();
    } catch {
      // Storage itself failed (quota, disabled sync): show the default rather than nothing.
      return fallback;
    }
    if (raw === null || raw === undefined) return fallback;
    const parsed = safeParse(schema, raw);
    if (parsed.success) return parsed.data;
    return recover(raw, parsed.error);
  }

  return {
    key,
    fallback,
    getValue: read,
    async setValue(value) {
      await item.setValue(parse(schema, value));
    },
    async update(change) {
      const next = parse(schema, change(await read()));
      await item.setValue(next);
      return next;
    },
    watch(cb) {
      return item.watch((raw) => {
        if (raw === null || raw === undefined) {
          cb(fallback);
          return;
        }
        const parsed = safeParse(schema, raw);
        if (parsed.success) cb(parsed.data);
        // The recovered value is written back, which fires this watcher again with valid data.
        else void recover(raw, parsed.error);
      });
    },
    migrate: () => item.migrate(),
  };
}
