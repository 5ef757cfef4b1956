// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { rangeBetween } from '../../lib/page/anchor';
import { MAX_BLOCK_CHARS } from '../../lib/page/block-pass';
import { MAX_HIDDEN_KEPT } from '../../lib/page/block-record';
import { markOwnElement } from '../../lib/page/own-elements';
import type { AnchoredFinding } from '../../lib/page/page-document';
import { mount } from './mount';
import {
  countingDocument,
  finish,
  freshFindings,
  fullScan,
  summary,
  watchChanges,
} from './page-document-harness';

const BRAIN = 'An intrathecal pump delivers pain medicine directly into the brain.';
const RARE = 'Side effects from intrathecal pumps are rare.';
const TOPIC = 'I have an intrathecal pump.';
const OTHER_TOPIC = 'I have an insulin pump.';
const BARE_RARE = 'Side effects from the pump are rare.';
const REFILL = 'The pump never needs a refill.';
const NEUTRAL = 'We planted tomatoes along the fence.';

const quotes = (found: readonly AnchoredFinding[]) => found.map((item) => item.finding.quote);
let watcher: ReturnType<typeof watchChanges> | null = null;
afterEach(() => {
  watcher?.stop();
  watcher = null;
});

/** Mounts `markup`, makes a page document, runs its first pass and starts recording changes. */
function start(markup: string) {
  mount(markup);
  const doc = countingDocument();
  const first = doc.update();
  doc.matched();
  doc.asked();
  watcher = watchChanges();
  const recorded = watcher;
  /** Hands the recorded changes to the document and runs a pass. */
  const pass = () => {
    doc.page.markChanged(recorded.take());
    return doc.update();
  };
  return { ...doc, first, pass };
}

/** Expects a pass to give what a fresh document and a whole-page scan give. */
function expectFull(found: readonly AnchoredFinding[]) {
  expect(summary(found)).toEqual(summary(freshFindings()));
  expect(found.map((item) => item.finding)).toEqual(fullScan());
}

