import { ReportListFullError } from './report-store';

/**
 * True when saving failed because storage is full: Claimnote's own report list cap, or the
 * browser's quota for `storage.local` (Chrome: "QUOTA_BYTES quota exceeded"; Firefox: a
 * `QuotaExceededError`). The reader can fix these (export, delete), so they get their own
 * message instead of "please try again", which would fail the same way.
 * @param error anything caught, or its text after crossing a message channel
 */
export function isStorageFullError(error: unknown): boolean {
  if (error instanceof ReportListFullError) return true;
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  if (name === 'ReportListFullError' || name === 'QuotaExceededError') return true;
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return /quota/i.test(text);
}
