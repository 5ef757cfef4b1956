import type { Finding } from '../matching/types';
import {
  type FindingSummary,
  FRAME_FINDINGS_MAX,
  type PageState,
  summarizeQuote,
} from '../messaging/messages';
import type { TestProbeState } from './test-probe';

/** What the reports read of a rendered finding. */
export interface ReportedFinding {
  finding: Finding;
  index: number;
  marker: HTMLElement | null;
}

/** A frame's findings as the background and the popup get them. */
export interface FrameReport {
  /** Every finding, for the badge. */
  count: number;
  /** The first {@link FRAME_FINDINGS_MAX}, for the popup's list. */
  findings: FindingSummary[];
}

/**
 * What a frame reports: its findings while active, nothing otherwise (dormant, paused).
 * @param active the page is in active mode
 * @param items the rendered findings, in text order
 */
export function frameReport(active: boolean, items: readonly ReportedFinding[]): FrameReport {
  if (!active) return { count: 0, findings: [] };
  return {
    count: items.length,
    findings: items.slice(0, FRAME_FINDINGS_MAX).map((item) => ({
      index: item.index,
      claimId: item.finding.claimId,
      verdict: item.finding.verdict,
      quote: summarizeQuote(item.finding.quote),
    })),
  };
}

/** The page's state for the popup (GET_PAGE_STATE). */
export function pageState(
  location: Location,
  mode: { active: boolean; paused: boolean; hidden: boolean },
  items: readonly ReportedFinding[],
): PageState {
  const { count, findings } = frameReport(mode.active, items);
  return { url: location.href, hostname: location.hostname, ...mode, count, findings };
}

/** The end-to-end harness's view of the scan (see test-probe.ts). */
export function probeState(
  view: Window,
  scan: { active: boolean; scanning: boolean; highlight: string | null },
  items: readonly ReportedFinding[],
): TestProbeState {
  const marked = items.filter((item) => item.marker?.isConnected);
  return {
    active: scan.active,
    scanning: scan.scanning,
    findings: scan.active ? items.length : 0,
    markers: marked.length,
    markerIds: [...new Set(marked.map((item) => item.finding.claimId))].sort(),
    highlight: scan.highlight,
    url: view.location.href,
    top: view === view.top,
  };
}

/** Sends a frame's findings to the background, skipping repeats. */
export interface ReportSender {
  /**
   * Sends `report` unless it equals the last one sent.
   * @param force send even then (pausing must reach the badge whatever was sent before)
   */
  send(url: string, report: FrameReport, force: boolean): void;
  /** Forgets the last report, so the next one is sent (navigation, teardown). */
  forget(): void;
}

/**
 * Creates the sender. Every pass ends with a report, and most passes (a page's own updates)
 * change nothing, so repeats are dropped here rather than in the background.
 * @param report sends a frame's findings to the background
 */
export function createReportSender(
  report: (url: string, count: number, findings: FindingSummary[]) => void,
): ReportSender {
  let last = '';
  return {
    send(url, { count, findings }, force) {
      const key = `${count}:${JSON.stringify(findings)}`;
      if (!force && key === last) return;
      last = key;
      report(url, count, findings);
    },
    forget() {
      last = '';
    },
  };
}
