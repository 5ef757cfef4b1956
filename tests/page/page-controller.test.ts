// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createMatcher } from '../../lib/matching/matcher';
import type { FindingSummary } from '../../lib/messaging/messages';
import { markerButton } from '../../lib/page/markers';
import { PageController } from '../../lib/page/page-controller';
import { ownShadowRoot } from '../../lib/page/shadow-host';
import type { TestProbeState } from '../../lib/page/test-probe';
import { useEnglishMessages } from '../ui/english';
import { mount } from './mount';
import {
  layerHost,
  layerRoot,
  markerData,
  ownMarkers,
  recordProbeStates,
  trustEventsByDefault,
  untrusted,
} from './own-ui';
import { testBundle } from './test-bundle';
import { testNotes as notes, testControllerOptions } from './test-controller';
import { virtualClock } from './virtual-clock';

const matcher = createMatcher(testBundle.index);

const BRAIN = 'An intrathecal pump delivers pain medicine directly into the brain.';
const RARE = 'Side effects from intrathecal pumps are rare.';
const CANCER = 'Intrathecal pumps can cure cancer by delivering medicine right where it is needed.';

function setup() {
  const reports: FindingSummary[][] = [];
  const clock = virtualClock();
  // A copy per test, so the spy counts this test's matching only.
  const pageMatcher = { ...matcher };
  const scan = vi.spyOn(pageMatcher, 'scanBlock');
  const controller = new PageController(
    testControllerOptions(clock, {
      matcher: pageMatcher,
      createVisibilityTest: () => (range) => visible(range),
      report: (_url, count, findings) => {
        expect(count).toBe(findings.length);
        reports.push(findings);
      },
    }),
  );
  return { controller, reports, scan, invalidate: clock.invalidate, clock };
}

const host = layerHost;
const markers = ownMarkers;
/** What the injected visibility test says; happy-dom has no layout, so tests decide. */
let visible: (range: Range) => boolean = () => true;
let probe: TestProbeState[] = [];
trustEventsByDefault();

/** Runs the clock until nothing is left to run, then checks `condition`. */
async function settled(condition: () => boolean, what: string): Promise<void> {
  await current?.clock.runUntilIdle();
  if (!condition()) throw new Error(`not true once idle: ${what}`);
}
/** Runs the clock until nothing is left that could still act. */
const idle = async () => current?.clock.runUntilIdle();
/** Passes started so far: each publishes a scanning state first. */
const passes = () => probe.filter((state) => state.scanning).length;
const idleWith = (count: number) => () => {
  const last = probe.at(-1);
  return last !== undefined && !last.scanning && last.active && last.findings === count;
};

let current: ReturnType<typeof setup> | null = null;
beforeEach(() => {
  fakeBrowser.reset();
  useEnglishMessages();
  layerHost()?.remove();
  visible = () => true;
  probe = recordProbeStates();
});
afterEach(() => {
  current?.invalidate();
  current = null;
});

describe('PageController on a page without relevant words', () => {
  it('creates no UI, matches nothing and reports nothing', async () => {
    mount('<article><h1>Growing tomatoes</h1><p>Water tomatoes deeply twice a week in summer.</p></article>');
    current = setup();
    current.controller.start(false);
    await idle();
    expect(current.controller.currentMode).toBe('dormant');
    expect(host()).toBeNull();
    expect(current.scan).not.toHaveBeenCalled();
    expect(current.reports).toEqual([]);
  });

  it('stays dormant on a page that only mentions pumpkins, breast pumps and gas pumps', async () => {
    mount(
      '<article><h1>Autumn errands</h1><p>We carved a pumpkin, and the pumpkin soup was pumped full of spice.</p>' +
        '<p>My breast pump needs new valves; the pump hurts less with the right flange size, so less pain.</p>' +
        '<p>Gas pump prices rose again. The pump at the corner station takes cards only.</p></article>',
    );
    current = setup();
    current.controller.start(false);
    await idle();
    expect(current.controller.currentMode).toBe('dormant');
    expect(current.scan).not.toHaveBeenCalled();
  });

  it('checks a huge page in chunks and still finds relevant words at the very end', async () => {
    const filler = 'tomatoes compost mulch '.repeat(30_000);
    mount(`<div>${filler}</div><p>${RARE}</p>`);
    current = setup();
    current.controller.start(false);
    expect(current.controller.currentMode).toBe('dormant');
    await settled(idleWith(1), 'the claim after 690,000 characters');
  });

  it("trusts the content script's check when told the page is relevant, and scans at once", async () => {
    mount('<article><h1>Growing tomatoes</h1><p>Water tomatoes deeply twice a week in summer.</p></article>');
    current = setup();
    current.controller.start(false, true);
    expect(current.controller.currentMode).toBe('active');
    await settled(idleWith(0), 'a pass with no findings');
    expect(current.scan).toHaveBeenCalled();
  });

  it('wakes up when relevant text is added later (infinite scroll) and scans it', async () => {
    mount('<main><p>A page about gardening.</p></main>');
    current = setup();
    current.controller.start(false);
    const paragraph = document.createElement('p');
    paragraph.textContent = RARE;
    document.querySelector('main')?.append(paragraph);
    await settled(idleWith(1), 'a finding after the late paragraph');
    expect(current.controller.currentMode).toBe('active');
    expect(markers()).toHaveLength(1);
  });
});

