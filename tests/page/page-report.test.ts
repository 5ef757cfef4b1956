// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../lib/matching/types';
import { type FindingSummary, FRAME_FINDINGS_MAX } from '../../lib/messaging/messages';
import {
  createReportSender,
  frameReport,
  pageState,
  probeState,
  type ReportedFinding,
} from '../../lib/page/page-report';

function reported(count: number, claimId = (n: number) => `claim-${n % 3}`): ReportedFinding[] {
  return Array.from({ length: count }, (_, index) => ({
    index,
    marker: null,
    finding: {
      claimId: claimId(index),
      verdict: 'misleading',
      start: 0,
      end: 1,
      quote: `Sentence ${index}.`,
    } satisfies Finding,
  }));
}

describe('frameReport', () => {
  it('counts every finding and lists the first FRAME_FINDINGS_MAX, in order', () => {
    const report = frameReport(true, reported(FRAME_FINDINGS_MAX + 20));
    expect(report.count).toBe(FRAME_FINDINGS_MAX + 20);
    expect(report.findings).toHaveLength(FRAME_FINDINGS_MAX);
    expect(report.findings[1]).toEqual({
      index: 1,
      claimId: 'claim-1',
      verdict: 'misleading',
      quote: 'Sentence 1.',
    });
  });

  it('reports nothing for a page that is not active', () => {
    expect(frameReport(false, reported(3))).toEqual({ count: 0, findings: [] });
  });
});

describe('pageState and probeState', () => {
  it('give the popup the mode and the findings', () => {
    const state = pageState(location, { active: true, paused: false, hidden: true }, reported(2));
    expect(state).toMatchObject({ url: location.href, hostname: location.hostname, hidden: true, count: 2 });
    expect(state.findings.map((f) => f.index)).toEqual([0, 1]);
    expect(pageState(location, { active: false, paused: true, hidden: false }, reported(2))).toMatchObject({
      paused: true,
      count: 0,
      findings: [],
    });
  });

  it('count only markers in the page, with distinct sorted claim ids', () => {
    const items = reported(4, (n) => (n < 2 ? 'zeta' : 'alpha'));
    const inPage = () => {
      const marker = document.createElement('span');
      document.body.append(marker);
      return marker;
    };
    (items[0] as ReportedFinding).marker = inPage();
    (items[1] as ReportedFinding).marker = inPage();
    (items[2] as ReportedFinding).marker = document.createElement('span');
    (items[3] as ReportedFinding).marker = inPage();
    const state = probeState(window, { active: true, scanning: false, highlight: 'h1' }, items);
    expect(state).toMatchObject({ findings: 4, markers: 3, markerIds: ['alpha', 'zeta'], highlight: 'h1' });
    expect(state.top).toBe(true);
    expect(probeState(window, { active: false, scanning: false, highlight: null }, items).findings).toBe(0);
  });
});

describe('createReportSender', () => {
  it('sends a report once, again when it changes, when forced, or after forget', () => {
    const sent: [string, number, FindingSummary[]][] = [];
    const sender = createReportSender((url, count, findings) => sent.push([url, count, findings]));
    sender.send('https://example.org/', frameReport(true, reported(2)), false);
    sender.send('https://example.org/', frameReport(true, reported(2)), false);
    expect(sent).toHaveLength(1);
    sender.send('https://example.org/', frameReport(true, reported(3)), false);
    expect(sent).toHaveLength(2);
    sender.send('https://example.org/', frameReport(true, reported(3)), true);
    expect(sent).toHaveLength(3);
    sender.forget();
    sender.send('https://example.org/', frameReport(true, reported(3)), false);
    expect(sent.map(([, count]) => count)).toEqual([2, 3, 3, 3]);
  });
});
