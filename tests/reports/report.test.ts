import { describe, expect, it } from 'vitest';
import {
  COMMENT_MAX,
  createDraftReport,
  DRAFT_TEXT_MAX,
  QUOTE_MAX,
  type ReportFields,
  reportPrefillSchema,
  sharedPageUrl,
  storedReportSchema,
  validateReport,
} from '../../lib/reports/report';

const valid: ReportFields = {
  kind: 'missed-claim',
  quote: 'The pump delivers morphine straight into the brain.',
  pageUrl: 'https://health.example/pain-pumps?utm_source=mail#faq',
  includeQueryAndFragment: false,
};

describe('validateReport', () => {
  it('accepts a complete report', () => {
    expect(validateReport(valid)).toEqual([]);
  });

  it.each([
    ['an empty quote', { quote: '' }, { field: 'quote', code: 'empty' }],
    ['a whitespace-only quote', { quote: ' \n\t ' }, { field: 'quote', code: 'empty' }],
    [
      'an over-long quote',
      { quote: 'x'.repeat(QUOTE_MAX + 1) },
      { field: 'quote', code: 'too-long', max: QUOTE_MAX },
    ],
    [
      'an over-long comment',
      { comment: 'y'.repeat(COMMENT_MAX + 1) },
      { field: 'comment', code: 'too-long', max: COMMENT_MAX },
    ],
    ['an empty page URL', { pageUrl: '  ' }, { field: 'pageUrl', code: 'empty' }],
    [
      'a page URL that does not parse',
      { pageUrl: 'health.example/page' },
      { field: 'pageUrl', code: 'invalid' },
    ],
    ['a file: URL', { pageUrl: 'file:///home/me/page.html' }, { field: 'pageUrl', code: 'not-http' }],
    ['a javascript: URL', { pageUrl: 'javascript:alert(1)' }, { field: 'pageUrl', code: 'not-http' }],
    ['a browser page', { pageUrl: 'chrome://newtab/' }, { field: 'pageUrl', code: 'not-http' }],
  ])('reports %s', (_name, change, problem) => {
    expect(validateReport({ ...valid, ...change })).toEqual([problem]);
  });

  it('accepts a quote and comment exactly at their caps', () => {
    expect(
      validateReport({ ...valid, quote: 'q'.repeat(QUOTE_MAX), comment: 'c'.repeat(COMMENT_MAX) }),
    ).toEqual([]);
  });

  it('lists every problem at once, in form order', () => {
    const problems = validateReport({
      ...valid,
      quote: '',
      pageUrl: 'ftp://x.test/',
      comment: 'c'.repeat(3000),
    });
    expect(problems.map((p) => p.field)).toEqual(['quote', 'pageUrl', 'comment']);
  });
});

describe('sharedPageUrl', () => {
  it('drops the query string and fragment by default', () => {
    expect(sharedPageUrl('https://health.example/pain-pumps?session=abc&q=pump#faq', false)).toBe(
      'https://health.example/pain-pumps',
    );
  });

  it('keeps them when the reader includes them', () => {
    expect(sharedPageUrl('https://health.example/p?q=pump#faq', true)).toBe(
      'https://health.example/p?q=pump#faq',
    );
  });

  it('never shares credentials embedded in the address', () => {
    expect(sharedPageUrl('https://me:secret@health.example/p', true)).toBe('https://health.example/p');
  });

  it('refuses addresses that are not http(s)', () => {
    expect(sharedPageUrl('data:text/html,hi', false)).toBeUndefined();
  });
});

describe('createDraftReport', () => {
  const now = new Date('2026-11-25T12:00:00.000Z');

  it('records prefill, claim list version, date and draft status', () => {
    const draft = createDraftReport(
      { claimId: 'pump-cures-pain', quote: '  It cures pain.  ', pageUrl: 'https://a.test/x?y=1' },
      '2026-11-20+abc123',
      now,
      () => 'id-1',
    );
    expect(draft).toEqual({
      id: 'id-1',
      kind: 'wrong-warning',
      quote: 'It cures pain.',
      pageUrl: 'https://a.test/x?y=1',
      includeQueryAndFragment: false,
      claimId: 'pump-cures-pain',
      claimListVersion: '2026-11-20+abc123',
      createdAt: '2026-11-25T12:00:00.000Z',
      updatedAt: '2026-11-25T12:00:00.000Z',
      status: 'draft',
    });
    expect(storedReportSchema.safeParse(draft).success).toBe(true);
  });

  it('defaults to "missed claim" without a claim id, and keeps an empty draft storable', () => {
    const draft = createDraftReport({}, 'v', now, () => 'id-2');
    expect(draft.kind).toBe('missed-claim');
    expect(draft.quote).toBe('');
    expect(validateReport(draft).map((p) => p.field)).toEqual(['quote', 'pageUrl']);
  });

  it('keeps a very long selection up to the draft limit so the form can ask to shorten it', () => {
    const draft = createDraftReport({ quote: 'z'.repeat(DRAFT_TEXT_MAX + 50) }, 'v', now, () => 'id-3');
    expect(draft.quote).toHaveLength(DRAFT_TEXT_MAX);
    expect(validateReport(draft)[0]).toEqual({ field: 'quote', code: 'too-long', max: QUOTE_MAX });
  });

  it('drops the query and fragment of a page address too long to keep, never cutting its path', () => {
    const longQuery = createDraftReport({ pageUrl: `https://a.test/p?q=${'a'.repeat(5000)}#f` }, 'v', now);
    expect(longQuery.pageUrl).toBe('https://a.test/p');
    const longPath = createDraftReport({ pageUrl: `https://a.test/${'a'.repeat(5000)}` }, 'v', now);
    expect(longPath.pageUrl).toBe('');
  });

  it('starts from page addresses longer than 8,192 characters (a note card on such a page)', () => {
    const pageUrl = `https://a.test/article?utm=${'x'.repeat(10_000)}`;
    const prefill = reportPrefillSchema.parse({ kind: 'wrong-warning', claimId: 'treats-cancer', pageUrl });
    expect(createDraftReport(prefill, 'v', now).pageUrl).toBe('https://a.test/article');
  });
});
