// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { TextSplitter } from '../../lib/page/anchor';
import { findingAtPoint } from '../../lib/page/finding-hit-test';
import { closestInteractive, INTERACTIVE_SELECTOR } from '../../lib/page/interactive';
import { placeMarker } from '../../lib/page/markers';
import { mount } from './mount';
import { pointAt } from './rendered-findings';

const SENTENCE = 'Side effects are rare.';

/** Elements with a click behaviour of their own, each holding a sentence. */
const INTERACTIVE_MARKUP: Record<string, string> = {
  a: `<a href="#x">${SENTENCE}</a>`,
  button: `<button type="button">${SENTENCE}</button>`,
  label: `<label>${SENTENCE} <input type="checkbox"></label>`,
  summary: `<details><summary>${SENTENCE}</summary><p>More.</p></details>`,
  select: `<select><option>${SENTENCE}</option></select>`,
  textarea: `<textarea>${SENTENCE}</textarea>`,
};

/** The text node holding the sentence and the element that owns the click. */
function sentenceIn(tag: string) {
  mount(`<p>Before. <span id="wrap">${INTERACTIVE_MARKUP[tag]}</span> After.</p>`);
  const owner = document.querySelector(`#wrap ${tag}`) as Element;
  const walker = document.createTreeWalker(owner, 4);
  const node = walker.nextNode() as Text;
  return { owner, node };
}

let restore: () => void = () => undefined;
afterEach(() => restore());

describe('the interactive selector', () => {
  it('covers links, buttons, form controls, labels and summaries', () => {
    for (const tag of [...Object.keys(INTERACTIVE_MARKUP), 'input']) {
      expect(INTERACTIVE_SELECTOR.split(', ')).toContain(tag);
    }
    mount('<p><b>plain</b> <em>text</em></p>');
    expect(closestInteractive(document.querySelector('b'))).toBeNull();
    expect(closestInteractive(null)).toBeNull();
  });

  // Both uses must agree: an element whose click a marker would lose is one whose click a
  // note must not take over.
  for (const tag of Object.keys(INTERACTIVE_MARKUP)) {
    it(`places a marker after <${tag}> and opens no note for a click inside it`, () => {
      const { owner, node } = sentenceIn(tag);
      expect(closestInteractive(node)).toBe(owner);

      const marker = document.createElement('span');
      expect(placeMarker(marker, { node, offset: node.data.length }, new TextSplitter())).toBe(true);
      expect(marker.previousSibling).toBe(owner);
      expect(owner.contains(marker)).toBe(false);

      const range = document.createRange();
      range.selectNodeContents(node);
      restore = pointAt(document, node, 3);
      const items = [{ visible: true, range }];
      expect(findingAtPoint(document, window, items, 1, 1, owner)).toBeNull();
      // The same point on plain text is a hit: only the element's own click is spared.
      expect(findingAtPoint(document, window, items, 1, 1, document.body)).toBe(items[0]);
    });
  }
});
