import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n/t';
import { checkIssueTemplate, defaultIssueTemplate, type TemplateProblem } from '../../reports/issue-url';
import { reportSettings } from '../../storage/storage';

const PROBLEM_KEYS: Record<TemplateProblem, string> = {
  invalid: 'optionsTemplateInvalid',
  'not-https': 'optionsTemplateNotHttps',
  'missing-body': 'optionsTemplateMissingBody',
};

/**
 * Where "Submit" on the report page sends the reader: an https issue-form address with
 * `{title}` and `{body}` placeholders. Empty means the build's default.
 */
export function IssueTemplateSection() {
  const [value, setValue] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<TemplateProblem | undefined>(undefined);
  const [status, setStatus] = useState('');
  const fallback = defaultIssueTemplate();

  useEffect(() => {
    let live = true;
    void reportSettings.getValue().then((settings) => {
      if (live) setValue(settings.issueTemplate ?? fallback);
    });
    return () => {
      live = false;
    };
  }, [fallback]);

  if (value === undefined) return <p>{t('optionsLoading')}</p>;

  const save = async (template: string) => {
    const trimmed = template.trim();
    const found = checkIssueTemplate(trimmed);
    setProblem(found);
    if (found) {
      setStatus('');
      return;
    }
    try {
      // Storing the default as "no override" lets a later build change it.
      await reportSettings.setValue(trimmed === fallback ? {} : { issueTemplate: trimmed });
      setValue(trimmed);
      setStatus(t('optionsTemplateSaved'));
    } catch {
      setStatus(t('optionsTemplateSaveFailed'));
    }
  };

  return (
    <section class="options__section" aria-labelledby="template-heading" data-claimnote="template-section">
      <h2 id="template-heading">{t('optionsTemplateHeading')}</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save(value);
        }}
      >
        <label for="issue-template">{t('optionsTemplateLabel')}</label>
        <p class="page__hint" id="issue-template-hint">
          {t('optionsTemplateHint')}
        </p>
        <input
          id="issue-template"
          type="url"
          class="options__wide"
          data-claimnote="template-input"
          value={value}
          aria-invalid={problem ? 'true' : 'false'}
          aria-describedby={problem ? 'issue-template-hint issue-template-error' : 'issue-template-hint'}
          onInput={(event) => {
            setValue(event.currentTarget.value);
            setStatus('');
          }}
        />
        {problem ? (
          <p class="page__error" id="issue-template-error" data-claimnote="template-error">
            {t(PROBLEM_KEYS[problem])}
          </p>
        ) : null}
        <p class="options__buttons">
          <button type="submit" data-claimnote="template-save">
            {t('optionsTemplateSave')}
          </button>{' '}
          <button type="button" data-claimnote="template-reset" onClick={() => void save(fallback)}>
            {t('optionsTemplateReset')}
          </button>
        </p>
        <p role="status" class="page__hint">
          {status}
        </p>
      </form>
    </section>
  );
}
