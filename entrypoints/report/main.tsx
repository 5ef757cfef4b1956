import bundle from 'virtual:claimnote/claim-bundle';
import { render } from 'preact';
import '../../lib/ui/styles/extension-page.css';
import { t } from '../../lib/i18n/t';
import { parseReportPageParams, ReportApp } from '../../lib/ui/report/report-app';

document.title = t('reportPageTitle');
const root = document.getElementById('app');
if (root) {
  render(
    <ReportApp params={parseReportPageParams(location.search)} claimListVersion={bundle.version} />,
    root,
  );
}
