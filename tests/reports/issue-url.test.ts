import { describe, expect, it } from 'vitest';
import {
  BUILTIN_ISSUE_TEMPLATE,
  buildIssue,
  checkIssueTemplate,
  defaultIssueTemplate,
  ISSUE_URL_MAX,
  IssueUrlTooLongError,
} from '../../lib/reports/issue-url';
import type { StoredReport } from '../../lib/reports/report';

const report: StoredReport = {
  id: 'r1',
  kind: 'wrong-warning',
  quote: 'Intrathecal pumps deliver medicine into the fluid around the spinal cord.',
  pageUrl: 'https://hospital.example/services/pain-pump?ref=newsletter&id=123#top',
  includeQueryAndFragment: false,
  claimId: 'delivers-into-brain',
  comment: 'This sentence is accurate; the warning seems wrong.',
  claimListVersion: '2026-11-20+abc123',
  createdAt: '2026-11-25T12:00:00.000Z',
  updatedAt: '2026-11-25T12:00:00.000Z',
  status: 'saved',
};

/** The title and body the issue form will receive, decoded from the address. */
function decoded(url: string) {
  const params = new URL(url).searchParams;
  return { title: params.get('title'), body: params.get('body') };
}

describe('buildIssue', () => {
  it('fills the template with an encoded title and body and shares the stripped page address', () => {
    const issue = buildIssue(report, BUILTIN_ISSUE_TEMPLATE);
    expect(issue.url.startsWith('https://github.com/claimnote/claim-list/issues/new?title=')).toBe(true);
    expect(decoded(issue.url)).toEqual({ title: issue.title, body: issue.body });
    expect(issue.title).toBe(
      '[Wrong warning] Intrathecal pumps deliver medicine into the fluid around the spinal cord.',
    );
    expect(issue.body).toContain('**Page:** `https://hospital.example/services/pain-pump`\n');
    expect(issue.body).not.toContain('newsletter');
    expect(issue.body).toContain('**Claim:** `delivers-into-brain`');
    expect(issue.body).toContain('**Claim list version:** `2026-11-20+abc123`');
    expect(issue.body).toContain('**Reported:** 2026-11-25');
    expect(issue.body).toContain(report.comment);
    expect(issue.truncated).toBe(false);
  });

  it('includes the query string and fragment when the reader chose to', () => {
    const issue = buildIssue({ ...report, includeQueryAndFragment: true }, BUILTIN_ISSUE_TEMPLATE);
    expect(issue.body).toContain('https://hospital.example/services/pain-pump?ref=newsletter&id=123#top');
  });

  it('puts page text in a code block longer than any backtick run in it', () => {
    const issue = buildIssue(
      { ...report, quote: 'Ask @someone about ```this``` **now**' },
      BUILTIN_ISSUE_TEMPLATE,
    );
    expect(issue.body).toContain('````text\nAsk @someone about ```this``` **now**\n````');
  });

  it('cuts long quotes in the title', () => {
    const issue = buildIssue({ ...report, quote: `${'word '.repeat(40)}end` }, BUILTIN_ISSUE_TEMPLATE);
    expect(issue.title.length).toBeLessThan(110);
    expect(issue.title.endsWith('[…]')).toBe(true);
  });

  it('omits the comment section when there is no comment', () => {
    const { comment: _omitted, ...withoutComment } = report;
    expect(buildIssue(withoutComment, BUILTIN_ISSUE_TEMPLATE).body).not.toContain('**Comment:**');
  });

  it('shortens quote and comment to keep the address within the limit, and says so', () => {
    const long = { ...report, quote: 'é'.repeat(1000), comment: '漢'.repeat(2000) };
    const issue = buildIssue(long, BUILTIN_ISSUE_TEMPLATE);
    expect(issue.url.length).toBeLessThanOrEqual(ISSUE_URL_MAX);
    expect(issue.truncated).toBe(true);
    expect(issue.body).toContain('[…]');
    // As much text as fits is kept: one more character per field would overflow.
    expect(issue.url.length).toBeGreaterThan(ISSUE_URL_MAX - 200);
  });

  it('honours a smaller limit', () => {
    const issue = buildIssue(report, BUILTIN_ISSUE_TEMPLATE, 600);
    expect(issue.url.length).toBeLessThanOrEqual(600);
    expect(issue.truncated).toBe(true);
  });

  it('fails clearly when even an empty quote does not fit', () => {
    expect(() => buildIssue(report, BUILTIN_ISSUE_TEMPLATE, 100)).toThrow(IssueUrlTooLongError);
  });

  it('works with a template that has no title placeholder', () => {
    const issue = buildIssue(report, 'https://forms.example/report?text={body}');
    expect(new URL(issue.url).searchParams.get('text')).toBe(issue.body);
  });

  it('refuses a report whose page address is not http(s)', () => {
    expect(() => buildIssue({ ...report, pageUrl: 'file:///x' }, BUILTIN_ISSUE_TEMPLATE)).toThrow(/http/);
  });
});

