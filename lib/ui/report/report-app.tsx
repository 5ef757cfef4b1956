import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../i18n/t';
import {
  buildIssue,
  defaultIssueTemplate,
  type IssueDraft,
  IssueUrlTooLongError,
} from '../../reports/issue-url';
import {
  COMMENT_MAX,
  createDraftReport,
  QUOTE_MAX,
  REPORT_KINDS,
  type ReportFields,
  type ReportKind,
  type ReportPrefill,
  type ReportProblem,
  reportKindSchema,
  type StoredReport,
  sharedPageUrl,
  validateReport,
} from '../../reports/report';
import { getReport, saveReport } from '../../reports/report-store';
import { isStorageFullError } from '../../reports/storage-full';
import { reportSettings } from '../../storage/storage';
import { kindLabel, problemMessage } from './report-text';

/** Autosave delay: long enough to batch keystrokes, short enough that closing the tab loses nothing. */
const AUTOSAVE_MS = 400;

/** What the page was opened with: `?id=` of a stored draft, or prefill fields for a new one. */
export interface ReportPageParams {
  id?: string;
  prefill: ReportPrefill;
}

/**
 * Reads the report page's query string.
 * @param search `location.search`
 * @returns the stored report id, or prefill fields for a new report
 */
export function parseReportPageParams(search: string): ReportPageParams {
  const params = new URLSearchParams(search);
  const kind = reportKindSchema.safeParse(params.get('kind'));
  const claim = params.get('claim') ?? undefined;
  return {
    id: params.get('id') ?? undefined,
    prefill: {
      ...(kind.success ? { kind: kind.data } : {}),
      ...(params.get('quote') ? { quote: params.get('quote') ?? '' } : {}),
      ...(params.get('url') ? { pageUrl: params.get('url') ?? '' } : {}),
      ...(claim && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(claim) ? { claimId: claim } : {}),
    },
  };
}

type LoadState =
  | { phase: 'loading' }
  | { phase: 'ready'; report: StoredReport }
  | { phase: 'failed'; storageFull: boolean };

/** Message for a failed save: a full storage is something the reader can fix, unlike a retry. */
const saveFailedMessage = (error: unknown) =>
  isStorageFullError(error) ? t('reportStorageFull') : t('reportSaveFailed');

/**
 * Opens an address in a new tab; only ever called from the Submit button's click handler.
 * @param url the prefilled issue address
 */
async function openInNewTab(url: string): Promise<void> {
  await browser.tabs.create({ url, active: true });
}

/** Props for {@link ReportApp}. */
export interface ReportAppProps {
  params: ReportPageParams;
  /** Version of the bundled claim list, recorded in new reports. */
  claimListVersion: string;
  /** Opens the issue address; replaced in tests. @default opens a new browser tab */
  openUrl?: (url: string) => Promise<void>;
  /**
   * Whether the browser has a network connection. Opening a tab succeeds offline (it shows an
   * error page), so this is checked before, not inferred from, `openUrl`.
   * @default `navigator.onLine`
   */
  isOnline?: () => boolean;
}

/**
 * The report form: edits one locally stored report, autosaving as the reader types, shows
 * exactly what will be shared, and opens the prefilled public issue only when the reader
 * clicks Submit.
 */
