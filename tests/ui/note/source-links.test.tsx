// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Source } from '../../../lib/claims/schema';
import { getPinnedPublishers, setPinnedPublishers } from '../../../lib/storage/storage';
import {
  orderSourcesByPins,
  SourceLinks,
  safeSourceHref,
  sourceLinksCss,
} from '../../../lib/ui/note/source-links';
import { testUiOptions, trustEventsByDefault, untrusted } from '../../page/own-ui';
import { useUiTestContainer } from '../ui-test-container';

const container = useUiTestContainer();
trustEventsByDefault();
let scope = new AbortController();
afterEach(() => scope.abort());
/** A fresh pin writer for this test (no batching delay), on the fake browser's storage. */
const pins = () => {
  scope = new AbortController();
  return testUiOptions(scope.signal).pins;
};

const source = (id: string, publisher: string): Source => ({
  id,
  publisher,
  title: `About pumps (${id})`,
  url: `https://${id}.example/page`,
  kind: 'government',
});
const fda = source('fda', 'U.S. Food and Drug Administration');
const nih = source('nih', 'National Institutes of Health');
const mayo = source('mayo', 'Mayo Clinic');

/** Lets storage promises and onChanged listeners run, inside act() so Preact re-renders. */
const flush = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 10)));

const publishersInOrder = () =>
  [...container().querySelectorAll('.cn-source__publisher')].map((element) => element.textContent);
const pinButton = (publisher: string) =>
  container().querySelector<HTMLButtonElement>(
    `button[data-claimnote="pin-toggle"][data-publisher="${publisher}"]`,
  );

describe('orderSourcesByPins', () => {
  it('puts pinned publishers first in pin order and keeps the rest in claim order', () => {
    const ordered = orderSourcesByPins([fda, nih, mayo], ['Mayo Clinic', 'National Institutes of Health']);
    expect(ordered.map((s) => s.id)).toEqual(['mayo', 'nih', 'fda']);
  });

  it('ignores pins of publishers the note does not cite', () => {
    expect(orderSourcesByPins([fda, nih], ['Cleveland Clinic']).map((s) => s.id)).toEqual(['fda', 'nih']);
  });
});

describe('safeSourceHref', () => {
  it.each([
    ['https://www.fda.gov/x', 'https://www.fda.gov/x'],
    ['http://www.fda.gov/x', undefined],
    ['javascript:alert(1)', undefined],
    ['https://user:pw@fda.gov/', undefined],
    ['not a url', undefined],
  ])('%s → %s', (url, href) => {
    expect(safeSourceHref(url)).toBe(href);
  });
});

describe('SourceLinks', () => {
  it('renders each source as a safe new-tab link with a pin toggle named after its publisher', async () => {
    await act(() => render(<SourceLinks sources={[fda, nih]} pins={pins()} />, container()));
    await flush();
    const links = [...container().querySelectorAll<HTMLAnchorElement>('a[data-claimnote="source-link"]')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([fda.url, nih.url]);
    for (const link of links) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect(links[0]?.textContent).toContain('U.S. Food and Drug Administration');
    expect(links[0]?.textContent).toContain(fda.title);
    const toggle = pinButton('National Institutes of Health');
    expect(toggle?.getAttribute('aria-pressed')).toBe('false');
    expect(toggle?.getAttribute('aria-label')).toBe('Pin National Institutes of Health');
    expect(container().querySelector('[data-claimnote="pinned-mark"]')).toBeNull();
  });

  it('shows pinned publishers first and marked', async () => {
    await setPinnedPublishers(['Mayo Clinic']);
    await act(() => render(<SourceLinks sources={[fda, nih, mayo]} pins={pins()} />, container()));
    await flush();
    expect(publishersInOrder()).toEqual([
      'Mayo Clinic',
      'U.S. Food and Drug Administration',
      'National Institutes of Health',
    ]);
    const first = container().querySelector('li');
    expect(first?.querySelector('[data-claimnote="pinned-mark"]')?.textContent).toBe('Pinned');
    expect(pinButton('Mayo Clinic')?.getAttribute('aria-pressed')).toBe('true');
    expect(pinButton('Mayo Clinic')?.getAttribute('aria-label')).toBe('Unpin Mayo Clinic');
  });

  it('pins a publisher when its toggle is clicked, stores it, and moves it first', async () => {
    await act(() => render(<SourceLinks sources={[fda, nih]} pins={pins()} />, container()));
    await flush();
    await act(() => pinButton('National Institutes of Health')?.click());
    await flush();
    expect(await getPinnedPublishers()).toEqual(['National Institutes of Health']);
    expect(publishersInOrder()).toEqual([
      'National Institutes of Health',
      'U.S. Food and Drug Administration',
    ]);
    expect(pinButton('National Institutes of Health')?.getAttribute('aria-pressed')).toBe('true');
    await act(() => pinButton('National Institutes of Health')?.click());
    await flush();
    expect(await getPinnedPublishers()).toEqual([]);
    expect(publishersInOrder()).toEqual([
      'U.S. Food and Drug Administration',
      'National Institutes of Health',
    ]);
  });

  it('ignores forged clicks on a pin toggle', async () => {
    await act(() => render(<SourceLinks sources={[fda, nih]} pins={pins()} />, container()));
    await flush();
    await act(() => {
      pinButton('National Institutes of Health')?.dispatchEvent(
        untrusted(new MouseEvent('click', { bubbles: true })),
      );
    });
    await flush();
    expect(await getPinnedPublishers()).toEqual([]);
    expect(pinButton('National Institutes of Health')?.getAttribute('aria-pressed')).toBe('false');
  });

  it('re-sorts when pins change elsewhere (another tab or the options page), without re-rendering from outside', async () => {
    await act(() => render(<SourceLinks sources={[fda, nih, mayo]} pins={pins()} />, container()));
    await flush();
    // Written straight to storage, as another extension context would.
    await fakeBrowser.storage.sync.set({ pinnedSources: ['National Institutes of Health', 'Mayo Clinic'] });
    await flush();
    expect(publishersInOrder()).toEqual([
      'National Institutes of Health',
      'Mayo Clinic',
      'U.S. Food and Drug Administration',
    ]);
  });

  it('shows the sources in claim order when stored pins are corrupt', async () => {
    await fakeBrowser.storage.sync.set({ pinnedSources: 'Mayo Clinic' });
    await act(() => render(<SourceLinks sources={[fda, mayo]} pins={pins()} />, container()));
    await flush();
    expect(publishersInOrder()).toEqual(['U.S. Food and Drug Administration', 'Mayo Clinic']);
  });

  it('exports its styles for the note card’s shadow root', () => {
    expect(sourceLinksCss).toContain('.cn-source__pin');
    expect(sourceLinksCss).toContain('.cn-source__pinned-mark');
  });
});
