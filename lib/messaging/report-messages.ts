import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { type ReportPrefill, reportPrefillSchema } from '../reports/report';
import { isStorageFullError } from '../reports/storage-full';
import type { MessageSender } from './sender';

/**
 * Report messages between contexts. Content scripts cannot open extension pages in every
 * browser, so a note card asks the background to start a report; the background saves the
 * draft first and then opens the report page.
 */

export const START_REPORT = 'claimnote:start-report';

export const startReportMessageSchema = z.strictObject({
  type: z.literal(START_REPORT),
  prefill: reportPrefillSchema,
});
export type StartReportMessage = z.infer<typeof startReportMessageSchema>;

/** Why a report did not start, so the note card and popup can say what the reader can do. */
export const START_REPORT_FAILURES = [
  'storage-full',
  'rate-limited',
  'refused',
  'invalid',
  'failed',
] as const;
export type StartReportFailure = (typeof START_REPORT_FAILURES)[number];

export const startReportResponseSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), reportId: z.string() }),
  z.strictObject({
    ok: z.literal(false),
    error: z.string().check(z.maxLength(500)),
    reason: z.optional(z.enum(START_REPORT_FAILURES)),
  }),
]);
export type StartReportResponse = z.infer<typeof startReportResponseSchema>;

/**
 * Asks the background to save a draft report and open the report page.
 * @param prefill what is known about the report so far
 * @returns the background's answer
 * @throws when the background does not answer or answers with something malformed
 */
export async function requestStartReport(prefill: ReportPrefill): Promise<StartReportResponse> {
  const message: StartReportMessage = { type: START_REPORT, prefill };
  const response: unknown = await browser.runtime.sendMessage(message);
  return startReportResponseSchema.parse(response);
}

// By error name, so the content script that imports this module does not bundle the background's guard.
function failureReason(error: unknown): StartReportFailure {
  if (isStorageFullError(error)) return 'storage-full';
  const name = error instanceof Error ? error.name : '';
  if (name === 'ReportStartRateLimitedError') return 'rate-limited';
  if (name === 'ReportStartRefusedError') return 'refused';
  return 'failed';
}

/**
 * Registers the background's handler for report messages. Other messages are left to other
 * listeners (the handler returns `undefined` for them, so it does not claim the response).
 * @param startReport saves a draft from the prefill and opens the report page; returns its id.
 *   Gets the sender as the browser reports it, to tell extension pages from content scripts.
 * @returns a function that removes the handler
 */
export function handleReportMessages(
  startReport: (prefill: ReportPrefill, sender: MessageSender) => Promise<string>,
): () => void {
  const listener = (
    message: unknown,
    sender: MessageSender = {},
  ): Promise<StartReportResponse> | undefined => {
    if (
      typeof message !== 'object' ||
      message === null ||
      (message as { type?: unknown }).type !== START_REPORT
    ) {
      return undefined;
    }
    const parsed = startReportMessageSchema.safeParse(message);
    if (!parsed.success) {
      return Promise.resolve({ ok: false, error: 'invalid start-report message', reason: 'invalid' });
    }
    const from: MessageSender = { id: sender.id, url: sender.url, tab: sender.tab, frameId: sender.frameId };
    return startReport(parsed.data.prefill, from).then(
      (reportId): StartReportResponse => ({ ok: true, reportId }),
      (error: unknown): StartReportResponse => ({
        ok: false,
        error: String(error).slice(0, 500),
        reason: failureReason(error),
      }),
    );
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
