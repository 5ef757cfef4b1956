import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../i18n/t';
import { exportFileName, exportReportsJson } from '../../reports/export';
import type { StoredReport } from '../../reports/report';
import { deleteReport, listReports, watchReports } from '../../reports/report-store';
import { kindLabel, statusLabel } from '../report/report-text';
import { downloadText } from './download';

/** Quotes in the list are cut here; the full text is on the report page. */
const QUOTE_PREVIEW_MAX = 160;

/**
 * The reader's reports with their status: open, delete (with a confirmation step), and export
 * all as a JSON file. Follows storage, so a report started in another tab appears at once.
 */
export function ReportsSection(props: { download?: (fileName: string, text: string) => void }) {
  const download = props.download ?? downloadText;
  const [list, setList] = useState<StoredReport[] | undefined>(undefined);
  const [confirming, setConfirming] = useState<string | undefined>(undefined);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    const unwatch = watchReports((reports) => {
      if (live) setList(reports);
    });
    void listReports().then((reports) => {
      if (live) setList(reports);
    });
    return () => {
      live = false;
      unwatch();
    };
  }, []);

  if (list === undefined) return <p>{t('optionsLoading')}</p>;

  const remove = (id: string) => {
    setConfirming(undefined);
    setFailed(false);
    deleteReport(id).catch(() => setFailed(true));
  };

  return (
    <section class="options__section" aria-labelledby="reports-heading" data-claimnote="reports-section">
      <h2 id="reports-heading">{t('optionsReportsHeading')}</h2>
      <p class="page__hint">{t('optionsReportsIntro')}</p>
      {list.length === 0 ? (
        <p data-claimnote="reports-empty">{t('optionsReportsEmpty')}</p>
      ) : (
        <>
          <button
            type="button"
            data-claimnote="reports-export"
            onClick={() => download(exportFileName(), exportReportsJson(list))}
          >
            {t('optionsReportsExport', String(list.length))}
          </button>
          <ul class="options__reports" data-claimnote="reports-list">
            {list.map((report) => {
              const quote = report.quote.trim();
              return (
                <li
                  key={report.id}
                  class="options__report"
                  data-claimnote="report-item"
                  data-report-id={report.id}
                  data-status={report.status}
                >
                  <p class="options__report-head">
                    <strong>{kindLabel(report.kind)}</strong>
                    {' · '}
                    <span data-claimnote="report-item-status">{statusLabel(report.status)}</span>
                    {' · '}
                    <time dateTime={report.createdAt}>{report.createdAt.slice(0, 10)}</time>
                  </p>
                  <p class="options__report-quote" data-claimnote="report-item-quote">
                    {quote.length === 0
                      ? t('optionsReportNoQuote')
                      : quote.length > QUOTE_PREVIEW_MAX
                        ? `${quote.slice(0, QUOTE_PREVIEW_MAX)}…`
                        : quote}
                  </p>
                  {report.pageUrl ? (
                    <p class="options__report-url">{report.pageUrl.split(/[?#]/, 1)[0]}</p>
                  ) : null}
                  <p class="options__buttons">
                    <a
                      href={`${browser.runtime.getURL('/report.html')}?id=${encodeURIComponent(report.id)}`}
                      data-claimnote="report-item-open"
                    >
                      {t('optionsReportOpen')}
                    </a>{' '}
                    {confirming === report.id ? (
                      <>
                        <button
                          type="button"
                          data-claimnote="report-item-confirm-delete"
                          onClick={() => remove(report.id)}
                        >
                          {t('optionsReportConfirmDelete')}
                        </button>{' '}
                        <button type="button" onClick={() => setConfirming(undefined)}>
                          {t('optionsReportCancelDelete')}
                        </button>
                      </>
                    ) : (
                      <button
                        type="button"
                        data-claimnote="report-item-delete"
                        onClick={() => setConfirming(report.id)}
                      >
                        {t('optionsReportDelete')}
                      </button>
                    )}
                  </p>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {failed ? (
        <p class="page__error" role="alert">
          {t('optionsReportDeleteFailed')}
        </p>
      ) : null}
    </section>
  );
}
