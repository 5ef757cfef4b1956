/**
 * Page-side limit on report starts from note cards. Each start saves a draft and opens a tab;
 * a burst of them (a forged click loop that got past the trusted-event guard, or an impatient
 * reader) would fill the draft store and the tab strip. The same note on the same page starts
 * once per window; any note starts at most `maxPerWindow` times per window. The background
 * keeps its own limit; this one stops the requests before they leave the page.
 */

/** Why a start was refused, so the card can say something true. */
export type ReportGateResult = 'allowed' | 'duplicate' | 'too-many';

/** The gate shared by one page's note cards. */
export interface ReportGate {
  /**
   * Asks to start a report.
   * @param key what the report is about (claim id and page address)
   */
  tryStart(key: string): ReportGateResult;
}

/** Options of {@link createReportGate}. */
export interface ReportGateOptions {
  now(): number;
  /** @default 60_000 */
  windowMs?: number;
  /** @default 3 */
  maxPerWindow?: number;
}

/**
 * Creates a gate with its own memory of recent starts.
 * @param options clock and limits
 * @returns the gate
 */
export function createReportGate(options: ReportGateOptions): ReportGate {
  const windowMs = options.windowMs ?? 60_000;
  const maxPerWindow = options.maxPerWindow ?? 3;
  let recent: { key: string; at: number }[] = [];
  return {
    tryStart(key) {
      const now = options.now();
      recent = recent.filter((start) => now - start.at < windowMs);
      if (recent.some((start) => start.key === key)) return 'duplicate';
      if (recent.length >= maxPerWindow) return 'too-many';
      recent.push({ key, at: now });
      return 'allowed';
    },
  };
}
