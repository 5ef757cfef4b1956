import { z } from 'zod/mini';
import type { Verdict } from '../claims/schema';

/**
 * Messages between the content script, the background and the popup. Every receiver parses
 * what it gets with these schemas: a message from another context is untrusted input (an old
 * content script after an update, a malformed reply), and must not crash the receiver.
 *
 * Written with `zod/mini`, whose functional API tree-shakes: this module is bundled into the
 * page scanner and the background, where the chainable `zod` cost about 94 kB each.
 */

/** content → background: this frame's findings, for the badge and the popup. */
export const FRAME_FINDINGS = 'claimnote:frame-findings';
/** popup → background: findings of every frame of a tab. */
export const GET_TAB_FINDINGS = 'claimnote:get-tab-findings';
/** popup → content (top frame): page address, paused/hidden state, findings. */
export const GET_PAGE_STATE = 'claimnote:get-page-state';
/** popup → content (the finding's frame): scroll to finding N and open its note. */
export const REVEAL_FINDING = 'claimnote:reveal-finding';
/** popup → content (all frames): hide or show the notes on this page. */
export const SET_NOTES_HIDDEN = 'claimnote:set-notes-hidden';

/** Longest quote a summary carries; the popup shows a line or two. */
export const SUMMARY_QUOTE_MAX = 300;
/**
 * Most findings one frame lists in a message; more than this on one page is not a reading aid.
 * The `count` field still carries the full number for the badge.
 */
export const FRAME_FINDINGS_MAX = 500;

// The claim list's verdicts; the claims schema (full zod, build time) is not imported here.
const VERDICTS = [
  'false',
  'misleading',
  'unsupported',
  'needs-context',
] as const satisfies readonly Verdict[];
// Fails to compile when the claims schema gains a verdict this list lacks.
const allVerdictsListed: Exclude<Verdict, (typeof VERDICTS)[number]> extends never ? true : never = true;
void allVerdictsListed;
const verdictSchema = z.enum(VERDICTS);

const indexField = z.int().check(z.minimum(0));

export const findingSummarySchema = z.strictObject({
  /** Position of the finding in its frame, in text order. */
  index: indexField,
  claimId: z.string().check(z.minLength(1), z.maxLength(100)),
  verdict: verdictSchema,
  quote: z.string().check(z.maxLength(SUMMARY_QUOTE_MAX)),
});
export type FindingSummary = z.infer<typeof findingSummarySchema>;

/** Longest frame or page address a findings message or reply carries (see lib/url/cap-url.ts). */
export const FINDINGS_URL_MAX = 4096;
const urlField = z.string().check(z.maxLength(FINDINGS_URL_MAX));

/**
 * Most findings a frame may claim. Far above any real page (the badge shows "999+"), low enough
 * that a forged count cannot make the badge or the popup claim absurd numbers.
 */
export const FRAME_COUNT_MAX = 10_000;
const countField = z.int().check(z.minimum(0), z.maximum(FRAME_COUNT_MAX));
const findingsField = z.array(findingSummarySchema).check(z.maxLength(FRAME_FINDINGS_MAX));

/**
 * The listed findings must be what the content script sends: the first
 * `min(count, FRAME_FINDINGS_MAX)` findings, numbered 0, 1, 2… in text order. Anything else is
 * not from Claimnote's content script and is refused rather than shown on the badge.
 */
function findingsMatchCount(value: { count: number; findings: FindingSummary[] }): boolean {
  return (
    value.findings.length === Math.min(value.count, FRAME_FINDINGS_MAX) &&
    value.findings.every((finding, position) => finding.index === position)
  );
}
const FINDINGS_MISMATCH = 'findings do not match count';

export const frameFindingsMessageSchema = z
  .strictObject({
    type: z.literal(FRAME_FINDINGS),
    /**
     * The frame's address as the content script saw it. Ignored: the background takes the
     * address from the message's sender, which the browser fills in. Any length is accepted so
     * that a long address does not cost the frame its badge.
     */
    url: z.optional(z.string()),
    /** All findings of the frame, including those beyond the listed ones. */
    count: countField,
    findings: findingsField,
  })
  .check(z.refine(findingsMatchCount, FINDINGS_MISMATCH));
export type FrameFindingsMessage = z.infer<typeof frameFindingsMessageSchema>;

export const getTabFindingsMessageSchema = z.strictObject({
  type: z.literal(GET_TAB_FINDINGS),
  tabId: indexField,
});
export type GetTabFindingsMessage = z.infer<typeof getTabFindingsMessageSchema>;

export const frameFindingsSchema = z
  .strictObject({
    frameId: indexField,
    url: urlField,
    count: countField,
    findings: findingsField,
  })
  .check(z.refine(findingsMatchCount, FINDINGS_MISMATCH));
export type FrameFindings = z.infer<typeof frameFindingsSchema>;

export const tabFindingsResponseSchema = z.strictObject({ frames: z.array(frameFindingsSchema) });
export type TabFindingsResponse = z.infer<typeof tabFindingsResponseSchema>;

export const getPageStateMessageSchema = z.strictObject({ type: z.literal(GET_PAGE_STATE) });
export const revealFindingMessageSchema = z.strictObject({
  type: z.literal(REVEAL_FINDING),
  index: indexField,
});
export const setNotesHiddenMessageSchema = z.strictObject({
  type: z.literal(SET_NOTES_HIDDEN),
  hidden: z.boolean(),
});

/** Any message the content script answers. */
export const contentMessageSchema = z.discriminatedUnion('type', [
  getPageStateMessageSchema,
  revealFindingMessageSchema,
  setNotesHiddenMessageSchema,
]);
export type ContentMessage = z.infer<typeof contentMessageSchema>;

export const pageStateSchema = z.strictObject({
  url: urlField,
  /** `location.hostname`, the key of the per-site pause. */
  hostname: z.string().check(z.maxLength(253)),
  /** The page passed the relevance check and is being scanned. */
  active: z.boolean(),
  paused: z.boolean(),
  hidden: z.boolean(),
  count: indexField,
  findings: findingsField,
});
export type PageState = z.infer<typeof pageStateSchema>;

export const revealResponseSchema = z.strictObject({ ok: z.boolean() });
export type RevealResponse = z.infer<typeof revealResponseSchema>;

/**
 * True when `message` claims one of the given types; lets a listener leave other messages to
 * other listeners (the report messages share the channel) before parsing.
 * @param message anything received
 * @param types message types this listener handles
 */
export function hasMessageType(message: unknown, types: readonly string[]): boolean {
  return (
    typeof message === 'object' &&
    message !== null &&
    typeof (message as { type?: unknown }).type === 'string' &&
    types.includes((message as { type: string }).type)
  );
}

/**
 * Shortens a matched sentence for a summary: collapses whitespace, cuts at a word boundary.
 * @param quote the matched sentence as on the page
 * @returns at most SUMMARY_QUOTE_MAX characters
 */
export function summarizeQuote(quote: string): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  if (flat.length <= SUMMARY_QUOTE_MAX) return flat;
  const cut = flat.slice(0, SUMMARY_QUOTE_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > SUMMARY_QUOTE_MAX / 2 ? cut.slice(0, space) : cut}\u2026`;
}
