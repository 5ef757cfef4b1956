import { t } from '../../i18n/t';
import type { ReportKind, ReportProblem, ReportStatus } from '../../reports/report';

/**
 * Reader-facing wording for report values, shared by the report page and the options page.
 */

const KIND_KEYS: Record<ReportKind, string> = {
  'missed-claim': 'reportKindMissedClaim',
  'wrong-warning': 'reportKindWrongWarning',
  'wrong-or-broken-source': 'reportKindWrongSource',
  other: 'reportKindOther',
};

const STATUS_KEYS: Record<ReportStatus, string> = {
  draft: 'reportStatusDraft',
  saved: 'reportStatusSaved',
  'submitted-opened': 'reportStatusSubmittedOpened',
};

/**
 * @param kind a report kind
 * @returns its localized label
 */
export function kindLabel(kind: ReportKind): string {
  return t(KIND_KEYS[kind]);
}

/**
 * @param status a report status
 * @returns its localized label
 */
export function statusLabel(status: ReportStatus): string {
  return t(STATUS_KEYS[status]);
}

/**
 * @param problem a validation problem from `validateReport`
 * @returns the message shown next to the field
 */
export function problemMessage(problem: ReportProblem): string {
  switch (problem.field) {
    case 'quote':
      return problem.code === 'empty'
        ? t('reportErrorQuoteEmpty')
        : t('reportErrorQuoteTooLong', String(problem.max ?? ''));
    case 'comment':
      return t('reportErrorCommentTooLong', String(problem.max));
    case 'pageUrl':
      switch (problem.code) {
        case 'empty':
          return t('reportErrorUrlEmpty');
        case 'invalid':
          return t('reportErrorUrlInvalid');
        case 'not-http':
          return t('reportErrorUrlNotHttp');
        case 'too-long':
          return t('reportErrorUrlTooLong', String(problem.max ?? ''));
      }
  }
}
