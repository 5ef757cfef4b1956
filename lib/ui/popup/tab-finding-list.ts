import type { FindingSummary, FrameFindings, PageState } from '../../messaging/messages';

/** One listed finding and the frame that can reveal it. */
export interface ListedFinding {
  frameId: number;
  finding: FindingSummary;
}

/** The top frame's id in `tabs.sendMessage` and in the background's store. */
const TOP_FRAME = 0;

/**
 * The findings the popup lists for a tab, top frame first, and their count. Each frame has one
 * source: the top frame's list is its content script's answer to the popup, just now (the
 * same answer says whether it is paused or hidden); the background's copy of it may be older
 * (a pass not yet reported, a client-side navigation, a restarted background) and is never
 * used. The popup cannot ask other frames (it knows no frame ids without more permissions),
 * so theirs come from the background's copy of their reports.
 * @param page the top frame's state (its count and listed findings)
 * @param frames the background's copy of each frame's last report
 */
export function listTabFindings(
  page: Pick<PageState, 'count' | 'findings'>,
  frames: readonly FrameFindings[],
): { findings: ListedFinding[]; count: number } {
  const others = frames.filter((frame) => frame.frameId !== TOP_FRAME);
  const findings = [
    ...page.findings.map((finding) => ({ frameId: TOP_FRAME, finding })),
    ...others.flatMap((frame) => frame.findings.map((finding) => ({ frameId: frame.frameId, finding }))),
  ];
  return { findings, count: others.reduce((sum, frame) => sum + frame.count, page.count) };
}
