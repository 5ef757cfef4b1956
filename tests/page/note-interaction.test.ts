// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClaimNote } from '../../lib/claims/claim-list';
import { MAX_MARKERS } from '../../lib/page/marker-cap';
import { markerButton } from '../../lib/page/markers';
import { createNoteInteraction } from '../../lib/page/note-interaction';
import { mount } from './mount';
import { ownMarkers, trustEventsByDefault, untrusted } from './own-ui';
import { anchored, pointAt, recordingLayer, runSteps } from './rendered-findings';
import { testBundle } from './test-bundle';

trustEventsByDefault();

const notes = new Map<string, ClaimNote>(testBundle.notes.map((note) => [note.id, note]));
const BRAIN = 'A pump delivers medicine into the brain.';
const RARE = 'Side effects are rare.';

let visible: (range: Range) => boolean = () => true;
let showing = true;
let highlighted = true;
let listeners = new AbortController();
let restorePoint: () => void = () => undefined;

beforeEach(() => {
  visible = () => true;
  showing = true;
  highlighted = true;
  listeners = new AbortController();
});
afterEach(() => {
  listeners.abort();
  restorePoint();
  restorePoint = () => undefined;
});

/** A page with two findings rendered, and note interaction on its document's events. */
function setup(markup = `<p id="a">Intro. ${BRAIN}</p><p id="b">${RARE}</p>`) {
  mount(markup);
  let interaction: ReturnType<typeof createNoteInteraction> | null = null;
  const { layer, ui, opened, closed } = recordingLayer({
    visible: (range) => visible(range),
    hidden: () => !showing,
    onMarker: (marker, how) => interaction?.onMarker(marker, how),
  });
  document.documentElement.append(ui.host as HTMLElement);
  interaction = createNoteInteraction({
    document,
    window,
    notes,
    ui: () => ui,
    findings: layer,
    showing: () => showing,
    highlighted: () => highlighted,
  });
  const { signal } = listeners;
  const active = interaction;
  document.addEventListener('click', (event) => active.onDocumentClick(event), { signal });
  document.addEventListener('keydown', (event) => active.onDocumentKeydown(event), { signal });
  const findings = [...document.querySelectorAll('p')].map((p, i) =>
    anchored(p, i === 0 ? BRAIN : RARE, i === 0 ? 'delivers-into-brain' : 'side-effects-rare', {
      key: String(i),
    }),
  );
  runSteps(layer.renderSteps(findings));
  return { interaction, layer, ui, opened, closed };
}

const button = (index: number) => markerButton(ownMarkers()[index] as HTMLElement) as HTMLButtonElement;
/** Clicks the page at the second paragraph's sentence. */
function clickOnRare(event = new MouseEvent('click', { bubbles: true, clientX: 5, clientY: 5 })) {
  const text = document.querySelector('#b')?.firstChild as Text;
  restorePoint = pointAt(document, text, 3);
  document.querySelector('#b')?.dispatchEvent(event);
}

describe('createNoteInteraction from markers', () => {
  it('opens the note on a marker click with focus in the card, and on focus without', () => {
    const t = setup();
    button(0).click();
    expect(t.opened).toHaveLength(1);
    expect(t.opened[0]).toMatchObject({
      note: notes.get('delivers-into-brain'),
      quote: BRAIN,
      index: 0,
      marker: ownMarkers()[0],
      focus: true,
    });
    button(1).focus();
    expect(t.opened.at(-1)).toMatchObject({ index: 1, focus: false });
  });

  it('does not reopen a card while focus returns to its marker, and closes on Escape', () => {
    const t = setup();
    t.ui.returningFocus = true;
    button(0).focus();
    expect(t.opened).toEqual([]);
    button(0).dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(t.closed).toEqual([false]);
  });

  it('ignores forged clicks, focus and keys on markers and on the page', () => {
    const t = setup();
    button(0).dispatchEvent(untrusted(new MouseEvent('click', { bubbles: true, composed: true })));
    button(0).dispatchEvent(untrusted(new FocusEvent('focus')));
    clickOnRare(untrusted(new MouseEvent('click', { bubbles: true, clientX: 5, clientY: 5 })));
    expect(t.opened).toEqual([]);
    button(0).click();
    document.dispatchEvent(untrusted(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    button(0).dispatchEvent(untrusted(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(t.closed).toEqual([]);
    expect(t.ui.openIndex).toBe(0);
  });
});

describe('createNoteInteraction from the page', () => {
  it('opens the note of a highlighted sentence clicked, and closes it on a click elsewhere', () => {
    const t = setup();
    clickOnRare();
    expect(t.opened).toHaveLength(1);
    expect(t.opened[0]).toMatchObject({ index: 1, quote: RARE, focus: false });
    restorePoint();
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(t.closed).toEqual([false]);
  });

  it('leaves clicks inside its own card and markers alone', () => {
    const t = setup();
    button(0).click();
    t.ui.host?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    ownMarkers()[1]?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(t.closed).toEqual([]);
  });

  it('opens nothing from a sentence without highlights, where it does not look clickable', () => {
    highlighted = false;
    const t = setup();
    clickOnRare();
    expect(t.opened).toEqual([]);
    expect(t.closed).toEqual([false]);
  });

  it('does nothing while the notes are not shown', () => {
    const t = setup();
    showing = false;
    clickOnRare();
    expect(t.opened).toEqual([]);
    expect(t.closed).toEqual([]);
  });

  it('closes an open card on Escape, returning focus when it was inside the card', () => {
    const t = setup();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(t.closed).toEqual([]);
    button(0).click();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(t.closed).toEqual([false]);
    const inCard = document.createElement('button');
    t.ui.host?.append(inCard);
    button(0).click();
    inCard.focus();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(t.closed).toEqual([false, true]);
  });
});

describe('createNoteInteraction reveal (popup "show me")', () => {
  it('scrolls to the marker and opens its note with focus', () => {
    const t = setup();
    const scrolled: unknown[] = [];
    const marker = ownMarkers()[1] as HTMLElement;
    marker.scrollIntoView = (options) => scrolled.push(options);
    expect(t.interaction.reveal(1)).toBe(true);
    expect(scrolled).toEqual([{ block: 'center', behavior: 'smooth' }]);
    expect(t.opened.at(-1)).toMatchObject({ index: 1, marker, focus: true });
    expect(t.interaction.reveal(7)).toBe(false);
  });

  it('reveals nothing the reader cannot see, nor anything while notes are hidden', () => {
    visible = (range) => !range.toString().includes('rare');
    const t = setup();
    expect(t.interaction.reveal(1)).toBe(false);
    expect(ownMarkers()).toHaveLength(1);
    showing = false;
    expect(t.interaction.reveal(0)).toBe(false);
    expect(t.opened).toEqual([]);
  });

  it('places the marker of a finding the cap left unmarked', () => {
    const count = MAX_MARKERS + 5;
    const t = setup(
      Array.from({ length: count }, (_, i) => `<p id="p${i}">${i === 0 ? BRAIN : RARE}</p>`).join(''),
    );
    expect(ownMarkers()).toHaveLength(MAX_MARKERS);
    expect(t.interaction.reveal(count - 1)).toBe(true);
    expect(ownMarkers()).toHaveLength(MAX_MARKERS + 1);
    expect(t.opened.at(-1)).toMatchObject({ index: count - 1, quote: RARE });
  });
});
