// @vitest-environment happy-dom
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { offsetAt } from '../../lib/page/block-anchor';
import { extractText } from '../../lib/page/extract-text';
import { attributeHiddenPredicate } from '../../lib/page/hidden';
import { isOwnNode, markOwnElement } from '../../lib/page/own-elements';
import { mount } from './mount';
import { countingDocument, freshFindings, fullScan, summary, watchChanges } from './page-document-harness';

// Sentences written for this test: claims, sentences that set or change what "the pump" and
// "it" refer to, and neutral ones.
const SENTENCES = [
  'An intrathecal pump delivers pain medicine directly into the brain.',
  'Side effects from intrathecal pumps are rare.',
  'I have an intrathecal pump.',
  'I have an insulin pump.',
  'Side effects from the pump are rare.',
  'The pump never needs a refill.',
  'I take baclofen for spasms.',
  'It is a strong painkiller.',
  'We planted tomatoes along the fence.',
  'The weather was mild all week.',
];

const sentence = fc.constantFrom(...SENTENCES);
const sentences = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((list) => list.join(' '));

/** Markup of one block: paragraphs, lists, nested containers, breaks, inline splits, hidden parts. */
const block: fc.Arbitrary<string> = fc.letrec<{ block: string }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    sentences.map((text) => `<p>${text}</p>`),
    fc.tuple(sentences, sentences).map(([a, b]) => `<p>${a}<br>${b}</p>`),
    fc.tuple(sentence, sentence).map(([a, b]) => `<p><span>${a}</span> <em>${b}</em></p>`),
    fc
      .array(sentences, { minLength: 1, maxLength: 3 })
      .map((items) => `<ul>${items.map((t) => `<li>${t}</li>`).join('')}</ul>`),
    fc
      .tuple(sentences, fc.array(tie('block'), { maxLength: 3 }), sentences)
      .map(([before, inner, after]) => `<div>${before}${inner.join('')}${after}</div>`),
    tie('block').map((inner) => `<section hidden>${inner}</section>`),
    sentences.map((text) => `<blockquote>${text}<script>var x = 1;</script></blockquote>`),
  ),
})).block;

const page = fc.array(block, { minLength: 1, maxLength: 8 }).map((blocks) => blocks.join('\n'));

type Edit =
  | { op: 'text'; pick: number; text: string; append: boolean }
  | { op: 'insert'; pick: number; at: number; html: string }
  | { op: 'remove'; pick: number }
  | { op: 'move'; pick: number; to: number }
  | { op: 'hidden'; pick: number }
  | { op: 'split'; pick: number; at: number }
  | { op: 'textContent'; pick: number; text: string }
  | { op: 'marker'; pick: number }
  | { op: 'body'; html: string }
  | { op: 'all' };

const index = fc.nat({ max: 1000 });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('text' as const), pick: index, text: sentences, append: fc.boolean() }),
  fc.record({ op: fc.constant('insert' as const), pick: index, at: index, html: block }),
  fc.record({ op: fc.constant('remove' as const), pick: index }),
  fc.record({ op: fc.constant('move' as const), pick: index, to: index }),
  fc.record({ op: fc.constant('hidden' as const), pick: index }),
  fc.record({ op: fc.constant('split' as const), pick: index, at: index }),
  fc.record({ op: fc.constant('textContent' as const), pick: index, text: sentences }),
  fc.record({ op: fc.constant('marker' as const), pick: index }),
  fc.record({ op: fc.constant('body' as const), html: page }).filter(() => true),
  fc.constant({ op: 'all' as const }),
);

const elements = () => [...document.body.querySelectorAll('*')].filter((element) => !isOwnNode(element));
function textNodes(): Text[] {
  const found: Text[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3 && (node as Text).length > 0) found.push(node as Text);
    if (!isOwnNode(node)) node.childNodes.forEach(walk);
  };
  walk(document.body);
  return found;
}
const pickFrom = <T>(list: readonly T[], pick: number): T | undefined =>
  list[pick % Math.max(1, list.length)];

function fragment(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

/**
 * Applies one edit. Returns false for an edit Claimnote makes itself (a marker), whose
 * mutations the DOM watcher never reports.
 */
function apply(change: Edit): boolean {
  switch (change.op) {
    case 'text': {
      const node = pickFrom(textNodes(), change.pick);
      if (node) node.data = change.append ? `${node.data} ${change.text}` : change.text;
      return true;
    }
    case 'insert': {
      const parent = pickFrom([document.body, ...elements()], change.pick) as Element;
      parent.insertBefore(
        fragment(change.html),
        parent.childNodes[change.at % (parent.childNodes.length + 1)] ?? null,
      );
      return true;
    }
    case 'remove':
      pickFrom(elements(), change.pick)?.remove();
      return true;
    case 'move': {
      const list = elements();
      const moved = pickFrom(list, change.pick);
      const target = pickFrom([document.body, ...list], change.to);
      if (moved && target && !moved.contains(target)) target.append(moved);
      return true;
    }
    case 'hidden':
      pickFrom(elements(), change.pick)?.toggleAttribute('hidden');
      return true;
    case 'split': {
      const node = pickFrom(textNodes(), change.pick);
      if (node && node.length > 1) node.splitText(1 + (change.at % (node.length - 1)));
      return true;
    }
    case 'textContent': {
      const element = pickFrom(elements(), change.pick);
      if (element) element.textContent = change.text;
      return true;
    }
    case 'marker': {
      // What the controller does for a marker: split the text, put its own element after.
      const node = pickFrom(textNodes(), change.pick);
      if (node === undefined || node.length < 2) return false;
      const marker = document.createElement('span');
      markOwnElement(marker);
      marker.textContent = '[?]';
      node.splitText(Math.floor(node.length / 2));
      node.after(marker);
      return false;
    }
    case 'body': {
      const body = document.createElement('body');
      body.append(fragment(change.html));
      document.documentElement.replaceChild(body, document.body);
      return true;
    }
    case 'all':
      return true;
  }
}

/** Every finding's DOM positions lead back to its offsets in a whole-page extraction. */
function expectRoundTrip(found: ReturnType<typeof freshFindings>) {
  const { segments } = extractText(document.body, { isHidden: attributeHiddenPredicate });
  for (const { finding, start, end } of found) {
    expect(start && offsetAt(segments, start)).toBe(finding.start);
    expect(end && offsetAt(segments, end)).toBe(finding.end);
  }
}

let watcher: ReturnType<typeof watchChanges> | null = null;
afterEach(() => watcher?.stop());

describe('page document under random edits', () => {
  it('gives what a full scan gives after every batch of edits, and offsets round-trip', () => {
    fc.assert(
      fc.property(
        page,
        fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { maxLength: 6 }),
        (html, batches) => {
          watcher?.stop();
          mount(html);
          const doc = countingDocument();
          const check = () => {
            const found = doc.update();
            expect(summary(found)).toEqual(summary(freshFindings()));
            expect(found.map((item) => item.finding)).toEqual(fullScan());
            expectRoundTrip(found);
          };
          check();
          watcher = watchChanges();
          for (const batch of batches) {
            const changed: Node[] = [];
            let all = false;
            for (const change of batch) {
              if (apply(change)) changed.push(...watcher.take());
              else watcher.discard();
              if (change.op === 'all') all = true;
            }
            doc.page.markChanged(changed);
            if (all) doc.page.markAllChanged();
            check();
          }
        },
      ),
      { seed: 11, numRuns: 150 },
    );
  });
});