describe('createPageDocument', () => {
  it('finds what a whole-page extraction and scan find, with the same offsets', () => {
    const { first } = start(
      `<h1>Notes</h1><div>Intro. ${BRAIN}<p>${RARE}</p>Outro.<br>${REFILL}</div><ul><li>${NEUTRAL}</li></ul>`,
    );
    expect(quotes(first)).toEqual([BRAIN, RARE, REFILL]);
    expectFull(first);
  });

  it('walks and matches only the edited paragraph of a long page', () => {
    const paragraphs = Array.from({ length: 200 }, (_, i) => `<p>${i % 10 === 0 ? RARE : NEUTRAL}</p>`);
    const doc = start(`<main>${paragraphs.join('')}</main>`);
    const target = document.querySelectorAll('p')[101] as HTMLElement;
    (target.firstChild as Text).data = BRAIN;
    const found = doc.pass();
    // The edited paragraph, and the next one, since "it" may now refer to the pump named.
    expect(doc.matched()).toEqual([BRAIN, NEUTRAL]);
    // No element asked whether it is hidden: the text node's paragraph is walked again alone.
    expect(doc.asked()).toBe(0);
    expect(quotes(found).filter((quote) => quote === BRAIN)).toHaveLength(1);
    expectFull(found);
  });

  it('walks only the paragraph whose children changed, not the container listing it', () => {
    const paragraphs = Array.from({ length: 200 }, () => `<p>${NEUTRAL}</p>`);
    const doc = start(`<main>${paragraphs.join('')}</main>`);
    const target = document.querySelectorAll('p')[150] as HTMLElement;
    target.append(' ', RARE);
    const found = doc.pass();
    expect(quotes(found)).toEqual([RARE]);
    // Only whether the paragraph is still visible is asked, not its 199 siblings.
    expect(doc.asked()).toBe(1);
    target.hidden = true;
    expect(doc.pass()).toEqual([]);
    expectFull(doc.update());
  });

  it('rematches forward from an edit until the topic it carries is what it was', () => {
    const doc = start(
      `<p>${TOPIC}</p><p>${NEUTRAL}</p><p>${BARE_RARE}</p><p>${NEUTRAL} Again.</p><p>${TOPIC}</p><p>${BARE_RARE}</p>`,
    );
    expect(quotes(doc.first)).toEqual([BARE_RARE, BARE_RARE]);
    (document.querySelector('p')?.firstChild as Text).data = OTHER_TOPIC;
    const found = doc.pass();
    // The insulin pump is the topic now: "the pump" of the third paragraph is not intrathecal,
    // and matching stops at the fifth, which names the intrathecal pump again.
    expect(doc.matched()).toEqual([OTHER_TOPIC, NEUTRAL, BARE_RARE, `${NEUTRAL} Again.`, TOPIC]);
    expect(quotes(found)).toEqual([BARE_RARE]);
    expectFull(found);
  });

  it("keeps a finding's key when the same sentence is added elsewhere on the page", () => {
    const doc = start(`<article><p>${NEUTRAL}</p><p>${RARE}</p></article><aside></aside>`);
    const [before] = doc.first;
    const quote = document.createElement('p');
    quote.textContent = RARE;
    document.querySelector('article')?.prepend(quote);
    const found = doc.pass();
    expect(found).toHaveLength(2);
    expect(found[1]?.key).toBe(before?.key);
    expect(found[0]?.key).not.toBe(before?.key);
    expect(found[1]?.selector).toEqual({ claimId: 'side-effects-rare', exact: RARE, prefix: '', suffix: '' });
    expectFull(found);
  });

  it('tells equal sentences of one paragraph apart by their context, then by their order', () => {
    const { first } = start(`<p>First. ${RARE} Second. ${RARE}</p><p>${RARE}<br>${RARE}</p>`);
    expect(new Set(first.map((item) => item.key)).size).toBe(4);
    expect(first[0]?.selector.prefix).toBe('First. ');
    expect(first[1]?.selector.prefix).toBe(`${RARE} Second. `.slice(-32));
  });

  it('keeps keys when another paragraph changes', () => {
    const doc = start(`<p>Posted 3 minutes ago.</p><p>${RARE}</p>`);
    (document.querySelector('p')?.firstChild as Text).data = 'Posted 4 minutes ago.';
    expect(doc.pass().map((item) => item.key)).toEqual(doc.first.map((item) => item.key));
  });

  it('drops the findings of a removed block and finds those of an added one with many blocks', () => {
    const doc = start(`<section><p>${BRAIN}</p><p>${RARE}</p></section>`);
    document.querySelector('p')?.remove();
    expect(quotes(doc.pass())).toEqual([RARE]);
    const list = document.createElement('div');
    list.innerHTML = `<ul><li>${NEUTRAL}</li><li>${REFILL}</li></ul><div><p>${BRAIN}</p></div>`;
    document.querySelector('section')?.append(list);
    const found = doc.pass();
    expect(quotes(found)).toEqual([RARE, REFILL, BRAIN]);
    expectFull(found);
  });

  it('follows a block moved to another place', () => {
    const doc = start(`<div id="a"><p>${TOPIC}</p></div><div id="b"><p>${BARE_RARE}</p></div>`);
    const moved = document.querySelector('#b p') as Element;
    document.querySelector('#a')?.before(moved);
    const found = doc.pass();
    // Before the intrathecal pump is named, "the pump" is still taken as intrathecal.
    expect(quotes(found)).toEqual([BARE_RARE]);
    expect(found[0]?.finding.start).toBe(0);
    expectFull(found);
  });

  it('hides and shows text when a hidden attribute or a details element toggles', () => {
    const doc = start(`<div><p>${BRAIN}</p><section><p>${RARE}</p></section></div>`);
    document.querySelector('section')?.setAttribute('hidden', '');
    expect(quotes(doc.pass())).toEqual([BRAIN]);
    document.querySelector('section')?.removeAttribute('hidden');
    expect(quotes(doc.pass())).toEqual([BRAIN, RARE]);
    const span = document.createElement('span');
    span.hidden = true;
    span.textContent = REFILL;
    document.querySelector('div p')?.append(' ', span);
    expect(quotes(doc.pass())).toEqual([BRAIN, RARE]);
    span.hidden = false;
    const found = doc.pass();
    expect(quotes(found)).toEqual([BRAIN, REFILL, RARE]);
    expectFull(found);
  });

  it('finds text shown by a style change (not recorded) once asked which hidden elements show now', () => {
    const doc = start(
      `<div><p>${BRAIN} <span style="display:none">${REFILL}</span></p>` +
        `<section style="display:none"><p>${RARE}</p></section><aside style="display:none"><p>${NEUTRAL}</p></aside></div>`,
    );
    expect(quotes(doc.first)).toEqual([BRAIN]);
    expect(finish(doc.page.shownSteps())).toEqual([]);
    for (const element of document.querySelectorAll('span, section')) element.removeAttribute('style');
    // The watcher does not record style: without asking, the text stays as walked.
    expect(quotes(doc.pass())).toEqual([BRAIN]);
    const shown = finish(doc.page.shownSteps());
    expect(shown.map((element) => element.localName).sort()).toEqual(['section', 'span']);
    doc.page.markChanged(shown);
    const found = doc.update();
    expect(quotes(found)).toEqual([BRAIN, REFILL, RARE]);
    expectFull(found);
    // Asked once: the aside, still hidden, is all that is left to ask about.
    expect(doc.page.hasHidden()).toBe(true);
    expect(finish(doc.page.shownSteps())).toEqual([]);
    document.querySelector('aside')?.remove();
    expect(finish(doc.page.shownSteps())).toEqual([]);
    expect(doc.page.hasHidden()).toBe(false);
  });

  it('keeps at most MAX_HIDDEN_KEPT hidden elements to ask about', () => {
    const hidden = Array.from({ length: MAX_HIDDEN_KEPT + 10 }, () => '<p style="display:none">x</p>').join(
      '',
    );
    const doc = start(`<div>${hidden}<p>${BRAIN}</p></div>`);
    for (const element of document.querySelectorAll('p')) element.removeAttribute('style');
    expect(finish(doc.page.shownSteps())).toHaveLength(MAX_HIDDEN_KEPT);
  });

  it('starts afresh when the page replaces its body', () => {
    const doc = countingDocument(() => document.body);
    mount(`<p>${BRAIN}</p>`);
    expect(quotes(doc.update())).toEqual([BRAIN]);
    const body = document.createElement('body');
    body.innerHTML = `<p>${RARE}</p>`;
    document.documentElement.replaceChild(body, document.body);
    doc.page.markChanged([document.documentElement, body]);
    expect(quotes(doc.update())).toEqual([RARE]);
  });

  it('ignores disconnected nodes', () => {
    const doc = start(`<p>${BRAIN}</p><p>${RARE}</p>`);
    const removed = document.querySelectorAll('p')[1] as Element;
    removed.remove();
    watcher?.discard();
    // Nothing to do for them (nor any error): it is their old parent that the watcher reports.
    doc.page.markChanged([removed, removed.firstChild as Node]);
    doc.update();
    expect(doc.matched()).toEqual([]);
    doc.page.markChanged([document.body]);
    expect(quotes(doc.update())).toEqual([BRAIN]);
  });

  it('rewalks everything on markAllChanged but matches no unchanged run again', () => {
    const doc = start(`<p>${BRAIN}</p><p>${NEUTRAL}</p><p>${RARE}</p>`);
    watcher?.stop();
    (document.querySelectorAll('p')[1]?.firstChild as Text).data = REFILL;
    doc.page.markAllChanged();
    const found = doc.update();
    // The edited run, and the next one, which follows another state now.
    expect(doc.matched()).toEqual([REFILL, RARE]);
    expect(quotes(found)).toEqual([BRAIN, REFILL, RARE]);
  });

  it('anchors findings in text nodes split by its own markers since the last pass', () => {
    const doc = start(`<p>${BRAIN} ${RARE}</p>`);
    // As the controller places markers: split at each finding's end, unobserved.
    for (const item of [...doc.first].reverse()) {
      const end = item.end;
      if (end === null) continue;
      const marker = document.createElement('span');
      markOwnElement(marker);
      marker.textContent = '[?]';
      end.node.splitText(end.offset);
      end.node.after(marker);
    }
    watcher?.discard();
    const found = doc.update();
    expect(doc.matched()).toEqual([]);
    for (const item of found) {
      const range = item.start && item.end ? rangeBetween(document, item.start, item.end) : null;
      expect(range?.toString()).toBe(item.finding.quote);
    }
    expect(found.map((item) => item.key)).toEqual(doc.first.map((item) => item.key));
  });

  it('never matches an oversized run, and the topic passes over it', () => {
    const blob = `x${'y'.repeat(MAX_BLOCK_CHARS)} ${RARE}`;
    const doc = start(
      `<p>${TOPIC}</p><p><span>${blob.slice(0, 60_000)}</span><span>${blob.slice(60_000)}</span></p><p>${BARE_RARE}</p>`,
    );
    expect(quotes(doc.first)).toEqual([BARE_RARE]);
    (document.querySelector('p')?.firstChild as Text).data = OTHER_TOPIC;
    expect(doc.pass()).toEqual([]);
    expect(doc.matched()).toEqual([OTHER_TOPIC, BARE_RARE]);
  });
});
