import type { Verdict } from '../claims/schema';
import { t } from '../i18n/t';

/**
 * Reader-facing words for each verdict. Literal `t()` keys (not built from the verdict) so the
 * string-catalog lint can check each one exists.
 */

/** Verdict heading of a note card, e.g. "False claim". */
export function verdictLabel(verdict: Verdict): string {
  switch (verdict) {
    case 'false':
      return t('verdictFalse');
    case 'misleading':
      return t('verdictMisleading');
    case 'unsupported':
      return t('verdictUnsupported');
    case 'needs-context':
      return t('verdictNeedsContext');
  }
}

/** Short marker text placed after a matched sentence, e.g. "[false?]". */
export function markerText(verdict: Verdict): string {
  switch (verdict) {
    case 'false':
      return t('markerTextFalse');
    case 'misleading':
      return t('markerTextMisleading');
    case 'unsupported':
      return t('markerTextUnsupported');
    case 'needs-context':
      return t('markerTextNeedsContext');
  }
}

/** Accessible name of a marker button, e.g. "Claimnote: false claim, show note". */
export function markerLabel(verdict: Verdict): string {
  return t('markerLabel', verdictLabel(verdict));
}

/** A symbol shown beside the verdict label, so colour is never the only cue. */
export const VERDICT_SYMBOLS: Readonly<Record<Verdict, string>> = {
  false: '\u2715',
  misleading: '\u26A0',
  unsupported: '?',
  'needs-context': 'i',
};
