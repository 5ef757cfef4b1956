import { codePointLength, sliceCodePoints, toWellFormed } from '../text/unicode';
import { type ReportKind, type StoredReport, sharedPageUrl } from './report';

/**
 * Turns a report into the prefilled "new issue" address on the claim list's public
 * repository. Pure: the template and limits come in as parameters, so the same function runs
 * in the report page and in unit tests.
 */

/** Where reports go when neither the build nor the reader configured a template. */
export const BUILTIN_ISSUE_TEMPLATE =
  'https://github.com/claimnote/claim-list/issues/new?title={title}&body={body}';

/**
 * GitHub answers 414 for request lines much beyond 8 KB, and some proxies cut earlier; 8000
 * characters leaves room for the rest of the request line.
 */
export const ISSUE_URL_MAX = 8000;

/** Issue titles are shown in lists; a quote beyond this many characters (code points) is cut. */
export const TITLE_QUOTE_MAX = 80;

/**
 * The build's default template: `WXT_REPORT_ISSUE_TEMPLATE` from the environment at build time
 * (`.env` or the shell), or {@link BUILTIN_ISSUE_TEMPLATE}. Readers can override it on the
 * options page.
 * @returns the default issue URL template
 */
export function defaultIssueTemplate(): string {
  // WXT exposes WXT_-prefixed variables; the generated ImportMetaEnv type does not list them.
  const env = import.meta.env as unknown as Record<string, unknown> | undefined;
  const fromBuild = env?.WXT_REPORT_ISSUE_TEMPLATE;
  return typeof fromBuild === 'string' && checkIssueTemplate(fromBuild) === undefined
    ? fromBuild
    : BUILTIN_ISSUE_TEMPLATE;
}

/** Why a template cannot be used; each maps to a message on the options page. */
export type TemplateProblem = 'invalid' | 'not-https' | 'missing-body';

/**
 * Checks an issue URL template.
 * @param template an https URL containing `{body}` and optionally `{title}`
 * @returns the problem, or `undefined` when the template can be used
 */
export function checkIssueTemplate(template: string): TemplateProblem | undefined {
  if (!template.includes('{body}')) return 'missing-body';
  let url: URL;
  try {
    url = new URL(template.replaceAll('{title}', 'x').replaceAll('{body}', 'x'));
  } catch {
    return 'invalid';
  }
  // Reports go over the network only here; never in clear text.
  if (url.protocol !== 'https:') return 'not-https';
  return undefined;
}

/** Labels written into the issue. English on purpose: the issue tracker's working language. */
const KIND_LABELS: Record<ReportKind, string> = {
  'missed-claim': 'Missed claim',
  'wrong-warning': 'Wrong warning',
  'wrong-or-broken-source': 'Wrong or broken source',
  other: 'Other',
};

/** Everything that will be shared, exactly as it will appear in the issue form. */
export interface IssueDraft {
  title: string;
  body: string;
  /** The address opened in a new tab when the reader clicks Submit. */
  url: string;
  /** True when the quote or comment had to be shortened to fit {@link ISSUE_URL_MAX}. */
  truncated: boolean;
}

/** Thrown when even an empty quote and comment do not fit the URL limit (an overlong template). */
export class IssueUrlTooLongError extends Error {
  constructor(length: number, max: number) {
    super(`The issue address would be ${length} characters long; the limit is ${max}.`);
    this.name = 'IssueUrlTooLongError';
  }
}

const TRUNCATION_MARK = ' […]';

/** Cuts at code points, so an emoji at the limit is kept or dropped whole, never halved. */
function cut(text: string, limit: number): string {
  const kept = sliceCodePoints(text, limit);
  return kept.length === text.length ? text : `${kept.trimEnd()}${TRUNCATION_MARK}`;
}

const longestBacktickRun = (text: string) =>
  Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));

/** Fence longer than any backtick run in `text`, so quoted page text cannot end the block. */
function fenced(text: string): string {
  const fence = '`'.repeat(Math.max(2, longestBacktickRun(text)) + 1);
  return `${fence}text\n${text}\n${fence}`;
}

