import { capUrl } from '../url/cap-url';
import {
  DRAFT_TEXT_MAX,
  PAGE_URL_MAX,
  reportKindSchema,
  reportStatusSchema,
  type StoredReport,
  storedReportSchema,
} from './report';

/**
 * Field-wise repair of a stored report that failed validation. A reader's report is worth more
 * than any one field of it: a bad field is reset (or shortened, for text that is merely too
 * long) and the rest is kept, instead of dropping the whole report. The reports item records a
 * "repaired" notice for the options page.
 */

const shape = storedReportSchema.shape;

/** The field's value when it is valid, otherwise `undefined`. */
function valid<K extends keyof typeof shape>(key: K, value: unknown): StoredReport[K] | undefined {
  const parsed = shape[key].safeParse(value);
  return parsed.success ? (parsed.data as StoredReport[K]) : undefined;
}

/** Text that is only too long is shortened (never halving a character); other values are dropped. */
function text(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.length <= max) return value;
  const cut = value.slice(0, max);
  // Do not leave half a surrogate pair at the end.
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * Repairs one stored report field by field.
 * @param raw one entry of the stored report list
 * @param now clock, for a missing timestamp
 * @param newId id generator, for an entry whose id is unusable
 * @returns a report that passes `storedReportSchema`, or `undefined` when `raw` is not an object
 *   or nothing the reader wrote or captured survives (no quote, page address, comment or claim)
 */
export function repairReport(
  raw: unknown,
  now: Date = new Date(),
  newId: () => string = () => crypto.randomUUID(),
): StoredReport | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const entry = raw as Record<string, unknown>;
  const whole = storedReportSchema.safeParse(entry);
  if (whole.success) return whole.data;

  const createdAt = valid('createdAt', entry.createdAt);
  const updatedAt = valid('updatedAt', entry.updatedAt);
  const pageUrl = text(entry.pageUrl, Number.POSITIVE_INFINITY);
  const claimId = valid('claimId', entry.claimId);
  const comment = text(entry.comment, DRAFT_TEXT_MAX);
  const repaired = {
    id: valid('id', entry.id) ?? newId(),
    kind: reportKindSchema.safeParse(entry.kind).data ?? 'other',
    quote: text(entry.quote, DRAFT_TEXT_MAX) ?? '',
    // Shortened like a newly captured address (createDraftReport), not cut inside its path.
    pageUrl: pageUrl === undefined ? '' : (capUrl(pageUrl, PAGE_URL_MAX) ?? ''),
    includeQueryAndFragment: valid('includeQueryAndFragment', entry.includeQueryAndFragment) ?? false,
    ...(claimId !== undefined ? { claimId } : {}),
    ...(comment !== undefined && comment.length > 0 ? { comment } : {}),
    claimListVersion: text(entry.claimListVersion, 200) ?? '',
    createdAt: createdAt ?? updatedAt ?? now.toISOString(),
    updatedAt: updatedAt ?? createdAt ?? now.toISOString(),
    // An unknown status becomes a draft: never claim a report was submitted when it is not known.
    status: reportStatusSchema.safeParse(entry.status).data ?? 'draft',
  };
  // An entry with none of the reader's content is not a report worth keeping, only noise.
  const hasContent =
    repaired.quote.trim() !== '' || repaired.pageUrl !== '' || comment !== undefined || claimId !== undefined;
  if (!hasContent) return undefined;
  const checked = storedReportSchema.safeParse(repaired);
  return checked.success ? checked.data : undefined;
}
