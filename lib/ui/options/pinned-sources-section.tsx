import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n/t';
import { setPinnedPublishers, togglePinnedPublisher } from '../../storage/storage';
import { usePinnedPublishers } from '../note/source-links';
import type { CitedPublisher } from './publishers';

type MoveAction = 'up' | 'down';

/**
 * Moves one entry of a list by one place.
 * @param list the pinned publishers, in order
 * @param index position of the entry to move
 * @param action direction
 * @returns a new list; unchanged when the move would leave the list
 */
export function moveEntry(list: readonly string[], index: number, action: MoveAction): string[] {
  const target = action === 'up' ? index - 1 : index + 1;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  const [entry] = next.splice(index, 1);
  if (entry !== undefined) next.splice(target, 0, entry);
  return next;
}

/**
 * Pinned sources (reorder with up/down buttons, unpin) and every publisher the claim list
 * cites (pin or unpin). Both follow storage, so changes made in a note card show up here live.
 */
export function PinnedSourcesSection(props: { publishers: readonly CitedPublisher[] }) {
  const pinned = usePinnedPublishers();
  const [failed, setFailed] = useState(false);
  const listRef = useRef<HTMLOListElement>(null);
  // Reordering moves DOM nodes, which drops focus; put it back on the button that was pressed.
  const [refocus, setRefocus] = useState<{ publisher: string; action: MoveAction } | undefined>();

  useEffect(() => {
    if (!refocus || !listRef.current) return;
    const buttons = [...listRef.current.querySelectorAll<HTMLButtonElement>('button[data-action]')].filter(
      (button) => button.dataset.publisher === refocus.publisher && !button.disabled,
    );
    // At the top or bottom the pressed button is disabled; its sibling keeps keyboard users in place.
    const target = buttons.find((button) => button.dataset.action === refocus.action) ?? buttons[0];
    target?.focus();
  }, [pinned, refocus]);

  if (pinned === undefined) return <p>{t('optionsLoading')}</p>;

  const write = (run: () => Promise<unknown>) => {
    setFailed(false);
    run().catch(() => setFailed(true));
  };
  const move = (index: number, action: MoveAction) => {
    const publisher = pinned[index];
    if (publisher === undefined) return;
    setRefocus({ publisher, action });
    write(() => setPinnedPublishers(moveEntry(pinned, index, action)));
  };

  return (
    <>
      <section class="options__section" aria-labelledby="pinned-heading" data-claimnote="pinned-section">
        <h2 id="pinned-heading">{t('optionsPinnedHeading')}</h2>
        <p class="page__hint">{t('optionsPinnedIntro')}</p>
        {pinned.length === 0 ? (
          <p data-claimnote="pinned-empty">{t('optionsPinnedEmpty')}</p>
        ) : (
          <ol class="options__pinned" ref={listRef} data-claimnote="pinned-list">
            {pinned.map((publisher, index) => (
              <li
                key={publisher}
                class="options__pinned-item"
                data-claimnote="pinned-item"
                data-publisher={publisher}
              >
                <span class="options__publisher">{publisher}</span>
                <span class="options__buttons">
                  <button
                    type="button"
                    data-action="up"
                    data-publisher={publisher}
                    disabled={index === 0}
                    aria-label={t('optionsMoveUpLabel', publisher)}
                    onClick={() => move(index, 'up')}
                  >
                    {t('optionsMoveUp')}
                  </button>
                  <button
                    type="button"
                    data-action="down"
                    data-publisher={publisher}
                    disabled={index === pinned.length - 1}
                    aria-label={t('optionsMoveDownLabel', publisher)}
                    onClick={() => move(index, 'down')}
                  >
                    {t('optionsMoveDown')}
                  </button>
                  <button
                    type="button"
                    data-action="unpin"
                    data-publisher={publisher}
                    aria-label={t('optionsUnpinLabel', publisher)}
                    onClick={() => write(() => togglePinnedPublisher(publisher))}
                  >
                    {t('optionsUnpin')}
                  </button>
                </span>
              </li>
            ))}
          </ol>
        )}
        {failed ? (
          <p class="page__error" role="alert">
            {t('optionsPinSaveFailed')}
          </p>
        ) : null}
      </section>

      <section
        class="options__section"
        aria-labelledby="publishers-heading"
        data-claimnote="publishers-section"
      >
        <h2 id="publishers-heading">{t('optionsPublishersHeading')}</h2>
        <p class="page__hint">{t('optionsPublishersIntro')}</p>
        <ul class="options__publishers">
          {props.publishers.map(({ publisher, noteCount }) => {
            const isPinned = pinned.includes(publisher);
            return (
              <li key={publisher} class="options__publisher-item" data-claimnote="publisher-item">
                <span class="options__publisher">{publisher}</span>{' '}
                <span class="page__hint">
                  {noteCount === 1
                    ? t('optionsPublisherNoteCountOne')
                    : t('optionsPublisherNoteCount', String(noteCount))}
                </span>{' '}
                <button
                  type="button"
                  data-claimnote="publisher-pin-toggle"
                  data-publisher={publisher}
                  aria-pressed={isPinned ? 'true' : 'false'}
                  aria-label={t(isPinned ? 'optionsUnpinLabel' : 'optionsPinLabel', publisher)}
                  onClick={() => write(() => togglePinnedPublisher(publisher))}
                >
                  {t(isPinned ? 'optionsUnpin' : 'optionsPin')}
                </button>
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
