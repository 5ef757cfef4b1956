// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ClaimNote } from '../../lib/claims/claim-list';
import { createMarker, markerButton } from '../../lib/page/markers';
import { ownShadowRoot } from '../../lib/page/shadow-host';
import { createPageUi, type PageUi } from '../../lib/ui/page-ui';
import { layerHost, testUiOptions, trustEventsByDefault, untrusted } from '../page/own-ui';
import { useEnglishMessages } from './english';

trustEventsByDefault();

const note: ClaimNote = {
  id: 'delivers-into-brain',
  statement: 'An intrathecal pump delivers medicine directly into the brain.',
  verdict: 'false',
  correction: 'The catheter ends in the spinal fluid around the spinal cord, not in the brain.',
  explanation:
    'Intrathecal means inside the sheath around the spinal cord; the drug acts mostly on the cord.',
  reviewed: '2026-11-20',
  sources: [
    {
      id: 'hopkins-itp',
      publisher: 'Johns Hopkins Medicine',
      title: 'Intrathecal Pain Pump',
      url: 'https://www.hopkinsmedicine.org/health/treatment-tests-and-therapies/intrathecal-pain-pump',
      kind: 'academic-clinic',
    },
    {
      id: 'statpearls-itdd',
      publisher: 'StatPearls',
      title: 'Intrathecal Drug Delivery',
      url: 'https://www.ncbi.nlm.nih.gov/books/NBK538496/',
      kind: 'reference',
    },
  ],
};
const QUOTE = 'An intrathecal pump delivers pain medicine directly into the brain.';

let ui: PageUi;
let marker: HTMLElement;
let scope: AbortController;

function setup() {
  document.body.innerHTML = `<p>${QUOTE}</p>`;
  layerHost()?.remove();
  scope = new AbortController();
  ui = createPageUi(document, window, {
    listReviewed: '2026-11-24',
    pageUrl: () => 'https://blog.test/post',
    ...testUiOptions(scope.signal),
  });
  marker = createMarker(
    document,
    {
      claimId: note.id,
      verdict: 'false',
      findingIndex: 0,
      text: '[false?]',
      label: 'Claimnote',
      scheme: 'light',
    },
    (element, how) => {
      if (how === 'focus' && ui.returningFocus) return;
      ui.openNote({ note, quote: QUOTE, index: 0, marker: element, focus: how === 'click' });
    },
  );
  document.querySelector('p')?.append(marker);
}

const shadow = () => ui.root as ShadowRoot;
const host = () => ui.host as HTMLElement;
const open = () => markerButton(marker)?.click();
// The note layer exists only once a note has opened (issue 10: nothing is added for unseen text).
const card = () => (ui.root as ShadowRoot | null)?.querySelector<HTMLElement>('[data-claimnote="note-card"]');
const part = (name: string) => card()?.querySelector<HTMLElement>(`[data-claimnote="${name}"]`);

beforeEach(() => {
  fakeBrowser.reset();
  useEnglishMessages();
  setup();
});

// An open card watches pinned sources; unmount it before the next reset, or the reset's storage
// change re-renders a stale card after the English catalog is gone.
afterEach(() => {
  ui.destroy();
  scope.abort();
});

describe('the UI host', () => {
  it('adds nothing to the page until a card opens, then one <div> on <html> with a closed shadow root', () => {
    expect(ui.host).toBeNull();
    expect(document.documentElement.children).toHaveLength(2);
    open();
    expect(host().localName).toBe('div');
    expect(host().parentElement).toBe(document.documentElement);
    expect(host().shadowRoot).toBeNull();
    expect(ownShadowRoot(host())).toBe(ui.root);
    // Nothing on the host says what it is or what it shows.
    expect(host().getAttributeNames()).toEqual(['style']);
  });

  it('pins its own box with !important inline styles against hostile page CSS', () => {
    open();
    expect(host().style.getPropertyPriority('z-index')).toBe('important');
    expect(host().style.getPropertyValue('z-index')).toBe('2147483647');
    expect(host().style.getPropertyPriority('display')).toBe('important');
  });

  it("does not pin text spacing, so readers' spacing stylesheets still apply (WCAG 1.4.12)", () => {
    open();
    for (const property of ['all', 'letter-spacing', 'word-spacing', 'line-height']) {
      expect(host().style.getPropertyPriority(property)).toBe('');
      expect(marker.style.getPropertyPriority(property)).toBe('');
    }
  });

  it('comes back if the page removes it', () => {
    open();
    host().remove();
    ui.closeNote(false);
    open();
    expect(host().isConnected).toBe(true);
  });

  it('is removed by destroy()', () => {
    open();
    ui.destroy();
    expect(layerHost()).toBeNull();
  });
});

