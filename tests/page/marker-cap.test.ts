import { describe, expect, it } from 'vitest';
import type { Finding } from '../../lib/matching/types';
import { chooseMarked, lateMarkerBudget, MAX_MARKERS } from '../../lib/page/marker-cap';

const item = (claimId: string, n: number) => ({
  n,
  finding: { claimId, verdict: 'false', start: 0, end: 1, quote: 'x' } satisfies Finding,
});

describe('chooseMarked', () => {
  it('marks everything on an ordinary page', () => {
    const items = [item('a', 0), item('b', 1), item('a', 2)];
    expect([...chooseMarked(items)].sort((x, y) => x.n - y.n)).toEqual(items);
  });

  it(`stops at ${MAX_MARKERS}, keeping the first finding of every claim`, () => {
    const items = [...Array.from({ length: 400 }, (_, n) => item('a', n)), item('b', 400), item('c', 401)];
    const marked = chooseMarked(items);
    expect(marked.size).toBe(MAX_MARKERS);
    expect(marked.has(items[400] as (typeof items)[number])).toBe(true);
    expect(marked.has(items[401] as (typeof items)[number])).toBe(true);
    // The rest go in text order: the first 298 of claim a.
    expect([...marked].filter((x) => x.finding.claimId === 'a').map((x) => x.n)).toEqual(
      Array.from({ length: MAX_MARKERS - 2 }, (_, n) => n),
    );
  });

  it('gives every claim a marker even past the cap', () => {
    const items = Array.from({ length: MAX_MARKERS + 5 }, (_, n) => item(`claim-${n}`, n));
    expect(chooseMarked(items).size).toBe(MAX_MARKERS + 5);
  });
});

describe('lateMarkerBudget', () => {
  const marked = (claimId: string) => ({ ...item(claimId, 0), marker: {} as HTMLElement });
  const unmarked = (claimId: string) => ({ ...item(claimId, 0), marker: null });

  it('counts the markers in place and allows a claim without one past the cap', () => {
    const items = [...Array.from({ length: MAX_MARKERS - 1 }, () => marked('a')), unmarked('b')];
    const budget = lateMarkerBudget(items);
    expect(budget.allows(item('a', 0))).toBe(true);
    budget.took(item('a', 0));
    expect(budget.allows(item('a', 0))).toBe(false);
    expect(budget.allows(item('b', 0))).toBe(true);
    budget.took(item('b', 0));
    expect(budget.allows(item('b', 0))).toBe(false);
  });
});
