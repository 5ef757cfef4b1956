import { describe, expect, it } from 'vitest';
import type { FindingSummary } from '../../../lib/messaging/messages';
import { listTabFindings } from '../../../lib/ui/popup/tab-finding-list';

const summary = (index: number, quote: string): FindingSummary => ({
  index,
  claimId: 'side-effects-rare',
  verdict: 'false',
  quote,
});

/** The top frame's answer to the popup (only its count and list matter here). */
const page = { count: 2, findings: [summary(0, 'Now on the page.'), summary(1, 'Also now on the page.')] };

const embed = {
  frameId: 3,
  url: 'https://forum.test/embed',
  count: 4,
  findings: [summary(0, 'In the forum.')],
};

describe('listTabFindings', () => {
  it("takes the top frame's findings from the page, never from the background's older copy", () => {
    // The background still holds the top frame's report from before a client-side navigation.
    const stale = { frameId: 0, url: 'https://blog.test/old', count: 9, findings: [summary(0, 'Gone.')] };
    const listed = listTabFindings(page, [stale, embed]);
    expect(listed.findings.map(({ frameId, finding }) => [frameId, finding.quote])).toEqual([
      [0, 'Now on the page.'],
      [0, 'Also now on the page.'],
      [3, 'In the forum.'],
    ]);
    expect(listed.count).toBe(2 + 4);
  });

  it('lists the top frame even when the background has no report of it (it restarted)', () => {
    expect(listTabFindings(page, [embed]).count).toBe(6);
    expect(listTabFindings(page, []).findings).toHaveLength(2);
  });

  it('counts findings past the listed ones', () => {
    const many = { ...page, count: 812 };
    expect(listTabFindings(many, []).count).toBe(812);
  });
});
