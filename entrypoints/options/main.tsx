import bundle from 'virtual:claimnote/claim-bundle';
import { render } from 'preact';
import '../../lib/ui/styles/extension-page.css';
import { t } from '../../lib/i18n/t';
import { OptionsApp } from '../../lib/ui/options/options-app';
import { citedPublishers } from '../../lib/ui/options/publishers';

document.title = t('optionsPageTitle');
const root = document.getElementById('app');
if (root) {
  render(<OptionsApp publishers={citedPublishers(bundle.notes)} claimListVersion={bundle.version} />, root);
}
