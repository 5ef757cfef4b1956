// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_MARKERS } from '../../lib/page/marker-cap';
import type { AnchoredFinding } from '../../lib/page/page-document';
import { mount } from './mount';
import { markerData, ownMarkers } from './own-ui';
import { anchored, recordingLayer, runSteps } from './rendered-findings';

const BRAIN = 'A pump delivers medicine into the brain.';
const RARE = 'Side effects are rare.';
const CANCER = 'Pumps cure cancer.';

/** What the injected visibility test says; happy-dom has no layout, so tests decide. */
let visible: (range: Range) => boolean = () => true;
/** Hides the sentences reading `text`. */
const hide = (text: string) => (range: Range) => range.toString() !== text;
let hidden = false;

function setup() {
  let writes = 0;
  // Every write must go through withoutObserving: this observer sees what slips past it.
  const observer = new MutationObserver(() => undefined);
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  const recording = recordingLayer({
    visible: (range) => visible(range),
    hidden: () => hidden,
    withoutObserving: (write) => {
      writes += 1;
      write();
      observer.takeRecords();
    },
  });
  return {
    ...recording,
    /** DOM changes made outside withoutObserving. */
    unobservedChanges: () => observer.takeRecords(),
    get writes() {
      return writes;
    },
  };
}

const claimsOfMarkers = () => ownMarkers().map((marker) => markerData(marker, 'claim-id'));

beforeEach(() => {
  visible = () => true;
  hidden = false;
});

function page(): AnchoredFinding[] {
  mount(`<p id="a">Intro. ${BRAIN} More.</p><p id="b">${RARE}</p>`);
  return [
    anchored(document.querySelector('#a') as Element, BRAIN, 'delivers-into-brain'),
    anchored(document.querySelector('#b') as Element, RARE, 'side-effects-rare', { verdict: 'misleading' }),
  ];
}

describe('createFindingLayer renderSteps', () => {
  it('puts a marker right after each visible sentence and paints them, writing only unobserved', () => {
    const findings = page();
    const t = setup();
    runSteps(t.layer.renderSteps(findings));
    const [first, second] = ownMarkers();
    expect(first?.previousSibling?.textContent).toBe(`Intro. ${BRAIN}`);
    expect(first?.nextSibling?.textContent).toBe(' More.');
    expect(markerData(first as Element, 'finding')).toBe('0');
    expect(markerData(second as Element, 'verdict')).toBe('misleading');
    expect(markerData(second as Element, 'finding')).toBe('1');
    expect(t.painter.lastPaint()).toEqual([BRAIN, RARE]);
    expect(t.layer.rendered.map((item) => item.marker)).toEqual([first, second]);
    expect(t.unobservedChanges()).toEqual([]);
    expect(t.writes).toBeGreaterThan(0);
  });

  it('gives a sentence the reader cannot see no marker and no highlight, but counts it', () => {
    const findings = page();
    visible = hide(RARE);
    const t = setup();
    runSteps(t.layer.renderSteps(findings));
    expect(claimsOfMarkers()).toEqual(['delivers-into-brain']);
    expect(t.painter.lastPaint()).toEqual([BRAIN]);
    expect(t.layer.rendered).toHaveLength(2);
    expect(t.layer.hasDeferred()).toBe(true);
    // Nor can the popup have it marked: the marker would tell the page about hidden text.
    expect(t.layer.markerFor(1)).toBeNull();
    expect(ownMarkers()).toHaveLength(1);
  });

  it('marks and paints a deferred sentence once it shows, without a new render', () => {
    const findings = page();
    visible = hide(RARE);
    const t = setup();
    runSteps(t.layer.renderSteps(findings));
    expect(t.layer.revealNowVisible()).toBe(false);
    visible = () => true;
    expect(t.layer.revealNowVisible()).toBe(true);
    expect(claimsOfMarkers()).toEqual(['delivers-into-brain', 'side-effects-rare']);
    expect(t.painter.lastPaint()).toEqual([BRAIN, RARE]);
    expect(t.layer.hasDeferred()).toBe(false);
    expect(t.unobservedChanges()).toEqual([]);
  });

  it('keeps the markers of findings that persist, so focus and an open card survive a rescan', () => {
    const findings = page();
    const t = setup();
    runSteps(t.layer.renderSteps(findings));
    const before = ownMarkers();
    t.ui.openNote({
      note: {} as never,
      quote: RARE,
      index: 1,
      marker: before[1] as HTMLElement,
      focus: false,
    });
    // A new claim appears before both: the kept markers now stand for findings 1 and 2.
    const intro = document.createElement('p');
    intro.textContent = CANCER;
    document.body.prepend(intro);
    runSteps(t.layer.renderSteps([anchored(intro, CANCER, 'treats-cancer'), ...findings]));
    const after = ownMarkers();
    expect(after).toHaveLength(3);
    expect(after[1]).toBe(before[0]);
    expect(after[2]).toBe(before[1]);
    expect(markerData(after[2] as Element, 'finding')).toBe('2');
    expect(t.closed).toEqual([]);
    expect(t.unobservedChanges().filter((record) => record.target !== document.body)).toEqual([]);
  });

  it('removes the marker of a finding that is gone, and closes its card', () => {
    const findings = page();
    const t = setup();
    runSteps(t.layer.renderSteps(findings));
    const rare = ownMarkers()[1] as HTMLElement;
    t.ui.openNote({ note: {} as never, quote: RARE, index: 1, marker: rare, focus: false });
    runSteps(t.layer.renderSteps(findings.slice(0, 1)));
    expect(claimsOfMarkers()).toEqual(['delivers-into-brain']);
    expect(rare.isConnected).toBe(false);
    expect(t.closed).toEqual([false]);
  });

  it('treats a finding with a new key as new: its old marker goes, a new one is placed', () => {
    const findings = page();
    const t = setup();
    runSteps(t.layer.renderSteps(findings));
    const old = ownMarkers()[1];
    const renamed = { ...(findings[1] as AnchoredFinding), key: 'another' };
    runSteps(t.layer.renderSteps([findings[0] as AnchoredFinding, renamed]));
    expect(ownMarkers()).toHaveLength(2);
    expect(ownMarkers()[1]).not.toBe(old);
    expect(old?.isConnected).toBe(false);
  });

  it('records but does not show findings while the reader hides the notes', () => {
    const findings = page();
    hidden = true;
    const t = setup();
    runSteps(t.layer.renderSteps(findings));
    expect(ownMarkers()).toEqual([]);
    expect(t.painter.paints.filter((paint) => paint.length > 0)).toEqual([]);
    expect(t.layer.rendered).toHaveLength(2);
    expect(t.layer.markerFor(0)).toBeNull();
  });

  it('clears markers, highlight and card but keeps counting; forget drops the findings', () => {
    const findings = page();
    const t = setup();
    runSteps(t.layer.renderSteps(findings));
    t.layer.clear();
    expect(ownMarkers()).toEqual([]);
    expect(t.painter.clears).toBe(1);
    expect(t.closed).toEqual([false]);
    expect(t.layer.rendered).toHaveLength(2);
    expect(t.unobservedChanges()).toEqual([]);
    t.layer.forget();
    expect(t.layer.rendered).toEqual([]);
  });

  it('creates markers a few dozen per slicer step', () => {
    const count = 100;
    mount(Array.from({ length: count }, (_, i) => `<p id="p${i}">${RARE}</p>`).join(''));
    const findings = [...document.querySelectorAll('p')].map((p, i) => anchored(p, RARE, `claim-${i}`));
    const t = setup();
    const steps = t.layer.renderSteps(findings);
    // The visibility read comes first, in one step for this many sentences.
    expect(steps.next().done).toBe(false);
    expect(ownMarkers()).toHaveLength(0);
    const perStep: number[] = [];
    while (!steps.next().done) perStep.push(ownMarkers().length);
    expect(perStep).toEqual([25, 50, 75, 100]);
  });

  it('skips a marker whose shadow root the browser refuses, and places the others', () => {
    const findings = page();
    const attach = Element.prototype.attachShadow;
    let calls = 0;
    Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
      calls += 1;
      if (calls === 1) throw new Error('refused');
      return attach.call(this, init);
    };
    const errors = console.error;
    console.error = () => undefined;
    try {
      const t = setup();
      runSteps(t.layer.renderSteps(findings));
      expect(claimsOfMarkers()).toEqual(['side-effects-rare']);
      expect(t.painter.lastPaint()).toEqual([BRAIN, RARE]);
    } finally {
      Element.prototype.attachShadow = attach;
      console.error = errors;
    }
  });
});