/**
 * An inline code span around `text`: Markdown inside it (`[text](link)`, `**`, `@name`) is shown
 * as typed. The delimiter is longer than any backtick run in the text, and padded with spaces
 * when the text starts or ends with a backtick (CommonMark strips one space on each side).
 */
function codeSpan(text: string): string {
  const delimiter = '`'.repeat(longestBacktickRun(text) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${delimiter}${pad}${text}${pad}${delimiter}`;
}

function render(report: StoredReport, pageUrl: string, quote: string, comment: string) {
  const quoteForTitle = toWellFormed(report.quote).trim().replace(/\s+/g, ' ');
  const subject = quoteForTitle.length > 0 ? cut(quoteForTitle, TITLE_QUOTE_MAX) : (report.claimId ?? '');
  const title = `[${KIND_LABELS[report.kind]}] ${subject}`.trim();
  const lines = [
    `**Kind:** ${KIND_LABELS[report.kind]}`,
    // A page address can carry Markdown (`/[a](https://elsewhere)` is a valid path): code span.
    `**Page:** ${codeSpan(pageUrl)}`,
    ...(report.claimId ? [`**Claim:** \`${report.claimId}\``] : []),
    `**Claim list version:** \`${report.claimListVersion || 'unknown'}\``,
    `**Reported:** ${report.createdAt.slice(0, 10)}`,
    '',
    '**Quoted text:**',
    // Page text goes in a code block: no markdown rendering, no @-mentions of strangers.
    fenced(quote),
  ];
  if (comment.length > 0) lines.push('', '**Comment:**', comment);
  lines.push('', '_Sent with the Claimnote browser extension._');
  // Every part comes from storage (the version too), so the whole text is made well-formed before
  // encoding; the preview shows this same text, so what is shown is what is sent.
  return { title: toWellFormed(title), body: toWellFormed(lines.join('\n')) };
}

function fill(template: string, title: string, body: string): string {
  return template
    .replaceAll('{title}', encodeURIComponent(title))
    .replaceAll('{body}', encodeURIComponent(body));
}

/**
 * Builds the prefilled issue for a report.
 * @param report a report that passes `validateReport`
 * @param template issue URL template (see {@link checkIssueTemplate})
 * @param maxUrlLength longest address allowed
 * @default maxUrlLength {@link ISSUE_URL_MAX}
 * @returns title, body and address; quote and comment are shortened (and `truncated` set) when
 *   the full text would make the address too long
 * @throws Error when the template or page URL is unusable
 * @throws IssueUrlTooLongError when the address cannot be made short enough
 */
export function buildIssue(report: StoredReport, template: string, maxUrlLength = ISSUE_URL_MAX): IssueDraft {
  const templateProblem = checkIssueTemplate(template);
  if (templateProblem) throw new Error(`Unusable issue template (${templateProblem}).`);
  const pageUrl = sharedPageUrl(report.pageUrl, report.includeQueryAndFragment);
  if (!pageUrl) throw new Error('The page address is not an http(s) URL.');
  // Stored text may hold lone surrogates (page text, older drafts); encodeURIComponent throws on them.
  const quote = toWellFormed(report.quote).trim();
  const comment = toWellFormed(report.comment ?? '').trim();

  const attempt = (limit: number) => {
    const { title, body } = render(report, pageUrl, cut(quote, limit), cut(comment, limit));
    return { title, body, url: fill(template, title, body) };
  };

  const full = attempt(Number.POSITIVE_INFINITY);
  if (full.url.length <= maxUrlLength) return { ...full, truncated: false };

  // Binary search for the longest per-field length that fits; encoded length grows with it.
  let low = 0;
  let high = Math.max(codePointLength(quote), codePointLength(comment));
  const empty = attempt(0);
  if (empty.url.length > maxUrlLength) throw new IssueUrlTooLongError(empty.url.length, maxUrlLength);
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (attempt(mid).url.length <= maxUrlLength) low = mid;
    else high = mid - 1;
  }
  return { ...attempt(low), truncated: true };
}