export function ReportApp(props: ReportAppProps) {
  const { params, claimListVersion } = props;
  const openUrl = props.openUrl ?? openInNewTab;
  const isOnline = props.isOnline ?? (() => navigator.onLine);
  const [load, setLoad] = useState<LoadState>({ phase: 'loading' });
  const [template, setTemplate] = useState<string>(defaultIssueTemplate());
  const [showAllProblems, setShowAllProblems] = useState(false);
  const [touched, setTouched] = useState<Partial<Record<ReportProblem['field'], boolean>>>({});
  const [status, setStatus] = useState<string>('');
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef<StoredReport | undefined>(undefined);

  useEffect(() => {
    let live = true;
    (async () => {
      const stored = params.id ? await getReport(params.id) : undefined;
      let report = stored;
      if (!report) {
        // Opened directly or the draft was deleted meanwhile: start a new one, saved at once.
        report = createDraftReport(params.prefill, claimListVersion);
        await saveReport(report);
      }
      const settings = await reportSettings.getValue();
      if (!live) return;
      if (settings.issueTemplate) setTemplate(settings.issueTemplate);
      latest.current = report;
      setLoad({ phase: 'ready', report });
    })().catch((error: unknown) => {
      if (live) setLoad({ phase: 'failed', storageFull: isStorageFullError(error) });
    });
    return () => {
      live = false;
    };
  }, [params, claimListVersion]);

  // Flush a pending autosave when the tab is closed or hidden.
  useEffect(() => {
    const flush = () => {
      if (saveTimer.current !== undefined && latest.current) {
        clearTimeout(saveTimer.current);
        saveTimer.current = undefined;
        void saveReport(latest.current);
      }
    };
    addEventListener('pagehide', flush);
    return () => {
      removeEventListener('pagehide', flush);
      flush();
    };
  }, []);

  const report = load.phase === 'ready' ? load.report : undefined;
  const problems = useMemo(() => (report ? validateReport(report) : []), [report]);
  const issue = useMemo((): IssueDraft | 'too-long' | undefined => {
    if (!report || problems.length > 0) return undefined;
    try {
      return buildIssue(report, template);
    } catch (error) {
      return error instanceof IssueUrlTooLongError ? 'too-long' : undefined;
    }
  }, [report, problems, template]);

  if (load.phase === 'loading') return <p>{t('reportLoading')}</p>;
  if (load.phase === 'failed' || !report) {
    return (
      <p role="alert" data-claimnote="report-load-failed">
        {load.phase === 'failed' && load.storageFull ? t('reportStorageFull') : t('reportLoadFailed')}
      </p>
    );
  }

  const persist = (next: StoredReport, immediately: boolean) => {
    latest.current = next;
    setLoad({ phase: 'ready', report: next });
    if (saveTimer.current !== undefined) clearTimeout(saveTimer.current);
    saveTimer.current = undefined;
    const save = () =>
      saveReport(next).then(
        () => true,
        (error: unknown) => {
          setStatus(saveFailedMessage(error));
          return false;
        },
      );
    if (immediately) return save();
    saveTimer.current = setTimeout(() => {
      saveTimer.current = undefined;
      void save();
    }, AUTOSAVE_MS);
    return Promise.resolve(true);
  };

  const edit = (fields: Partial<ReportFields>) => {
    setStatus('');
    persist({ ...report, ...fields, updatedAt: new Date().toISOString() }, false);
  };

  const visibleProblem = (field: ReportProblem['field']) =>
    showAllProblems || touched[field] ? problems.find((p) => p.field === field) : undefined;
  const touch = (field: ReportProblem['field']) => setTouched((prev) => ({ ...prev, [field]: true }));

  const onSave = async () => {
    setShowAllProblems(true);
    if (problems.length > 0) {
      setStatus(t('reportFixProblems'));
      return;
    }
    const next: StoredReport = {
      ...report,
      status: report.status === 'draft' ? 'saved' : report.status,
      updatedAt: new Date().toISOString(),
    };
    if (await persist(next, true)) setStatus(t('reportSavedStatus'));
  };

  const onSubmit = async () => {
    setShowAllProblems(true);
    if (problems.length > 0) {
      setStatus(t('reportFixProblems'));
      return;
    }
    if (issue === undefined) {
      setStatus(t('reportTemplateUnusable'));
      return;
    }
    if (issue === 'too-long') {
      setStatus(t('reportTooLongForUrl'));
      return;
    }
    if (!isOnline()) {
      setStatus(t('reportOffline'));
      return;
    }
    // Saved first (as it is), so a failure to open the tab cannot lose the report; marked as
    // opened only once the tab did open.
    if (!(await persist(report, true))) return;
    try {
      await openUrl(issue.url);
    } catch {
      if (report.status === 'draft') await persist({ ...report, status: 'saved' }, true);
      setStatus(t('reportOpenFailed'));
      return;
    }
    if (await persist({ ...report, status: 'submitted-opened', updatedAt: new Date().toISOString() }, true)) {
      setStatus(t('reportSubmittedStatus'));
    }
  };

  const quoteProblem = visibleProblem('quote');
  const urlProblem = visibleProblem('pageUrl');
  const commentProblem = visibleProblem('comment');
  const commentLength = (report.comment ?? '').trim().length;
  const shownUrl = sharedPageUrl(report.pageUrl, report.includeQueryAndFragment);

  return (
    <main class="report" data-claimnote="report-page" data-report-id={report.id} data-status={report.status}>
      <h1>{t('reportTitle')}</h1>
      <p class="report__intro">{t('reportIntro')}</p>

      <form
        class="report__form"
        noValidate
        onSubmit={(event) => {
          // Enter in a field submits a form implicitly. Nothing may leave without a click on
          // Submit, so a form submission does nothing; the Submit button acts on its own click.
          event.preventDefault();
        }}
      >
        <fieldset class="page__field">
          <legend>{t('reportKindLegend')}</legend>
          {REPORT_KINDS.map((kind: ReportKind) => (
            <label key={kind} class="page__choice">
              <input
                type="radio"
                name="kind"
                value={kind}
                data-claimnote="report-kind"
                checked={report.kind === kind}
                onChange={() => edit({ kind })}
              />{' '}
              {kindLabel(kind)}
            </label>
          ))}
        </fieldset>

        <div class="page__field">
          <label for="report-quote">{t('reportQuoteLabel')}</label>
          <p class="page__hint" id="report-quote-hint">
            {t('reportQuoteHint', String(QUOTE_MAX))}
          </p>
          <textarea
            id="report-quote"
            data-claimnote="report-quote"
            rows={4}
            value={report.quote}
            aria-invalid={quoteProblem ? 'true' : 'false'}
            aria-describedby={quoteProblem ? 'report-quote-hint report-quote-error' : 'report-quote-hint'}
            onInput={(event) => edit({ quote: event.currentTarget.value })}
            onBlur={() => touch('quote')}
          />
          {quoteProblem ? (
            <p class="page__error" id="report-quote-error" data-claimnote="report-error-quote">
              {problemMessage(quoteProblem)}
            </p>
          ) : null}
        </div>

        <div class="page__field">
          <label for="report-url">{t('reportUrlLabel')}</label>
          <input
            id="report-url"
            type="url"
            data-claimnote="report-url"
            value={report.pageUrl}
            aria-invalid={urlProblem ? 'true' : 'false'}
            aria-describedby={urlProblem ? 'report-url-error' : undefined}
            onInput={(event) => edit({ pageUrl: event.currentTarget.value })}
            onBlur={() => touch('pageUrl')}
          />
          {urlProblem ? (
            <p class="page__error" id="report-url-error" data-claimnote="report-error-url">
              {problemMessage(urlProblem)}
            </p>
          ) : null}
          <label class="page__choice">
            <input
              type="checkbox"
              data-claimnote="report-include-query"
              checked={report.includeQueryAndFragment}
              onChange={(event) => edit({ includeQueryAndFragment: event.currentTarget.checked })}
            />{' '}
            {t('reportIncludeQueryLabel')}
          </label>
          {shownUrl ? (
            <p class="page__hint">
              {t('reportUrlSharedAs')} <code data-claimnote="report-shared-url">{shownUrl}</code>
            </p>
          ) : null}
        </div>

        {report.claimId ? (
          <p class="page__field">
            {t('reportClaimLabel')} <code data-claimnote="report-claim-id">{report.claimId}</code>
          </p>
        ) : null}

        <div class="page__field">
          <label for="report-comment">{t('reportCommentLabel')}</label>
          <textarea
            id="report-comment"
            data-claimnote="report-comment"
            rows={5}
            value={report.comment ?? ''}
            aria-invalid={commentProblem ? 'true' : 'false'}
            aria-describedby="report-comment-count"
            onInput={(event) => {
              const value = event.currentTarget.value;
              touch('comment');
              edit({ comment: value.length > 0 ? value : undefined });
            }}
          />
          <p
            class={commentLength > COMMENT_MAX ? 'page__hint page__hint--over' : 'page__hint'}
            id="report-comment-count"
          >
            {t('reportCommentCount', [String(commentLength), String(COMMENT_MAX)])}
          </p>
          {commentProblem ? (
            <p class="page__error" data-claimnote="report-error-comment">
              {problemMessage(commentProblem)}
            </p>
          ) : null}
        </div>

        <p class="report__meta">
          {t('reportVersionLabel')} <code>{report.claimListVersion || t('reportVersionUnknown')}</code>
          {' · '}
          {t('reportCreatedLabel')} <time dateTime={report.createdAt}>{report.createdAt.slice(0, 10)}</time>
        </p>

        <section
          class="page__preview"
          aria-labelledby="report-preview-heading"
          data-claimnote="report-preview"
        >
          <h2 id="report-preview-heading">{t('reportPreviewHeading')}</h2>
          {issue && issue !== 'too-long' ? (
            <>
              <p>{t('reportPreviewDestination', new URL(issue.url).host + new URL(issue.url).pathname)}</p>
              <p class="page__preview-label">{t('reportPreviewTitle')}</p>
              <pre class="page__preview-text" data-claimnote="report-preview-title">
                {issue.title}
              </pre>
              <p class="page__preview-label">{t('reportPreviewBody')}</p>
              <pre class="page__preview-text" data-claimnote="report-preview-body">
                {issue.body}
              </pre>
              {issue.truncated ? <p class="page__hint">{t('reportPreviewTruncated')}</p> : null}
              <p class="page__hint">{t('reportPreviewNothingSent')}</p>
            </>
          ) : issue === 'too-long' ? (
            <p class="page__error">{t('reportTooLongForUrl')}</p>
          ) : (
            <p class="page__hint">{t('reportPreviewIncomplete')}</p>
          )}
        </section>

        <div class="page__actions">
          <button type="button" data-claimnote="report-save" onClick={() => void onSave()}>
            {t('reportSaveButton')}
          </button>
          <button type="button" data-claimnote="report-submit" onClick={() => void onSubmit()}>
            {t('reportSubmitButton')}
          </button>
        </div>
        <p class="report__status" role="status" data-claimnote="report-status">
          {status}
        </p>
      </form>
    </main>
  );
}
