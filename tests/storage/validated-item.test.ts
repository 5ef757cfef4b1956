import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { z } from 'zod';
import { defineValidatedItem, type RecoveryEvent } from '../../lib/storage/validated-item';

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
