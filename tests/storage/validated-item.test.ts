import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { z } from 'zod';
import {
  defineValidatedItem,
  isUsableStoredVersion,
  type RecoveryEvent,
  STORED_VERSION_MAX,
} from '../../lib/storage/validated-item';

/**
 * The migration path, exercised with a test item: the shipped items are all at version 1, so
 * this is the template for their first migration.
 */

beforeEach(() => {
  fakeBrowser.reset();
});

const v2Schema = z.array(z.object({ publisher: z.string().min(1) }).strict());

function defineV2(events: RecoveryEvent[]) {
  return defineValidatedItem({
    key: 'sync:testPins',
    schema: v2Schema,
    fallback: [],
    version: 2,
    // v1 stored bare publisher names; v2 stores objects.
    migrations: { 2: (old: unknown) => (old as string[]).map((publisher) => ({ publisher })) },
    repair: () => undefined,
    onRecover: (event) => {
      events.push(event);
    },
  });
}

describe('defineValidatedItem', () => {
  it('migrates a value stored by an older version and records a notice', async () => {
    await fakeBrowser.storage.sync.set({ testPins: ['NIH', 'FDA'] });
    const events: RecoveryEvent[] = [];
    const item = defineV2(events);
    expect(await item.getValue()).toEqual([{ publisher: 'NIH' }, { publisher: 'FDA' }]);
    expect(await fakeBrowser.storage.sync.get('testPins$')).toEqual({ testPins$: { v: 2 } });
    expect(events).toEqual([{ key: 'sync:testPins', kind: 'migrated', detail: 'to v2' }]);
  });

  it('resets a value whose migration fails, instead of crashing', async () => {
    await fakeBrowser.storage.sync.set({ testPins: 'not a list' });
    const events: RecoveryEvent[] = [];
    const item = defineV2(events);
    expect(await item.getValue()).toEqual([]);
    expect(events.map((e) => e.kind)).toEqual(['reset']);
  });

  it('resets data from a newer version it cannot read', async () => {
    await fakeBrowser.storage.sync.set({ testPins: { format: 'v9' }, testPins$: { v: 9 } });
    const events: RecoveryEvent[] = [];
    const item = defineV2(events);
    expect(await item.getValue()).toEqual([]);
    expect(events.map((e) => e.kind)).toEqual(['reset']);
  });

  it('writes the version with the first value, so later migrations know where to start', async () => {
    const item = defineV2([]);
    await item.setValue([{ publisher: 'NIH' }]);
    expect(await fakeBrowser.storage.sync.get('testPins$')).toEqual({ testPins$: { v: 2 } });
  });

  it('validates writes', async () => {
    const item = defineV2([]);
    await expect(item.setValue([{ publisher: '' }])).rejects.toThrow();
    expect(await fakeBrowser.storage.sync.get('testPins')).toEqual({});
  });

  it('names the failing field in the notice', async () => {
    await fakeBrowser.storage.sync.set({ testPins: [{ publisher: 'NIH' }, { publisher: 3 }] });
    await fakeBrowser.storage.sync.set({ testPins$: { v: 2 } });
    const events: RecoveryEvent[] = [];
    const item = defineV2(events);
    expect(await item.getValue()).toEqual([]);
    expect(events[0]?.detail).toMatch(/^1\.publisher: /);
  });
});

describe('stored versions that are not versions (issue 10)', () => {
  function defineCounted(events: RecoveryEvent[]) {
    const steps: unknown[] = [];
    const item = defineValidatedItem({
      key: 'sync:testPins',
      schema: v2Schema,
      fallback: [],
      version: 2,
      migrations: {
        2: (old: unknown) => {
          steps.push(old);
          return (old as string[]).map((publisher) => ({ publisher }));
        },
      },
      onRecover: (event) => {
        events.push(event);
      },
    });
    return { item, steps };
  }

  it('reads a value stored with version -1e7 at once, without running ten million migration steps', async () => {
    await fakeBrowser.storage.sync.set({ testPins: [{ publisher: 'NIH' }], testPins$: { v: -1e7 } });
    const events: RecoveryEvent[] = [];
    const { item, steps } = defineCounted(events);
    const started = performance.now();
    expect(await item.getValue()).toEqual([{ publisher: 'NIH' }]);
    // Generous for a loaded machine; the unguarded library took seconds here.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(steps).toEqual([]);
    expect(await fakeBrowser.storage.sync.get('testPins$')).toEqual({ testPins$: { v: 2 } });
    expect(events).toEqual([
      {
        key: 'sync:testPins',
        kind: 'repaired',
        detail: 'stored version -10000000 is not a version; read as v2',
      },
    ]);
  }, 3000);

  it.each([
    ['negative', -3],
    ['zero', 0],
    ['fractional', 1.5],
    ['string', '1'],
    ['huge', 1e12],
    ['infinite', Number.NEGATIVE_INFINITY],
    ['object', { n: 1 }],
  ])(
    'treats a stored version that is %s as unknown: no migration runs, the schema decides, a notice is kept',
    async (_l, v) => {
      await fakeBrowser.storage.sync.set({ testPins: [{ publisher: 'FDA' }], testPins$: { v } });
      const events: RecoveryEvent[] = [];
      const { item, steps } = defineCounted(events);
      expect(await item.getValue()).toEqual([{ publisher: 'FDA' }]);
      expect(steps).toEqual([]);
      expect(await fakeBrowser.storage.sync.get('testPins$')).toEqual({ testPins$: { v: 2 } });
      expect(events.map((e) => e.kind)).toEqual(['repaired']);
    },
  );

  it('resets a value in an old shape under a bogus version, instead of guessing a migration', async () => {
    await fakeBrowser.storage.sync.set({ testPins: ['NIH'], testPins$: { v: -5 } });
    const events: RecoveryEvent[] = [];
    const { item, steps } = defineCounted(events);
    expect(await item.getValue()).toEqual([]);
    expect(steps).toEqual([]);
    expect(events.map((e) => e.kind)).toEqual(['repaired', 'reset']);
  });

  it('leaves real versions to the library: a v1 value is still migrated', async () => {
    await fakeBrowser.storage.sync.set({ testPins: ['NIH'], testPins$: { v: 1 } });
    const events: RecoveryEvent[] = [];
    const { item, steps } = defineCounted(events);
    expect(await item.getValue()).toEqual([{ publisher: 'NIH' }]);
    expect(steps).toEqual([['NIH']]);
    expect(events.map((e) => e.kind)).toEqual(['migrated']);
  });

  it('guards the shipped items too', async () => {
    const { reports } = await import('../../lib/storage/storage');
    await fakeBrowser.storage.local.set({ reports: [], reports$: { v: -1e7 } });
    const started = performance.now();
    expect(await reports.getValue()).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await fakeBrowser.storage.local.get('reports$')).toEqual({ reports$: { v: 1 } });
  }, 3000);
});

describe('isUsableStoredVersion', () => {
  it('accepts nothing stored and small positive integers only', () => {
    expect([undefined, 1, 2, STORED_VERSION_MAX].every(isUsableStoredVersion)).toBe(true);
    expect([0, -1, 1.5, STORED_VERSION_MAX + 1, Number.NaN, null, '1'].some(isUsableStoredVersion)).toBe(
      false,
    );
  });
});
