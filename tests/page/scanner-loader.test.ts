// @vitest-environment happy-dom
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { loadPageScanner, registerPageScanner } from '../../lib/page/scanner-loader';

const scripts = resolve(import.meta.dirname, '../fixtures/scanner-scripts');
const REGISTERS = join(scripts, 'registers.mjs');
const REGISTERS_NOTHING = join(scripts, 'registers-nothing.mjs');
type TestGlobal = typeof globalThis & { __startedFor?: string; __claimnoteStartPageScanner?: unknown };

afterEach(() => {
  delete (globalThis as TestGlobal).__claimnoteStartPageScanner;
  fakeBrowser.reset();
});

describe('loadPageScanner', () => {
  it('imports the scanner script and starts what it registered, with the context', async () => {
    const ctx = new ContentScriptContext('loader-test');
    await loadPageScanner(ctx, REGISTERS);
    expect((globalThis as TestGlobal).__startedFor).toBe('loader-test');
    ctx.abort();
  });

  it('starts again on a second load although the module is evaluated only once', async () => {
    let starts = 0;
    registerPageScanner(async () => {
      starts += 1;
    });
    const ctx = new ContentScriptContext('loader-test');
    await loadPageScanner(ctx, REGISTERS_NOTHING);
    await loadPageScanner(ctx, REGISTERS_NOTHING);
    expect(starts).toBe(2);
    ctx.abort();
  });

  it('does not start for a context that was invalidated meanwhile', async () => {
    let starts = 0;
    registerPageScanner(async () => {
      starts += 1;
    });
    const ctx = new ContentScriptContext('loader-test');
    ctx.abort();
    await loadPageScanner(ctx, REGISTERS_NOTHING);
    expect(starts).toBe(0);
  });

  it('fails readably when the script registers nothing', async () => {
    const ctx = new ContentScriptContext('loader-test');
    await expect(loadPageScanner(ctx, REGISTERS_NOTHING)).rejects.toThrow(
      /did not register a start function/,
    );
    ctx.abort();
  });
});
