import { useState } from 'preact/hooks';
import { t } from '../../i18n/t';
import { requestStartReport } from '../../messaging/report-messages';
import { onlyTrusted } from '../trusted-event';
import type { ReportGate } from './report-gate';

type ReportButtonState =
  | 'idle'
  | 'opening'
  | 'opened'
  | 'failed'
  | 'storage-full'
  | 'rate-limited'
  | 'too-many';

function statusText(state: ReportButtonState): string {
  switch (state) {
    case 'opened':
      return t('reportNoteOpened');
    case 'failed':
      return t('reportNoteFailed');
    // Retrying would fail the same way; these say what the reader can do instead.
    case 'storage-full':
      return t('reportNoteStorageFull');
    case 'rate-limited':
      return t('reportNoteRateLimited');
    case 'too-many':
      return t('reportNoteTooMany');
    default:
      return '';
  }
}

/**
 * "Report a problem with this note": saves a draft report about this note and opens the
 * report page prefilled with the claim, the matched sentence and the page address. Nothing is
 * sent anywhere until the reader submits on that page.
 * Rendered inside the content script's shadow root; include {@link reportButtonCss} there.
 * Only trusted clicks count, and the page's {@link ReportGate} de-duplicates and limits starts.
 */
export function ReportButton(props: { claimId: string; quote: string; pageUrl: string; gate: ReportGate }) {
  const [state, setState] = useState<ReportButtonState>('idle');

  const start = async () => {
    const gate = props.gate.tryStart(`${props.claimId}\u0000${props.pageUrl}`);
    if (gate !== 'allowed') {
      // The same note's report was started moments ago: its tab is already open.
      setState(gate === 'duplicate' ? 'opened' : 'too-many');
      return;
    }
    setState('opening');
    try {
      const response = await requestStartReport({
        kind: 'wrong-warning',
        claimId: props.claimId,
        quote: props.quote,
        pageUrl: props.pageUrl,
      });
      if (response.ok) setState('opened');
      else
        setState(
          response.reason === 'storage-full' || response.reason === 'rate-limited'
            ? response.reason
            : 'failed',
        );
    } catch {
      // The background may be restarting after an update; the reader can simply retry.
      setState('failed');
    }
  };

  return (
    <div class="cn-report">
      <button
        type="button"
        class="cn-report__button"
        data-claimnote="report"
        disabled={state === 'opening'}
        onClick={onlyTrusted(() => void start())}
      >
        {t('reportNoteButton')}
      </button>
      <span class="cn-report__status" role="status" data-claimnote="report-status">
        {statusText(state)}
      </span>
    </div>
  );
}

/** Styles for {@link ReportButton}; the note card adds this string to its shadow root's style. */
export const reportButtonCss = `
.cn-report { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 8px; }
.cn-report__button { font: inherit; font-size: 0.9em; padding: 4px 10px; border: 1px solid var(--cn-border, #8a8a8a); border-radius: 4px; background: var(--cn-button-bg, #ffffff); color: var(--cn-fg, #1f1f1f); cursor: pointer; }
.cn-report__button:focus-visible { outline: 2px solid var(--cn-focus, #0b57d0); outline-offset: 2px; }
.cn-report__button:disabled { opacity: 0.6; cursor: progress; }
.cn-report__status { font-size: 0.85em; }
.cn-report__status:empty { display: none; }
`;
