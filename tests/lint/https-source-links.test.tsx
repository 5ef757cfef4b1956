import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { buildClaimBundle } from '../../lib/claims/build-claim-bundle';
import { loadClaimFiles } from '../../lib/claims/load-claim-files';
import type { Source } from '../../lib/claims/schema';
import { SourceLinks } from '../../lib/ui/note/source-links';
import { testUiOptions } from '../page/own-ui';

/**
 * Readers follow source links out of a warning, so every link must be https (a plain-http
 * hop can be rewritten on the way) and point where the reviewed claim list says. The claim
 * schema already rejects other URLs; these tests check what actually ships (the compiled
 * bundle) and what the note card does if a non-https URL ever reaches it.
 */

// The same two steps the build's claim-list plugin runs to make `virtual:claimnote/claim-bundle`.
const bundle = buildClaimBundle(loadClaimFiles(join(import.meta.dirname, '..', '..', 'claims')));

describe('sources in the compiled claim bundle', () => {
  it('are all https URLs without credentials', () => {
    const urls = bundle.notes.flatMap((note) => note.sources.map((source) => `${note.id}: ${source.url}`));
    expect(urls.length).toBeGreaterThan(0);
    const bad = urls.filter((entry) => {
      const url = new URL(entry.slice(entry.indexOf(': ') + 2));
      return url.protocol !== 'https:' || url.username !== '' || url.password !== '';
    });
    expect(bad).toEqual([]);
  });
});

describe('SourceLinks', () => {
  let container: Element;
  const globals = globalThis as unknown as Record<string, unknown>;
  const saved = { document: globals.document, window: globals.window };

  beforeEach(() => {
    fakeBrowser.reset();
    // The fake browser has no catalog; echoing the key is what t() does without one.
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => key);
    const { document, window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
    globals.document = document;
    globals.window = window;
    container = document.getElementById('root') as unknown as Element;
  });

  afterEach(() => {
    act(() => render(null, container));
    globals.document = saved.document;
    globals.window = saved.window;
    vi.restoreAllMocks();
  });

  const source = (id: string, url: string): Source => ({
    id,
    publisher: `Publisher ${id}`,
    title: `Title of ${id}`,
    url,
    kind: 'government',
  });

  const renderedHrefs = async (sources: Source[]) => {
    await act(async () => {
      render(
        <SourceLinks sources={sources} pins={testUiOptions(new AbortController().signal).pins} />,
        container,
      );
    });
    return [...container.querySelectorAll('a[data-claimnote="source-link"]')].map((link) =>
      link.getAttribute('href'),
    );
  };

  it('links each source of a real note to its https URL, opening safely in a new tab', async () => {
    const note = bundle.notes.find((candidate) => candidate.sources.length > 0);
    expect(note).toBeDefined();
    const sources = note?.sources ?? [];
    expect(await renderedHrefs(sources)).toEqual(sources.map((item) => item.url));
    for (const link of container.querySelectorAll('a[data-claimnote="source-link"]')) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  it('never renders a non-https href, even if one slips past the schema', async () => {
    const hrefs = await renderedHrefs([
      source('good', 'https://www.fda.gov/medical-devices'),
      source('plain', 'http://example.org/pumps'),
      source('script', 'javascript:alert(1)'),
      source('data', 'data:text/html,<b>x</b>'),
    ]);
    // Dropping the link or rendering it without href both pass; following it must not be possible.
    expect(
      hrefs.filter((href) => href !== null && !href.startsWith('https://')),
      'lib/ui/note/source-links.tsx should check the protocol before rendering href',
    ).toEqual([]);
    expect(hrefs).toContain('https://www.fda.gov/medical-devices');
  });
});
