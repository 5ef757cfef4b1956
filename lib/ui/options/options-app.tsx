import { t } from '../../i18n/t';
import { IssueTemplateSection } from './issue-template-section';
import { PinnedSourcesSection } from './pinned-sources-section';
import type { CitedPublisher } from './publishers';
import { ReportsSection } from './reports-section';
import { StorageNotices } from './storage-notices';

/** The options page: storage notices, pinned sources, cited publishers, reports, issue address. */
export function OptionsApp(props: { publishers: readonly CitedPublisher[]; claimListVersion: string }) {
  return (
    <main class="options" data-claimnote="options-page">
      <h1>{t('optionsTitle')}</h1>
      <StorageNotices />
      <PinnedSourcesSection publishers={props.publishers} />
      <ReportsSection />
      <IssueTemplateSection />
      <p class="page__hint">
        {t('optionsClaimListVersion')} <code>{props.claimListVersion}</code>
      </p>
    </main>
  );
}
