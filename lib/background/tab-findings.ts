import type { FrameFindings } from '../messaging/messages';

/**
 * Findings per tab and frame, as the content scripts last reported them. A tab's count is the
 * sum over its frames, so an embedded forum thread adds to its page's badge.
 */
export class TabFindingsStore {
  private readonly tabs = new Map<number, Map<number, FrameFindings>>();

  /**
   * Records a frame's latest report, replacing the previous one.
   * @param tabId the tab
   * @param frame the frame's report
   */
  setFrame(tabId: number, frame: FrameFindings): void {
    const frames = this.tabs.get(tabId) ?? new Map<number, FrameFindings>();
    frames.set(frame.frameId, frame);
    this.tabs.set(tabId, frames);
  }

  /** Forgets a tab (navigation, closed tab). */
  clearTab(tabId: number): void {
    this.tabs.delete(tabId);
  }

  /** True when some frame of the tab has reported since the tab was last cleared. */
  has(tabId: number): boolean {
    return this.tabs.has(tabId);
  }

  /** The tab's frames, top frame first. */
  frames(tabId: number): FrameFindings[] {
    return [...(this.tabs.get(tabId)?.values() ?? [])].sort((a, b) => a.frameId - b.frameId);
  }

  /** Number of findings over all frames of the tab. */
  count(tabId: number): number {
    let total = 0;
    for (const frame of this.tabs.get(tabId)?.values() ?? []) total += frame.count;
    return total;
  }
}

/** Most digits the badge has room for. */
const BADGE_MAX = 999;

/**
 * Badge text for a number of findings: empty for none, so a clean page shows no badge.
 * @param count findings in the tab
 */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > BADGE_MAX ? `${BADGE_MAX}+` : String(count);
}
