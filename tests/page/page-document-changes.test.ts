// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isOwnNode } from '../../lib/page/own-elements';
import { PageController } from '../../lib/page/page-controller';
import type * as pageDocument from '../../lib/page/page-document';
import { useEnglishMessages } from '../ui/english';
import { mount } from './mount';
import { layerHost, ownMarkers } from './own-ui';
import { testControllerOptions } from './test-controller';
import { type VirtualClock, virtualClock } from './virtual-clock';

/** What the controller told its page document, call by call. */
const marks: Array<'all' | Node[]> = [];
let updates = 0;
vi.mock('../../lib/page/page-document', async (importOriginal) => {
  const actual = await importOriginal<typeof pageDocument>();
  return {
    ...actual,
    createPageDocument: (options: pageDocument.PageDocumentOptions): pageDocument.PageDocument => {
      const inner = actual.createPageDocument(options);
      return {
        markChanged: (nodes) => {
          marks.push([...nodes]);
          inner.markChanged(nodes);
        },
        markAllChanged: () => {
          marks.push('all');
          inner.markAllChanged();
        },
        update: () => {
          updates += 1;
          return inner.update();
        },
        hasHidden: () => inner.hasHidden(),
        shownSteps: () => inner.shownSteps(),
      };
    },
  };
});

const RARE = 'Side effects from intrathecal pumps are rare.';
const CANCER = 'Intrathecal pumps can cure cancer by delivering medicine right where it is needed.';

let clock: VirtualClock | null = null;
beforeEach(() => {
  fakeBrowser.reset();
  useEnglishMessages();
  layerHost()?.remove();
  marks.length = 0;
  updates = 0;
});
afterEach(() => {
  clock?.invalidate();
  clock = null;
});

async function activePage(markup: string) {
  const body = mount(markup);
  clock = virtualClock();
  const controller = new PageController(testControllerOptions(clock));
  controller.start(false);
  await clock.runUntilIdle();
  return { body, controller, clock };
}

/**
 * The contract between the DOM watcher and the page document (page-document.ts): before each
 * update the document is told what changed, as connected nodes under which visible text may
 * have changed, or "everything".
 */
describe('what the page document is told before each update', () => {
  it('everything, for the first pass of an active mode', async () => {
    await activePage(`<article><p>${RARE}</p></article>`);
    expect(ownMarkers()).toHaveLength(1);
    expect(marks).toEqual(['all']);
    expect(updates).toBe(1);
  });

  it('the parent of a removed paragraph, not the paragraph that left the page', async () => {
    const { body, clock } = await activePage(`<article><p>${RARE}</p><p>${CANCER}</p></article>`);
    const article = body.querySelector('article') as HTMLElement;
    marks.length = 0;
    article.lastElementChild?.remove();
    await clock.runUntilIdle();
    expect(marks).toEqual([[article]]);
    expect(ownMarkers()).toHaveLength(1);
  });

  it('the parent and the added paragraph; the edited text node; the element whose hidden changed', async () => {
    const { body, clock } = await activePage(
      `<article><p id="a">${RARE}</p></article><section hidden><p>${CANCER}</p></section>`,
    );
    const article = body.querySelector('article') as HTMLElement;
    const section = body.querySelector('section') as HTMLElement;
    marks.length = 0;
    const added = Object.assign(document.createElement('p'), { textContent: CANCER });
    article.append(added);
    await clock.runUntilIdle();
    expect(marks).toEqual([[article, added]]);

    const text = body.querySelector('#a')?.firstChild as Text;
    text.data = 'Nothing to see here.';
    await clock.runUntilIdle();
    expect(marks.at(-1)).toEqual([text]);

    section.removeAttribute('hidden');
    await clock.runUntilIdle();
    expect(marks.at(-1)).toEqual([section]);
    expect(marks).toHaveLength(3);
    // Markers the controller wrote into the page are never reported back as changes.
    expect(marks.flat().some((node) => node !== 'all' && isOwnNode(node))).toBe(false);
  });

  it('everything, after a client-side navigation, once', async () => {
    const { body, clock } = await activePage(`<article><p>${RARE}</p></article>`);
    marks.length = 0;
    history.pushState({}, '', '/next-article');
    (body.querySelector('article') as HTMLElement).replaceChildren(
      Object.assign(document.createElement('p'), { textContent: CANCER }),
    );
    await clock.runUntilIdle();
    expect(marks).toEqual(['all']);
    expect(ownMarkers()).toHaveLength(1);
  });

  it('nothing, and no update at all, for an ad slot filling with images', async () => {
    const { body, clock } = await activePage(`<article><p>${RARE}</p></article>`);
    marks.length = 0;
    updates = 0;
    const slot = document.createElement('div');
    slot.append(document.createElement('img'));
    body.append(slot);
    await clock.runUntilIdle();
    expect(marks).toEqual([]);
    expect(updates).toBe(0);
  });
});
