import { describe, expect, it } from 'vitest';
import {
  contentMessageSchema,
  FRAME_FINDINGS,
  frameFindingsMessageSchema,
  hasMessageType,
  pageStateSchema,
  SUMMARY_QUOTE_MAX,
  summarizeQuote,
} from '../../lib/messaging/messages';

const finding = { index: 0, claimId: 'side-effects-rare', verdict: 'false', quote: 'Side effects are rare.' };

describe('message schemas', () => {
  it('accept a well-formed frame report', () => {
    expect(
      frameFindingsMessageSchema.safeParse({
        type: FRAME_FINDINGS,
        url: 'https://a.test/',
        count: 1,
        findings: [finding],
      }).success,
    ).toBe(true);
  });

  it.each([
    ['an unknown verdict', { ...finding, verdict: 'wrong' }],
    ['a negative index', { ...finding, index: -1 }],
    ['an extra field', { ...finding, html: '<b>x</b>' }],
    ['an over-long quote', { ...finding, quote: 'x'.repeat(SUMMARY_QUOTE_MAX + 1) }],
  ])('reject a finding with %s', (_name, bad) => {
    expect(
      frameFindingsMessageSchema.safeParse({
        type: FRAME_FINDINGS,
        url: 'https://a.test/',
        count: 1,
        findings: [bad],
      }).success,
    ).toBe(false);
  });

  it('reject a report without its total count', () => {
    expect(
      frameFindingsMessageSchema.safeParse({ type: FRAME_FINDINGS, url: 'https://a.test/', findings: [] })
        .success,
    ).toBe(false);
  });

  it('parse the popup-to-page messages and reject malformed ones', () => {
    expect(contentMessageSchema.parse({ type: 'claimnote:reveal-finding', index: 2 })).toEqual({
      type: 'claimnote:reveal-finding',
      index: 2,
    });
    expect(contentMessageSchema.safeParse({ type: 'claimnote:reveal-finding', index: '2' }).success).toBe(
      false,
    );
    expect(contentMessageSchema.safeParse({ type: 'claimnote:set-notes-hidden' }).success).toBe(false);
    expect(contentMessageSchema.safeParse({ type: 'claimnote:get-page-state' }).success).toBe(true);
  });

  it('validate the page state the popup receives', () => {
    const state = {
      url: 'https://a.test/',
      hostname: 'a.test',
      active: true,
      paused: false,
      hidden: false,
      count: 0,
      findings: [],
    };
    expect(pageStateSchema.safeParse(state).success).toBe(true);
    expect(pageStateSchema.safeParse({ ...state, paused: 'no' }).success).toBe(false);
  });
});

describe('hasMessageType', () => {
  it.each([
    [{ type: 'claimnote:get-page-state' }, true],
    [{ type: 'claimnote:start-report' }, false],
    [{ kind: 'claimnote:get-page-state' }, false],
    [null, false],
    ['claimnote:get-page-state', false],
  ])('%j → %s', (message, expected) => {
    expect(hasMessageType(message, ['claimnote:get-page-state'])).toBe(expected);
  });
});

describe('summarizeQuote', () => {
  it('collapses whitespace', () => {
    expect(summarizeQuote('  Side\n   effects are\trare. ')).toBe('Side effects are rare.');
  });

  it('cuts long quotes at a word boundary with an ellipsis', () => {
    const long = 'word '.repeat(100);
    const short = summarizeQuote(long);
    expect(short.length).toBeLessThanOrEqual(SUMMARY_QUOTE_MAX);
    expect(short.endsWith('word\u2026')).toBe(true);
  });
});
