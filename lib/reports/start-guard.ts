/**
 * Limits how often pages can start reports. A note card's Report button runs in the page's
 * renderer, so a page can send start-report messages as fast as it likes; each one would save a
 * draft (the list holds 200) and open a tab. The guard lets one draft exist per page and claim
 * within a window, and caps how many starts a tab, and all tabs together, get per window.
 */

/** Window for both the de-duplication and the rate limit. */
export const REPORT_START_WINDOW_MS = 60_000;
/** Starts (new drafts and reopened ones) one tab may make per window; a reader rarely needs two. */
export const REPORT_STARTS_PER_TAB = 5;
/** Starts all tabs together may make per window, so many tabs or frames cannot add up. */
export const REPORT_STARTS_TOTAL = 10;

/** Thrown when a start is over the rate limit; nothing was saved or opened. */
export class ReportStartRateLimitedError extends Error {
  constructor() {
    super('Too many reports were started from pages in the last minute.');
    this.name = 'ReportStartRateLimitedError';
  }
}

/** Options for {@link ReportStartGuard}; the defaults are the constants above and `Date.now`. */
export interface ReportStartGuardOptions {
  now?: () => number;
  windowMs?: number;
  perTab?: number;
  total?: number;
}

/** What one guarded start does, supplied by the caller. */
export interface GuardedStart {
  /** Tab the request came from (named by the browser). */
  tabId: number;
  /** Identifies "the same report": page address and claim. */
  key: string;
  /** Saves a new draft and opens its report page; resolves to the draft's id. */
  start(): Promise<string>;
  /** Opens the report page of an existing draft again (the reader may have closed it). */
  reopen(reportId: string): Promise<void>;
}

/** De-duplicates and rate-limits report starts from content scripts; the clock is injected. */
export class ReportStartGuard {
  private readonly now: () => number;
  private readonly windowMs: number;
  private readonly perTab: number;
  private readonly total: number;
  /** Accepted starts in the window, oldest first. */
  private starts: { tabId: number; at: number }[] = [];
  /** Drafts started in the window, by key; a promise, so concurrent duplicates share one draft. */
  private readonly recent = new Map<string, { at: number; id: Promise<string> }>();

  constructor(options: ReportStartGuardOptions = {}) {
    this.now = options.now ?? Date.now;
    this.windowMs = options.windowMs ?? REPORT_START_WINDOW_MS;
    this.perTab = options.perTab ?? REPORT_STARTS_PER_TAB;
    this.total = options.total ?? REPORT_STARTS_TOTAL;
  }

  /**
   * Starts a report, or reopens the draft of the same key started within the window.
   * @param request tab, key and the two actions
   * @returns the id of the new or reused draft
   * @throws ReportStartRateLimitedError when the tab or all tabs are over the limit
   */
  async run(request: GuardedStart): Promise<string> {
    const at = this.now();
    this.prune(at);
    const fromTab = this.starts.filter((start) => start.tabId === request.tabId).length;
    if (fromTab >= this.perTab || this.starts.length >= this.total) throw new ReportStartRateLimitedError();
    this.starts.push({ tabId: request.tabId, at });

    const existing = this.recent.get(request.key);
    if (existing !== undefined) {
      const id = await existing.id.catch(() => undefined);
      if (id !== undefined) {
        await request.reopen(id);
        return id;
      }
    }
    const id = request.start();
    const entry = { at, id };
    this.recent.set(request.key, entry);
    // A failed start (full storage) leaves no draft to reuse; the next click may try again.
    id.catch(() => {
      if (this.recent.get(request.key) === entry) this.recent.delete(request.key);
    });
    return id;
  }

  private prune(at: number): void {
    const since = at - this.windowMs;
    this.starts = this.starts.filter((start) => start.at > since);
    for (const [key, entry] of this.recent) if (entry.at <= since) this.recent.delete(key);
  }
}