describe('PageController on a page with claims', () => {
  const page = `<article><h1>My pump story</h1><p>Intro text. ${BRAIN} More text.</p><p>${RARE}</p>
    <p>An intrathecal pump delivers medication into the fluid around the spinal cord.</p></article>`;

  it('marks each matched sentence with a marker right after it and reports the findings', async () => {
    mount(page);
    current = setup();
    current.controller.start(false);
    await settled(idleWith(2), 'two findings');
    const [first, second] = markers();
    expect(markerData(first as Element, 'claim-id')).toBe('delivers-into-brain');
    expect(markerData(first as Element, 'verdict')).toBe('false');
    expect(markerData(first as Element, 'finding')).toBe('0');
    expect(markerData(second as Element, 'finding')).toBe('1');
    expect(first?.previousSibling?.textContent?.endsWith(BRAIN)).toBe(true);
    // The page text itself is unchanged apart from the marker.
    // The page's text is unchanged: the marker's text lives in its shadow root.
    expect(document.querySelector('article p')?.textContent).toBe(`Intro text. ${BRAIN} More text.`);
    const button = first ? markerButton(first) : null;
    expect(button?.getAttribute('aria-label')).toBe('Claimnote: false, show note');
    expect(current.reports.at(-1)?.map((f) => f.claimId)).toEqual([
      'delivers-into-brain',
      'side-effects-rare',
    ]);
  });

  it('reports its first pass as scanning until its findings are shown', async () => {
    mount(page);
    current = setup();
    current.controller.start(false);
    await settled(idleWith(2), 'two findings');
    // A harness waiting for "idle" must not take the start of the first pass for its end.
    const active = probe.filter((state) => state.active);
    expect(active[0]?.scanning).toBe(true);
    expect(active.filter((state) => !state.scanning).map((state) => state.findings)).toEqual([2]);
  });

  it('scans added content incrementally, keeps existing markers, and ignores its own DOM changes', async () => {
    mount(page);
    current = setup();
    current.controller.start(false);
    await settled(idleWith(2), 'two findings');
    const before = markers();
    const passed = passes();
    // Markers were inserted by the controller itself: no further pass may follow from that.
    await idle();
    expect(passes()).toBe(passed);

    const added = document.createElement('p');
    added.textContent = CANCER;
    document.querySelector('article')?.append(added);
    await settled(idleWith(3), 'three findings');
    const after = markers();
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toBe(before[1]);
    expect(markerData(after[2] as Element, 'claim-id')).toBe('treats-cancer');
  });

  it('does not rescan for changes that cannot alter the text (ad images, scripts, empty boxes)', async () => {
    mount(page);
    current = setup();
    current.controller.start(false);
    await settled(idleWith(2), 'two findings');
    const passed = passes();
    const slot = document.createElement('div');
    slot.append(document.createElement('img'));
    document.body.append(slot, document.createElement('script'));
    await idle();
    expect(passes()).toBe(passed);
  });

  it('scans text revealed by removing a hidden attribute ("read more")', async () => {
    mount(`${page}<section hidden><p>${CANCER}</p></section>`);
    current = setup();
    current.controller.start(false);
    await settled(idleWith(2), 'two findings');
    document.querySelector('section')?.removeAttribute('hidden');
    await settled(idleWith(3), 'the revealed claim');
  });

  it('scans text a click shows by a style or class change, which no mutation it watches records', async () => {
    mount(`${page}<section style="display:none"><p>${CANCER}</p></section>`);
    current = setup();
    current.controller.start(false);
    await settled(idleWith(2), 'two findings');
    const section = document.querySelector('section') as HTMLElement;
    section.removeAttribute('style');
    await idle();
    expect(probe.at(-1)?.findings).toBe(2);
    section.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settled(idleWith(3), 'the shown claim');
  });

  it('caps markers on a page full of claims, keeping one per claim, and marks others on demand', async () => {
    const repeated = Array.from({ length: 320 }, () => `<p>${RARE}</p>`).join('');
    mount(`<article>${repeated}<p>${CANCER}</p></article>`);
    current = setup();
    current.controller.start(false);
    await settled(idleWith(321), '321 findings');
    expect(markers()).toHaveLength(300);
    expect(new Set(markers().map((m) => markerData(m, 'claim-id')))).toEqual(
      new Set(['side-effects-rare', 'treats-cancer']),
    );
    expect(current.controller.reveal(310)).toBe(true);
    expect(markers()).toHaveLength(301);
    expect(ownMarkers(document.querySelectorAll('article p')[310] as Element)).toHaveLength(1);
  });

  it('gives text the reader cannot see no marker and no UI, counts it, and marks it once it shows', async () => {
    mount(page);
    visible = (range) => !range.toString().includes('rare');
    current = setup();
    current.controller.start(false);
    await settled(idleWith(2), 'two findings');
    expect(markers().map((m) => markerData(m, 'claim-id'))).toEqual(['delivers-into-brain']);
    expect(probe.at(-1)?.markers).toBe(1);
    // The popup cannot reveal it either: its marker would tell the page about hidden text.
    expect(current.controller.reveal(1)).toBe(false);
    expect(markers()).toHaveLength(1);
    visible = () => true;
    // A fade-in ending (no DOM mutation) makes the controller look again.
    document.body.dispatchEvent(new Event('transitionend', { bubbles: true }));
    await settled(() => markers().length === 2, 'the second marker once visible');
    expect(probe.at(-1)?.markers).toBe(2);
  });

  it('ignores forged clicks and keys: no note opens, an open one stays open', async () => {
    mount(page);
    current = setup();
    current.controller.start(false);
    await settled(idleWith(2), 'two findings');
    const button = markerButton(markers()[0] as HTMLElement) as HTMLButtonElement;
    button.dispatchEvent(untrusted(new MouseEvent('click', { bubbles: true, composed: true })));
    button.dispatchEvent(untrusted(new FocusEvent('focus')));
    document.body.dispatchEvent(
      untrusted(new MouseEvent('click', { bubbles: true, clientX: 5, clientY: 5 })),
    );
    expect(layerHost()).toBeNull();
    button.click();
    expect(layerRoot()?.querySelector('[data-claimnote="note-card"]')).not.toBeNull();
    document.dispatchEvent(untrusted(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    button.dispatchEvent(untrusted(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(layerRoot()?.querySelector('[data-claimnote="note-card"]')).not.toBeNull();
  });

  it('removes the marker of a sentence that disappears', async () => {
    mount(page);
    current = setup();
    current.controller.start(false);
    await settled(idleWith(2), 'two findings');
    document.querySelectorAll('article p')[1]?.remove();
    await settled(idleWith(1), 'one finding');
    expect(markers().map((m) => markerData(m, 'claim-id'))).toEqual(['delivers-into-brain']);
  });

  it('opens the note card from a marker click and closes it with Escape, returning focus', async () => {
    mount(page);
    current = setup();
    current.controller.start(false);
    await settled(idleWith(2), 'two findings');
    const marker = markers()[0] as HTMLElement;
    const button = markerButton(marker) as HTMLButtonElement;
    button.click();
    const card = layerRoot()?.querySelector<HTMLElement>('[data-claimnote="note-card"]');
    expect(card?.getAttribute('role')).toBe('dialog');
    expect(card?.querySelector('[data-claimnote="correction"]')?.textContent).toBe(
      notes.get('delivers-into-brain')?.correction,
    );
    card?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(layerRoot()?.querySelector('[data-claimnote="note-card"]')).toBeNull();
    expect(ownShadowRoot(marker)?.activeElement).toBe(button);
  });

  it('reveals a finding by index (popup) by opening its note', async () => {
    mount(page);
    current = setup();
    current.controller.start(false);
    await settled(idleWith(2), 'two findings');
    expect(current.controller.reveal(1)).toBe(true);
    const card = layerRoot()?.querySelector('[data-claimnote="note-card"]');
    expect(card?.getAttribute('data-claim-id')).toBe('side-effects-rare');
    expect(current.controller.reveal(7)).toBe(false);
  });

  it('hides and shows the notes on request, still counting findings', async () => {
    mount(page);
    current = setup();
    current.controller.start(false);
    await settled(idleWith(2), 'two findings');
    current.controller.setHidden(true);
    expect(markers()).toHaveLength(0);
    expect(current.controller.getState()).toMatchObject({ hidden: true, active: true });
    expect(current.controller.getState().findings).toHaveLength(2);
    current.controller.setHidden(false);
    await settled(() => markers().length === 2, 'markers back');
  });

  it('removes everything and reports no findings when the site is paused, and resumes', async () => {
    mount(page);
    current = setup();
    current.controller.start(false);
    await settled(idleWith(2), 'two findings');
    current.controller.setPaused(true);
    expect(host()).toBeNull();
    expect(markers()).toHaveLength(0);
    expect(current.reports.at(-1)).toEqual([]);
    expect(current.controller.getState()).toMatchObject({ paused: true, findings: [] });
    current.controller.setPaused(false);
    await settled(idleWith(2), 'findings after resume');
  });

  it('does nothing on a paused site', async () => {
    mount(page);
    current = setup();
    current.controller.start(true);
    await idle();
    expect(host()).toBeNull();
    expect(current.scan).not.toHaveBeenCalled();
  });

  it('ends every listener, timer and pass of the active mode when paused, mid-pass', async () => {
    mount(page);
    current = setup();
    const { clock, controller, scan } = current;
    controller.start(true);
    await idle();
    // Paused from the start: only what lives as long as the content script is registered.
    const atRest = clock.listeners();
    controller.setPaused(false);
    await settled(idleWith(2), 'two findings');
    expect(clock.listeners()).toBeGreaterThan(atRest);
    const added = document.createElement('p');
    added.textContent = CANCER;
    document.querySelector('article')?.append(added);
    // The flush (5 ms) starts a pass; pause before its slices end.
    await clock.advanceBy(5);
    const passes = scan.mock.calls.length;
    expect(clock.pending().slices).toBeGreaterThan(0);
    controller.setPaused(true);
    expect(clock.pending()).toEqual({ timeouts: 0, slices: 0 });
    expect(clock.listeners()).toBe(atRest);
    added.append(' More text about intrathecal pumps.');
    await idle();
    expect(scan.mock.calls.length).toBe(passes);
    expect(probe.at(-1)?.findings).not.toBe(3);
    expect(markers()).toHaveLength(0);
  });

  it('stops watching a dormant page when paused, so relevant text added then does not wake it', async () => {
    mount('<main><p>A page about gardening.</p></main>');
    current = setup();
    current.controller.start(false);
    current.controller.setPaused(true);
    const paragraph = document.createElement('p');
    paragraph.textContent = RARE;
    document.querySelector('main')?.append(paragraph);
    await idle();
    expect(current.controller.currentMode).toBe('paused');
    expect(host()).toBeNull();
    current.controller.setPaused(false);
    await settled(idleWith(1), 'the finding after resuming');
  });

  it('cleans up everything when the content script is invalidated', async () => {
    mount(page);
    current = setup();
    current.controller.start(false);
    await settled(idleWith(2), 'two findings');
    const { clock } = current;
    current.invalidate();
    current = null;
    expect(host()).toBeNull();
    expect(markers()).toHaveLength(0);
    const added = document.createElement('p');
    added.textContent = CANCER;
    document.body.append(added);
    await clock.runUntilIdle();
    expect(markers()).toHaveLength(0);
  });
});
