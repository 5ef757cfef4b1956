import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n/t';
import {
  dismissStorageNotices,
  getStorageNotices,
  type StorageNotice,
  watchStorageNotices,
} from '../../storage/storage';

const ITEM_KEYS: Record<string, string> = {
  'sync:pausedSites': 'optionsNoticeItemPausedSites',
  'sync:pinnedSources': 'optionsNoticeItemPinnedSources',
  'local:reports': 'optionsNoticeItemReports',
  'sync:reportSettings': 'optionsNoticeItemReportSettings',
};

const KIND_KEYS: Record<StorageNotice['kind'], string> = {
  migrated: 'optionsNoticeMigrated',
  repaired: 'optionsNoticeRepaired',
  reset: 'optionsNoticeReset',
};

/**
 * Tells the reader when stored data was migrated, repaired or reset, until dismissed: silent
 * loss of pins or reports would look like a bug, or like someone else changed them.
 */
export function StorageNotices() {
  const [notices, setNotices] = useState<StorageNotice[]>([]);

  useEffect(() => {
    let live = true;
    const unwatch = watchStorageNotices((list) => {
      if (live) setNotices(list);
    });
    void getStorageNotices().then((list) => {
      if (live) setNotices(list);
    });
    return () => {
      live = false;
      unwatch();
    };
  }, []);

  if (notices.length === 0) return null;
  return (
    <section class="options__notice" role="status" data-claimnote="storage-notice">
      <h2>{t('optionsNoticeHeading')}</h2>
      <ul>
        {notices.map((notice) => (
          <li key={notice.key} data-kind={notice.kind} data-key={notice.key}>
            {t(KIND_KEYS[notice.kind], t(ITEM_KEYS[notice.key] ?? 'optionsNoticeItemOther'))}{' '}
            <span class="page__hint">({notice.detail})</span>
          </li>
        ))}
      </ul>
      <button
        type="button"
        data-claimnote="storage-notice-dismiss"
        onClick={() => void dismissStorageNotices()}
      >
        {t('optionsNoticeDismiss')}
      </button>
    </section>
  );
}
