/** How much one scan input may cost before the CLI gives up on it (the README's scan contract). */
export interface ScanLimits {
  /** Largest file, stdin or HTTP body read, in bytes; a larger input is an error entry. */
  maxBytes: number;
  /** Wall time one input may take (read, parse, match), in ms. */
  timeBudgetMs: number;
  /** Deepest element nesting an HTML input may have; deeper pages are refused unparsed. */
  maxDepth: number;
}

/**
 * The limits the CLI runs with. 20 MB is ten times a heavy article page; 30 s covers parsing and
 * matching that much text on a slow machine. 512 is the depth past which Chromium's HTML parser
 * stops nesting elements, so no page a browser shows as written needs more.
 */
export const DEFAULT_SCAN_LIMITS: Readonly<ScanLimits> = {
  maxBytes: 20 * 1024 * 1024,
  timeBudgetMs: 30_000,
  maxDepth: 512,
};

/** Environment variables that override each limit (tests use small ones). */
export const SCAN_LIMIT_ENV: Readonly<Record<keyof ScanLimits, string>> = {
  maxBytes: 'CLAIMNOTE_SCAN_MAX_BYTES',
  timeBudgetMs: 'CLAIMNOTE_SCAN_TIME_BUDGET_MS',
  maxDepth: 'CLAIMNOTE_SCAN_MAX_DEPTH',
};

/**
 * The default limits with any override from the environment.
 * @param env usually `process.env`
 * @returns the limits
 * @throws {Error} when an override is not a positive integer
 */
export function scanLimitsFromEnv(env: Readonly<Record<string, string | undefined>>): ScanLimits {
  const limits: ScanLimits = { ...DEFAULT_SCAN_LIMITS };
  for (const key of Object.keys(SCAN_LIMIT_ENV) as (keyof ScanLimits)[]) {
    const name = SCAN_LIMIT_ENV[key];
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    if (!/^[1-9]\d{0,12}$/.test(raw)) throw new Error(`${name} must be a positive integer, not "${raw}"`);
    limits[key] = Number(raw);
  }
  return limits;
}

/** An input the CLI refuses or gives up on; its message is the input's `error` entry. */
export class InputRefused extends Error {
  override name = 'InputRefused';
}

/**
 * The error for an input that ran out of its time budget.
 * @param budgetMs the budget
 * @returns the error to reject or throw with
 */
export function budgetExceeded(budgetMs: number): InputRefused {
  const amount = budgetMs >= 1000 ? `${Math.round(budgetMs / 100) / 10} s` : `${budgetMs} ms`;
  return new InputRefused(`took longer than the ${amount} time budget`);
}

/**
 * The error for an input over the size cap.
 * @param maxBytes the cap
 * @returns the error
 */
export function tooLarge(maxBytes: number): InputRefused {
  return new InputRefused(`larger than ${maxBytes} bytes`);
}