describe('checkIssueTemplate', () => {
  it.each([
    [BUILTIN_ISSUE_TEMPLATE, undefined],
    ['https://gitlab.example/claims/-/issues/new?issue[title]={title}&issue[description]={body}', undefined],
    ['http://github.com/x/y/issues/new?body={body}', 'not-https'],
    ['https://github.com/x/y/issues/new?title={title}', 'missing-body'],
    ['not a url {body}', 'invalid'],
  ])('%s → %s', (template, problem) => {
    expect(checkIssueTemplate(template)).toBe(problem);
  });

  it('uses the built-in template when the build sets none', () => {
    expect(defaultIssueTemplate()).toBe(BUILTIN_ISSUE_TEMPLATE);
  });
});

describe('buildIssue with hostile or unusual text (issue 10)', () => {
  const emoji = '\u{1F600}';

  it('keeps an emoji whole at the title cut (character 80)', () => {
    const quote = `${'a'.repeat(79)}${emoji}${'b'.repeat(20)}`;
    const issue = buildIssue({ ...report, quote }, BUILTIN_ISSUE_TEMPLATE);
    expect(issue.title).toBe(`[Wrong warning] ${'a'.repeat(79)}${emoji} […]`);
    expect(decoded(issue.url).title).toBe(issue.title);
  });

  it('shortens an emoji comment to fit the address without splitting an emoji', () => {
    const comment = emoji.repeat(1500);
    const issue = buildIssue({ ...report, comment }, BUILTIN_ISSUE_TEMPLATE);
    expect(issue.truncated).toBe(true);
    expect(issue.url.length).toBeLessThanOrEqual(ISSUE_URL_MAX);
    expect(issue.body.isWellFormed()).toBe(true);
    expect(decoded(issue.url).body).toBe(issue.body);
  });

  it('replaces lone surrogates in the quote and comment instead of throwing URIError', () => {
    const issue = buildIssue(
      { ...report, quote: 'Pumps \uD83D cure', comment: 'odd \uDE00 text' },
      BUILTIN_ISSUE_TEMPLATE,
    );
    expect(issue.title).toBe('[Wrong warning] Pumps \uFFFD cure');
    expect(issue.body).toContain('odd \uFFFD text');
    expect(decoded(issue.url)).toEqual({ title: issue.title, body: issue.body });
  });

  /** The delimiter and content of the page line's code span, or undefined when it is not one. */
  function pageCodeSpan(body: string) {
    const line = body.split('\n').find((l) => l.startsWith('**Page:** ')) ?? '';
    const match = /^\*\*Page:\*\* (`+)(.*)\1$/.exec(line);
    if (!match) return undefined;
    const [, delimiter = '', inner = ''] = match;
    return { delimiter, inner };
  }

  it('shows Markdown in the page address as typed, in a code span, not as a link', () => {
    const pageUrl = 'https://evil.example/[Official_FDA_notice](https://phish.example/)';
    const issue = buildIssue({ ...report, pageUrl }, BUILTIN_ISSUE_TEMPLATE);
    const span = pageCodeSpan(issue.body);
    expect(span).toEqual({ delimiter: '`', inner: pageUrl });
    expect(issue.body).not.toContain(`**Page:** ${pageUrl}`);
  });

  it('uses a code span delimiter longer than any backtick run in the address', () => {
    const pageUrl = 'https://evil.example/p?x=``[a](https://phish.example/)``';
    const issue = buildIssue({ ...report, pageUrl, includeQueryAndFragment: true }, BUILTIN_ISSUE_TEMPLATE);
    const span = pageCodeSpan(issue.body);
    expect(span?.delimiter).toBe('```');
    // Padded, since the address ends with a backtick (CommonMark strips one space each side).
    expect(span?.inner).toBe(` ${pageUrl} `);
  });
});