describe('createFindingLayer marker cap', () => {
  function crowded(repeats: number) {
    mount(
      `<article>${Array.from({ length: repeats }, () => `<p>${RARE}</p>`).join('')}<p>${CANCER}</p></article>`,
    );
    const paragraphs = [...document.querySelectorAll('p')];
    return paragraphs.map((p, i) =>
      i < repeats
        ? anchored(p, RARE, 'side-effects-rare', { key: `rare:${i}` })
        : anchored(p, CANCER, 'treats-cancer'),
    );
  }

  it(`places ${MAX_MARKERS} markers at most, one for every claim, and the rest on demand`, () => {
    const findings = crowded(320);
    const t = setup();
    runSteps(t.layer.renderSteps(findings));
    expect(ownMarkers()).toHaveLength(MAX_MARKERS);
    expect(new Set(claimsOfMarkers())).toEqual(new Set(['side-effects-rare', 'treats-cancer']));
    expect(t.painter.lastPaint()).toHaveLength(321);
    const late = t.layer.markerFor(310);
    expect(late?.item.index).toBe(310);
    expect(ownMarkers()).toHaveLength(MAX_MARKERS + 1);
    expect(ownMarkers(document.querySelectorAll('p')[310] as Element)).toEqual([late?.marker]);
    expect(t.layer.markerFor(310)?.marker).toBe(late?.marker);
    expect(t.layer.markerFor(999)).toBeNull();
  });

  it('keeps the cap for sentences that show later, except for a claim without a marker', () => {
    const findings = crowded(320);
    // The first 300 sentences show; the last 20 of one claim and the only one of another wait.
    const paragraphs = [...document.querySelectorAll('p')];
    visible = (range) => paragraphs.indexOf(range.startContainer.parentElement as HTMLParagraphElement) < 300;
    const t = setup();
    runSteps(t.layer.renderSteps(findings));
    expect(ownMarkers()).toHaveLength(MAX_MARKERS);
    expect(claimsOfMarkers()).not.toContain('treats-cancer');
    visible = () => true;
    expect(t.layer.revealNowVisible()).toBe(true);
    expect(ownMarkers()).toHaveLength(MAX_MARKERS + 1);
    expect(claimsOfMarkers().at(-1)).toBe('treats-cancer');
    // All are highlighted now; the cap only limits markers.
    expect(t.painter.lastPaint()).toHaveLength(321);
  });
});
