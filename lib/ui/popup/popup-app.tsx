import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ClaimNote } from '../../claims/claim-list';
import { t } from '../../i18n/t';
import type { FindingSummary, PageState } from '../../messaging/messages';
import { PopupReportButton } from '../popup-report-button';
import { VERDICT_SYMBOLS, verdictLabel } from '../verdict-text';
import type { PopupApi } from './popup-api';
import { type ListedFinding, listTabFindings } from './tab-finding-list';

/** Props of the popup: its API and what it shows from the claim bundle. */
export interface PopupAppProps {
  api: PopupApi;
  notes: ReadonlyMap<string, ClaimNote>;
  listVersion: string;
  listReviewed: string;
}

type Load =
  | { kind: 'loading' }
  /** No content script answers: browser pages, extension stores, file URLs. */
  | { kind: 'unavailable' }
  | { kind: 'ready'; tabId: number; page: PageState; findings: ListedFinding[]; count: number };

/**
 * The toolbar popup: the findings on the current page (choosing one scrolls to it and opens its
 * note), hide notes on this page, pause on this site, and which claim list is in use.
 */
export function PopupApp(props: PopupAppProps) {
  const { api } = props;
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const tabId = await api.activeTabId().catch(() => undefined);
    if (tabId === undefined) {
      setLoad({ kind: 'unavailable' });
      return;
    }
    try {
      const [page, frames] = await Promise.all([
        api.pageState(tabId),
        api.tabFindings(tabId).catch(() => ({ frames: [] })),
      ]);
      const listed = page.paused ? { findings: [], count: 0 } : listTabFindings(page, frames.frames);
      setLoad({ kind: 'ready', tabId, page, ...listed });
    } catch {
      setLoad({ kind: 'unavailable' });
    }
  }, [api]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      await refresh();
    } catch {
      setError(t('popupActionFailed'));
    } finally {
      setBusy(false);
    }
  };

  const reveal = async (tabId: number, item: ListedFinding) => {
    setError(null);
    const ok = await api.reveal(tabId, item.frameId, item.finding.index).catch(() => false);
    if (ok) api.close();
    else setError(t('popupRevealFailed'));
  };

  return (
    <main class="popup">
      <header class="popup__header">
        <h1 class="popup__title">{t('popupTitle')}</h1>
      </header>
      {load.kind === 'loading' ? (
        <p class="popup__status" role="status">
          {t('popupLoading')}
        </p>
      ) : null}
      {load.kind === 'unavailable' ? (
        <p class="popup__status" data-popup="unavailable">
          {t('popupUnavailable')}
        </p>
      ) : null}
      {load.kind === 'ready' ? (
        <>
          <p class="popup__status" role="status" data-popup="status">
            {statusLine(load.page, load.count)}
          </p>
          {load.findings.length > 0 ? (
            <ol class="popup__findings" data-popup="findings">
              {load.findings.map((item) => (
                <li key={`${item.frameId}:${item.finding.index}`}>
                  <FindingButton
                    finding={item.finding}
                    note={props.notes.get(item.finding.claimId)}
                    onChoose={() => void reveal(load.tabId, item)}
                  />
                </li>
              ))}
            </ol>
          ) : null}
          <div class="popup__controls">
            {load.page.active && !load.page.paused ? (
              <button
                type="button"
                class="popup__button"
                data-popup="hide-notes"
                aria-pressed={load.page.hidden ? 'true' : 'false'}
                disabled={busy}
                onClick={() => void act(() => api.setNotesHidden(load.tabId, !load.page.hidden))}
              >
                {load.page.hidden ? t('popupShowNotes') : t('popupHideNotes')}
              </button>
            ) : null}
            {load.page.hostname !== '' ? (
              <label class="popup__toggle">
                <input
                  type="checkbox"
                  data-popup="pause-site"
                  checked={load.page.paused}
                  disabled={busy}
                  onChange={(event) =>
                    void act(() => api.setSitePaused(load.page.hostname, event.currentTarget.checked))
                  }
                />
                <span>{t('popupPauseSite', load.page.hostname)}</span>
              </label>
            ) : null}
          </div>
        </>
      ) : null}
      {error !== null ? (
        <p class="popup__error" role="alert">
          {error}
        </p>
      ) : null}
      <PopupReportButton pageUrl={load.kind === 'ready' ? load.page.url : undefined} />
      <footer class="popup__about" data-popup="about">
        {t('popupAboutList', [props.listVersion, props.listReviewed])}
      </footer>
    </main>
  );
}

function statusLine(page: PageState, count: number): string {
  if (page.paused) return t('popupStatusPaused');
  if (page.hidden) return t('popupStatusHidden', String(count));
  if (count === 0) return t('popupStatusNone');
  return count === 1 ? t('popupStatusOne') : t('popupStatusMany', String(count));
}

function FindingButton(props: { finding: FindingSummary; note: ClaimNote | undefined; onChoose(): void }) {
  const { finding, note } = props;
  return (
    <button
      type="button"
      class={`popup__finding popup__finding--${finding.verdict}`}
      data-popup="finding"
      data-claim-id={finding.claimId}
      onClick={() => props.onChoose()}
    >
      <span class="popup__verdict">
        <span class="popup__symbol" aria-hidden="true">
          {VERDICT_SYMBOLS[finding.verdict]}
        </span>
        {verdictLabel(finding.verdict)}
      </span>
      <span class="popup__quote">{finding.quote}</span>
      {note ? <span class="popup__correction">{note.correction}</span> : null}
    </button>
  );
}
