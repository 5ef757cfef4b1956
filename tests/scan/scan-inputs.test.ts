import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMatcher } from '../../lib/matching/matcher';
import { createRelevanceGate } from '../../lib/matching/relevance-gate';
import type { InputSources } from '../../lib/scan/scan-inputs';
import { scanInputs } from '../../lib/scan/scan-inputs';
import { DEFAULT_SCAN_LIMITS, scanLimitsFromEnv } from '../../lib/scan/scan-limits';
import { testBundle } from '../page/test-bundle';

const matcher = createMatcher(testBundle.index);
const gate = createRelevanceGate(testBundle.index.relevanceGate);

/** Sources that serve `files` by name and never touch the file system, stdin or network. */
const fakeSources = (files: Record<string, string>, overrides: Partial<InputSources> = {}): InputSources => ({
  readFile: async (path) => {
    const text = files[path];
    if (text === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
    return text;
  },
  readStdin: async () => '',
  fetchUrl: async () => ({ body: '', contentType: 'text/plain' }),
  ...overrides,
});

afterEach(() => {
  vi.useRealTimers();
});

describe('scanInputs', () => {
  it('reports no findings for a text that fails the relevance gate, as the extension shows none', async () => {
    // Only a bare "pump": the matcher alone presumes it is intrathecal; the gate wants context.
    const files = {
      'a.txt': 'The pump never needs a refill.',
      'b.txt': 'My morphine pump never needs a refill.',
    };
    const ungated = await scanInputs(['a.txt'], matcher, 'v', { sources: fakeSources(files) });
    expect(ungated.documents[0]).toMatchObject({ findings: [{ claimId: 'no-refills-needed' }] });
    const gated = await scanInputs(['a.txt', 'b.txt'], matcher, 'v', { sources: fakeSources(files), gate });
    expect(gated.documents[0]).toEqual({ input: 'a.txt', findings: [] });
    expect(gated.documents[1]).toMatchObject({ findings: [{ claimId: 'no-refills-needed' }] });
  });

  it('stops matching an input whose time budget ran out between blocks, and goes on', async () => {
    const long = Array.from({ length: 50 }, () => 'Our intrathecal pump never needs a refill.').join('\n\n');
    let clock = 0;
    const result = await scanInputs(['long.txt', 'short.txt'], matcher, 'v', {
      sources: fakeSources({ 'long.txt': long, 'short.txt': 'Our intrathecal pump never needs a refill.' }),
      limits: { ...DEFAULT_SCAN_LIMITS, timeBudgetMs: 10_000 },
      // Every reading of the clock is one second later: the long input runs out after ten blocks.
      now: () => {
        clock += 1000;
        return clock;
      },
    });
    expect(result.documents[0]).toEqual({
      input: 'long.txt',
      error: 'took longer than the 10 s time budget',
    });
    expect(result.documents[1]).toMatchObject({ findings: [{ claimId: 'no-refills-needed' }] });
  });

  it('aborts a read that waits past the budget, with the budget as the reason', async () => {
    vi.useFakeTimers();
    const sources = fakeSources(
      {},
      {
        readStdin: (limits) =>
          new Promise((_resolve, reject) =>
            limits.signal.addEventListener('abort', () => reject(limits.signal.reason)),
          ),
      },
    );
    const pending = scanInputs(['-'], matcher, 'v', {
      sources,
      limits: { ...DEFAULT_SCAN_LIMITS, timeBudgetMs: 500 },
    });
    await vi.advanceTimersByTimeAsync(500);
    expect((await pending).documents[0]).toEqual({
      input: '-',
      error: 'took longer than the 500 ms time budget',
    });
  });

  it('passes the size cap to every source', async () => {
    const seen: number[] = [];
    const sources = fakeSources(
      {},
      {
        readFile: async (_path, limits) => {
          seen.push(limits.maxBytes);
          return '';
        },
        fetchUrl: async (_url, limits) => {
          seen.push(limits.maxBytes);
          return { body: '', contentType: 'text/html' };
        },
      },
    );
    await scanInputs(['x.html', 'https://example.test/'], matcher, 'v', {
      sources,
      limits: { ...DEFAULT_SCAN_LIMITS, maxBytes: 123 },
    });
    expect(seen).toEqual([123, 123]);
  });
});

describe('scanLimitsFromEnv', () => {
  it('reads positive integers and refuses anything else', () => {
    expect(scanLimitsFromEnv({})).toEqual(DEFAULT_SCAN_LIMITS);
    expect(
      scanLimitsFromEnv({ CLAIMNOTE_SCAN_MAX_BYTES: '1024', CLAIMNOTE_SCAN_MAX_DEPTH: '64' }),
    ).toMatchObject({
      maxBytes: 1024,
      maxDepth: 64,
      timeBudgetMs: DEFAULT_SCAN_LIMITS.timeBudgetMs,
    });
    for (const bad of ['0', '-5', '1e9', 'ten', '1.5']) {
      expect(() => scanLimitsFromEnv({ CLAIMNOTE_SCAN_TIME_BUDGET_MS: bad })).toThrow(/positive integer/);
    }
  });
});
