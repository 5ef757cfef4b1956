import { useEffect, useState } from 'preact/hooks';
import type { Source } from '../../claims/schema';
import { t } from '../../i18n/t';
import type { PinView, PinWriter } from '../../storage/pin-writer';
import { getPinnedPublishers, watchPinnedPublishers } from '../../storage/storage';
import { onlyTrusted } from '../trusted-event';

/**
 * Orders a note's sources so pinned publishers come first, in the reader's pin order; the
 * rest keep the claim list's order.
 * @param sources the note's sources, as listed in the claim
 * @param pinned pinned publisher keys, most trusted first
 * @returns a new array; `sources` is not changed
 */
export function orderSourcesByPins(sources: readonly Source[], pinned: readonly string[]): Source[] {
  const rank = (source: Source) => {
    const index = pinned.indexOf(source.publisher);
    return index === -1 ? pinned.length : index;
  };
  // Array.prototype.sort is stable, so unpinned sources keep their order.
  return [...sources].sort((a, b) => rank(a) - rank(b));
}

/**
 * The address a source link may point to: https only and without credentials. The claim schema
 * already requires this; checking again here means a bad entry can never become a clickable
 * `javascript:` or plain-http link in a page.
 * @param url the source's url
 * @returns the normalized https address, or `undefined` when it must not be linked
 */
export function safeSourceHref(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return undefined;
    return parsed.href;
  } catch {
    return undefined;
  }
}

/**
 * The reader's pinned publishers, kept current as they change in any tab or on the options page.
 * @returns the pinned list, or `undefined` until storage has answered
 */
export function usePinnedPublishers(): string[] | undefined {
  const [pinned, setPinned] = useState<string[] | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const unwatch = watchPinnedPublishers((list) => {
      if (live) setPinned(list);
    });
    void getPinnedPublishers().then((list) => {
      if (live) setPinned(list);
    });
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return pinned;
}

/**
 * The page's pin state as the cards show it: stored pins with the reader's unwritten toggles.
 * @param pins the page's pin writer
 */
function usePinView(pins: PinWriter): PinView {
  const [view, setView] = useState<PinView>(() => pins.view());
  useEffect(() => {
    setView(pins.view());
    return pins.subscribe(setView);
  }, [pins]);
  return view;
}

/**
 * A note card's source list: pinned publishers first and marked, each with a pin toggle.
 * Toggles go through the page's {@link PinWriter}, which batches storage writes; only trusted
 * clicks toggle. Rendered inside the content script's shadow root; include
 * {@link sourceLinksCss} there.
 */
export function SourceLinks(props: { sources: Source[]; pins: PinWriter }) {
  const { pinned: known, failed } = usePinView(props.pins);
  const pinned = known ?? [];
  const ordered = orderSourcesByPins(props.sources, pinned);

  const toggle = (publisher: string) => props.pins.toggle(publisher);

  return (
    <div class="cn-sources">
      <ul class="cn-sources__list" data-claimnote="source-list">
        {ordered.map((source) => {
          const isPinned = pinned.includes(source.publisher);
          const href = safeSourceHref(source.url);
          return (
            <li
              key={source.id}
              class={isPinned ? 'cn-source cn-source--pinned' : 'cn-source'}
              data-pinned={isPinned ? 'true' : 'false'}
            >
              {href ? (
                <a
                  class="cn-source__link"
                  data-claimnote="source-link"
                  data-source-id={source.id}
                  href={href}
                  target="_blank"
                  rel="noopener noreferrer"
                >
                  <span class="cn-source__publisher">{source.publisher}</span>
                  <span class="cn-source__title">{source.title}</span>
                </a>
              ) : (
                <span class="cn-source__link cn-source__link--unlinked" data-source-id={source.id}>
                  <span class="cn-source__publisher">{source.publisher}</span>
                  <span class="cn-source__title">{source.title}</span>
                </span>
              )}
              {isPinned ? (
                <span class="cn-source__pinned-mark" data-claimnote="pinned-mark">
                  {t('sourcePinnedMark')}
                </span>
              ) : null}
              <button
                type="button"
                class="cn-source__pin"
                data-claimnote="pin-toggle"
                data-publisher={source.publisher}
                aria-pressed={isPinned ? 'true' : 'false'}
                aria-label={t(isPinned ? 'sourceUnpinLabel' : 'sourcePinLabel', source.publisher)}
                title={t(isPinned ? 'sourceUnpinLabel' : 'sourcePinLabel', source.publisher)}
                onClick={onlyTrusted(() => toggle(source.publisher))}
              >
                {t(isPinned ? 'sourceUnpinButton' : 'sourcePinButton')}
              </button>
            </li>
          );
        })}
      </ul>
      {failed ? (
        <p class="cn-sources__error" role="alert">
          {t('sourcePinFailed')}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Styles for {@link SourceLinks}; the note card adds this string to its shadow root's style.
 * Colours come from custom properties so the card's theme (light/dark) applies.
 */
export const sourceLinksCss = `
.cn-sources__list { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
.cn-source { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 8px; }
.cn-source__link { flex: 1 1 12em; min-width: 0; color: var(--cn-link, #0b57d0); text-decoration: underline; overflow-wrap: anywhere; }
.cn-source__link:focus-visible, .cn-source__pin:focus-visible { outline: 2px solid var(--cn-focus, #0b57d0); outline-offset: 2px; }
.cn-source__link--unlinked { color: inherit; text-decoration: none; }
.cn-source__publisher { font-weight: 600; }
.cn-source__publisher::after { content: ": "; }
.cn-source__pinned-mark { font-size: 0.8em; font-weight: 600; padding: 0 6px; border-radius: 999px; background: var(--cn-pinned-bg, #fff1c2); color: var(--cn-pinned-fg, #4a3600); }
.cn-source__pin { font: inherit; font-size: 0.85em; padding: 2px 8px; border: 1px solid var(--cn-border, #8a8a8a); border-radius: 4px; background: var(--cn-button-bg, #ffffff); color: var(--cn-fg, #1f1f1f); cursor: pointer; }
.cn-source__pin[aria-pressed="true"] { background: var(--cn-pinned-bg, #fff1c2); }
.cn-sources__error { margin: 4px 0 0; color: var(--cn-error, #b3261e); font-size: 0.85em; }
`;
