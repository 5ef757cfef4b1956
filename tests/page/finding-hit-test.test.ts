// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { findingAtPoint } from '../../lib/page/finding-hit-test';
import { mount } from './mount';
import { pointAt } from './rendered-findings';

let restore: () => void = () => undefined;
afterEach(() => {
  restore();
  restore = () => undefined;
  window.getSelection()?.removeAllRanges();
});

/** Two highlighted sentences, as the finding layer would hold them. */
function twoSentences() {
  mount('<p id="a">First claim here.</p><p id="b">Second claim here.</p>');
  const items = ['#a', '#b'].map((id) => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector(id)?.firstChild as Text);
    return { id, visible: true, range };
  });
  const text = (id: string) => document.querySelector(id)?.firstChild as Text;
  return { items, text };
}

describe('findingAtPoint', () => {
  it('finds the sentence under the caret position of the click', () => {
    const { items, text } = twoSentences();
    restore = pointAt(document, text('#b'), 4);
    expect(findingAtPoint(document, window, items, 10, 10, document.querySelector('#b'))?.id).toBe('#b');
  });

  it("falls back to Chromium's caretRangeFromPoint", () => {
    const { items, text } = twoSentences();
    const caret = document.createRange();
    caret.setStart(text('#a'), 2);
    Object.defineProperty(document, 'caretRangeFromPoint', { configurable: true, value: () => caret });
    restore = () => {
      delete (document as { caretRangeFromPoint?: unknown }).caretRangeFromPoint;
    };
    expect(findingAtPoint(document, window, items, 10, 10, null)?.id).toBe('#a');
  });

  it('finds nothing where the browser has no caret API or the point is outside every sentence', () => {
    const { items } = twoSentences();
    expect(findingAtPoint(document, window, items, 10, 10, null)).toBeNull();
    restore = pointAt(document, document.body, 0);
    expect(findingAtPoint(document, window, items, 10, 10, null)).toBeNull();
  });

  it('never hits a sentence the reader cannot see', () => {
    const { items, text } = twoSentences();
    (items[1] as { visible: boolean }).visible = false;
    restore = pointAt(document, text('#b'), 4);
    expect(findingAtPoint(document, window, items, 10, 10, null)).toBeNull();
  });

  it('opens nothing while the reader is selecting text', () => {
    const { items, text } = twoSentences();
    restore = pointAt(document, text('#a'), 4);
    const selection = window.getSelection();
    const selected = document.createRange();
    selected.setStart(text('#a'), 0);
    selected.setEnd(text('#a'), 5);
    selection?.addRange(selected);
    expect(findingAtPoint(document, window, items, 10, 10, null)).toBeNull();
  });

  it('ignores a point in another tree (a shadow root of the page)', () => {
    const { items } = twoSentences();
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.textContent = 'First claim here.';
    restore = pointAt(document, shadow.firstChild as Text, 4);
    expect(findingAtPoint(document, window, items, 10, 10, host)).toBeNull();
  });
});
