import { browser } from 'wxt/browser';
import { z } from 'zod';
import { type ReportPrefill, reportPrefillSchema } from '../reports/report';

/**
 * Report messages between contexts. Content scripts cannot open extension pages in every
 * browser, so a note card asks the background to start a report; the background saves the
 * draft first and then opens the report page.
 */

export const START_REPORT = 'claimnote:start-report';

export const startReportMessageSchema = z
  .object({
    type: z.literal(START_REPORT),
    prefill: reportPrefillSchema,
  })
  .strict();
export type StartReportMessage = z.infer<typeof startReportMessageSchema>;

export const startReportResponseSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), reportId: z.string() }).strict(),
  z.object({ ok: z.literal(false), error: z.string().max(500) }).strict(),
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

/**
 * Registers the background's handler for report messages. Other messages are left to other
 * listeners (the handler returns `undefined` for them, so it does not claim the response).
 * @param startReport saves a draft from the prefill and opens the report page; returns its id
 * @returns a function that removes the handler
 */
export function handleReportMessages(startReport: (prefill: ReportPrefill) => Promise<string>): () => void {
  const listener = (message: unknown): Promise<StartReportResponse> | undefined => {
    if (
      typeof message !== 'object' ||
      message === null ||
      (message as { type?: unknown }).type !== START_REPORT
    ) {
      return undefined;
    }
    const parsed = startReportMessageSchema.safeParse(message);
    if (!parsed.success) return Promise.resolve({ ok: false, error: 'invalid start-report message' });
    return startReport(parsed.data.prefill).then(
      (reportId): StartReportResponse => ({ ok: true, reportId }),
      (error: unknown): StartReportResponse => ({ ok: false, error: String(error).slice(0, 500) }),
    );
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
