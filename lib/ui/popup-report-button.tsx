import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../i18n/t';
import { requestStartReport } from '../messaging/report-messages';

/**
 * The popup's "Report a health claim on this page" button. Starts a report about the active
 * tab (saved as a draft first, then the report page opens). The quote is left for the reader
 * to fill in: the popup does not read page text.
 * @param props.pageUrl the active tab's address if the popup already knows it; otherwise it is
 *   looked up (available to the popup through the activeTab grant or host permissions)
 */
export function PopupReportButton(props: { pageUrl?: string }) {
  const [failed, setFailed] = useState<false | 'storage-full' | 'other'>(false);

  const start = async () => {
    setFailed(false);
    try {
      const pageUrl =
        props.pageUrl ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.url;
      // Through the background, like note cards, so one code path saves and opens reports.
      const response = await requestStartReport({ kind: 'missed-claim', ...(pageUrl ? { pageUrl } : {}) });
      if (!response.ok) {
        setFailed(response.reason === 'storage-full' ? 'storage-full' : 'other');
        return;
      }
      // The report page took focus; close the popup where the browser has not already.
      window.close();
    } catch {
      setFailed('other');
    }
  };

  return (
    <div class="popup-report">
      <button type="button" data-claimnote="popup-report" onClick={() => void start()}>
        {t('popupReportButton')}
      </button>
      {failed ? (
        <p role="alert" class="popup-report__error">
          {failed === 'storage-full' ? t('popupReportStorageFull') : t('popupReportFailed')}
        </p>
      ) : null}
    </div>
  );
}