describe('the note card', () => {
  it('shows verdict, correction, explanation, sources, dates, why it matched, report and close', () => {
    markerButton(marker)?.click();
    expect(part('verdict')?.textContent).toContain('False claim');
    expect(part('correction')?.textContent).toBe(note.correction);
    expect(part('explanation')?.textContent).toBe(note.explanation);
    expect(part('reviewed')?.textContent).toBe('Note reviewed 2026-11-20 · claim list reviewed 2026-11-24');
    expect(part('why-matched')?.textContent).toContain(note.statement);
    expect(part('report')?.textContent).toBe('Report a problem with this note');
    expect(card()?.querySelectorAll('button[data-claimnote="pin-toggle"]')).toHaveLength(2);
    expect(part('close')?.getAttribute('aria-label')).toBe('Close note');
  });

  it('says in one line which words matched which rule, when the matcher gave a reason', () => {
    expect(part('reason')).toBeFalsy();
    ui.openNote({
      note,
      quote: QUOTE,
      reason: {
        rule: '[deliver | send] + [into the brain] within 15 words',
        words: ['delivers', 'into the brain'],
      },
      index: 1,
      marker,
      focus: false,
    });
    expect(part('reason')?.textContent).toBe(
      'Why this matched: the words “delivers”, “into the brain” fit the rule [deliver | send] + [into the brain] within 15 words.',
    );
    // A long rules-file line is cut at a space.
    ui.openNote({
      note,
      quote: QUOTE,
      reason: { rule: `match ${'word | '.repeat(60)}end`, words: ['word'] },
      index: 2,
      marker,
      focus: false,
    });
    const line = part('reason')?.textContent ?? '';
    expect(line.length).toBeLessThan(200);
    expect(line).toMatch(/^Why this matched: the words “word” fit the rule match word \|.* …\.$/);
  });

  it('links each source in a new tab without opener or referrer', () => {
    markerButton(marker)?.click();
    const links = [...(card()?.querySelectorAll<HTMLAnchorElement>('a[data-claimnote="source-link"]') ?? [])];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(note.sources.map((s) => s.url));
    for (const link of links) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
      expect(link.textContent).toMatch(/Johns Hopkins Medicine|StatPearls/);
    }
  });

  it('is a dialog named by its verdict heading', () => {
    markerButton(marker)?.click();
    const labelledBy = card()?.getAttribute('aria-labelledby') ?? '';
    expect(card()?.getAttribute('role')).toBe('dialog');
    expect(shadow().getElementById(labelledBy)?.textContent).toContain('False claim');
  });

  it('takes focus when opened by a click, and only shows itself when the marker is focused', () => {
    markerButton(marker)?.focus();
    expect(card()).not.toBeNull();
    expect(document.activeElement).toBe(marker);
    markerButton(marker)?.click();
    expect(document.activeElement).toBe(ui.host);
    expect(shadow().activeElement).toBe(card());
  });

  it('closes on Escape and returns focus to the marker without reopening', () => {
    markerButton(marker)?.click();
    card()?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(card()).toBeNull();
    expect(ownShadowRoot(marker)?.activeElement).toBe(markerButton(marker));
    expect(ui.openIndex).toBeNull();
  });

  it('ignores forged Escape keys and clicks on its close button', () => {
    markerButton(marker)?.click();
    card()?.dispatchEvent(untrusted(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    part('close')?.dispatchEvent(untrusted(new MouseEvent('click', { bubbles: true })));
    expect(card()).not.toBeNull();
  });

  it('closes with its close button and returns focus to the marker', () => {
    markerButton(marker)?.click();
    part('close')?.click();
    expect(card()).toBeNull();
    expect(ownShadowRoot(marker)?.activeElement).toBe(markerButton(marker));
  });

  it('puts claim text in as text, never as markup', () => {
    const hostile: ClaimNote = { ...note, correction: '<img src=x onerror="alert(1)">Not markup' };
    ui.openNote({ note: hostile, quote: '<b>quote</b>', index: 0, marker, focus: false });
    expect(part('correction')?.textContent).toBe('<img src=x onerror="alert(1)">Not markup');
    expect(card()?.querySelector('img')).toBeNull();
  });

  it('follows a dark page: dark palette when the page background is dark', () => {
    document.body.style.backgroundColor = 'rgb(20, 20, 24)';
    markerButton(marker)?.click();
    expect(card()?.getAttribute('data-scheme')).toBe('dark');
  });

  it('uses the light palette on a light page', () => {
    document.body.style.backgroundColor = 'rgb(255, 255, 255)';
    markerButton(marker)?.click();
    expect(card()?.getAttribute('data-scheme')).toBe('light');
  });

  it('styles itself inside the shadow root, resetting inherited page styles and honouring reduced motion', () => {
    open();
    const css = shadow().querySelector('style')?.textContent ?? '';
    expect(css).toContain(':host { all: initial; }');
    expect(css).toContain('prefers-reduced-motion: reduce');
  });
});
