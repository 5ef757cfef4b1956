import { z } from 'zod/mini';
import { capUrl } from '../url/cap-url';

/**
 * The report model. A report is kept in local storage from the moment it is started, so it has
 * two shapes: a lenient stored shape (a draft may still have an empty quote while the reader
 * types) and the strict shape a report must have before it can be submitted.
 */

export const REPORT_KINDS = ['missed-claim', 'wrong-warning', 'wrong-or-broken-source', 'other'] as const;
export const reportKindSchema = z.enum(REPORT_KINDS);
export type ReportKind = z.infer<typeof reportKindSchema>;

export const REPORT_STATUSES = ['draft', 'saved', 'submitted-opened'] as const;
export const reportStatusSchema = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof reportStatusSchema>;

/** Longest quote a submitted report may carry; a sentence or short passage is what reviewers need. */
export const QUOTE_MAX = 1000;
/** Longest optional comment a submitted report may carry. */
export const COMMENT_MAX = 2000;
/** Longest page URL kept; browsers accept longer ones, but issue URLs must stay short. */
export const PAGE_URL_MAX = 2048;
/**
 * Drafts may exceed the submit caps (the reader is shown a message and can shorten them), but
 * not without bound: local storage is shared by every report.
 */
export const DRAFT_TEXT_MAX = 10_000;
/**
 * Longest page address a report can start from: Chrome's own URL limit (2 MB). Longer addresses
 * are shortened by {@link createDraftReport}, so a long page address never stops a report.
 */
export const PREFILL_URL_MAX = 2 * 1024 * 1024;

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// zod/mini (functional checks) so that the scanner and background bundles tree-shake it.
const text = (max: number) => z.string().check(z.maxLength(max));
const claimIdField = z.optional(z.string().check(z.regex(kebabCase), z.maxLength(120)));

/** A report as stored locally. Lenient enough to hold a half-written draft. */
export const storedReportSchema = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  kind: reportKindSchema,
  quote: text(DRAFT_TEXT_MAX),
  /**
   * The page address as captured or typed; what is shared depends on `includeQueryAndFragment`.
   * A draft may hold more than {@link PAGE_URL_MAX} (a pasted address must not make autosave
   * fail); `validateReport` refuses to submit it.
   */
  pageUrl: text(DRAFT_TEXT_MAX),
  /** Off by default: query strings and fragments often carry session ids or search terms. */
  includeQueryAndFragment: z.boolean(),
  claimId: claimIdField,
  comment: z.optional(text(DRAFT_TEXT_MAX)),
  claimListVersion: text(200),
  /** ISO 8601 timestamp. */
  createdAt: z.iso.datetime(),
  /** ISO 8601 timestamp of the last change. */
  updatedAt: z.iso.datetime(),
  status: reportStatusSchema,
});
export type StoredReport = z.infer<typeof storedReportSchema>;

/** What a reader may fill in or change on the report form. */
export type ReportFields = Pick<
  StoredReport,
  'kind' | 'quote' | 'pageUrl' | 'includeQueryAndFragment' | 'claimId' | 'comment'
>;

/** Why a report cannot be submitted yet; each maps to a message key in locales/en/report.json. */
export type ReportProblem =
  | { field: 'quote'; code: 'empty' | 'too-long'; max?: number }
  | { field: 'comment'; code: 'too-long'; max: number }
  | { field: 'pageUrl'; code: 'empty' | 'invalid' | 'not-http' | 'too-long'; max?: number };

/**
 * Checks a report against the submit rules.
 * @param report the fields to check
 * @returns every problem found, in form order; empty when the report can be submitted
 */
export function validateReport(report: ReportFields): ReportProblem[] {
  const problems: ReportProblem[] = [];
  const quote = report.quote.trim();
  if (quote.length === 0) problems.push({ field: 'quote', code: 'empty' });
  else if (quote.length > QUOTE_MAX) problems.push({ field: 'quote', code: 'too-long', max: QUOTE_MAX });

  const urlProblem = checkPageUrl(report.pageUrl);
  if (urlProblem) problems.push(urlProblem);

  if ((report.comment ?? '').trim().length > COMMENT_MAX) {
    problems.push({ field: 'comment', code: 'too-long', max: COMMENT_MAX });
  }
  return problems;
}

function checkPageUrl(raw: string): ReportProblem | undefined {
  const value = raw.trim();
  if (value.length === 0) return { field: 'pageUrl', code: 'empty' };
  if (value.length > PAGE_URL_MAX) return { field: 'pageUrl', code: 'too-long', max: PAGE_URL_MAX };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { field: 'pageUrl', code: 'invalid' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { field: 'pageUrl', code: 'not-http' };
  return undefined;
}

/**
 * The page address exactly as it will be shared.
 * @param pageUrl the captured page address (must be http or https)
 * @param includeQueryAndFragment keep `?query` and `#fragment`; they are dropped by default
 *   because they often identify the reader (session ids, search terms, tracking tags)
 * @returns the address to share, or `undefined` when it is not a valid http(s) URL
 */
export function sharedPageUrl(pageUrl: string, includeQueryAndFragment: boolean): string | undefined {
  if (checkPageUrl(pageUrl)) return undefined;
  const url = new URL(pageUrl.trim());
  // Credentials in a URL are never something a reader means to publish.
  url.username = '';
  url.password = '';
  if (!includeQueryAndFragment) {
    url.search = '';
    url.hash = '';
  }
  return url.href;
}

/** What starts a report: the context menu, a note card, or the popup. */
export const reportPrefillSchema = z.strictObject({
  kind: z.optional(reportKindSchema),
  quote: z.optional(text(DRAFT_TEXT_MAX)),
  pageUrl: z.optional(text(PREFILL_URL_MAX)),
  claimId: claimIdField,
});
export type ReportPrefill = z.infer<typeof reportPrefillSchema>;

/**
 * Creates a new draft report from whatever started it.
 * @param prefill quote, page and claim known at the start
 * @param claimListVersion version of the claim list the reader is running
 * @param now clock, for tests
 * @param newId id generator, for tests
 * @returns a draft that passes `storedReportSchema`
 */
export function createDraftReport(
  prefill: ReportPrefill,
  claimListVersion: string,
  now: Date = new Date(),
  newId: () => string = () => crypto.randomUUID(),
): StoredReport {
  const timestamp = now.toISOString();
  const pageUrl = (prefill.pageUrl ?? '').trim();
  return storedReportSchema.parse({
    id: newId(),
    kind: prefill.kind ?? (prefill.claimId ? 'wrong-warning' : 'missed-claim'),
    // Selections can be whole pages; keep what a draft can hold and let the form ask to shorten.
    quote: (prefill.quote ?? '').trim().slice(0, DRAFT_TEXT_MAX),
    // Too long to keep: without its fragment and query (not shared by default anyway), or
    // dropped, since a URL cut inside its path points elsewhere. The reader can type it in.
    pageUrl: capUrl(pageUrl, PAGE_URL_MAX) ?? '',
    includeQueryAndFragment: false,
    ...(prefill.claimId ? { claimId: prefill.claimId } : {}),
    claimListVersion: claimListVersion.slice(0, 200),
    createdAt: timestamp,
    updatedAt: timestamp,
    status: 'draft',
  });
}
