// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { positionAt, rangeBetween, rangeForOffsets, TextSplitter } from '../../lib/page/anchor';
import { extractText } from '../../lib/page/extract-text';
import { attributeHiddenPredicate } from '../../lib/page/hidden';
import { mount } from './mount';

function setup(markup: string) {
  return { page: document, extracted: extractText(mount(markup), { isHidden: attributeHiddenPredicate }) };
}

function rangeOf(markup: string, sentence: string) {
  const { page, extracted } = setup(markup);
  const start = extracted.doc.text.indexOf(sentence);
  expect(start).toBeGreaterThanOrEqual(0);
  return rangeForOffsets(page, extracted.segments, start, start + sentence.length);
}

describe('rangeForOffsets', () => {
  it('maps a sentence across inline elements back to a range with the same text', () => {
    const sentence = 'An intrathecal pump delivers pain medicine into the brain.';
    const range = rangeOf(
      '<p>Intro. An <b>intrathecal</b> pump delivers <a href="#">pain medicine</a> into the brain. Outro.</p>',
      sentence,
    );
    expect(range?.toString()).toBe(sentence);
  });

  it('starts and ends inside the right text nodes', () => {
    const range = rangeOf('<p>Intro. <i>Side effects are rare.</i> Outro.</p>', 'Side effects are rare.');
    expect(range?.startContainer.textContent).toBe('Side effects are rare.');
    expect(range?.startOffset).toBe(0);
    expect(range?.endOffset).toBe('Side effects are rare.'.length);
  });

  it('maps a sentence at the very end of a block (end offset at the end of the last node)', () => {
    const range = rangeOf('<p>First.</p><p>The pump is safe.</p>', 'The pump is safe.');
    expect(range?.toString()).toBe('The pump is safe.');
  });

  it('returns null when the page has shortened the text node since extraction', () => {
    const { page, extracted } = setup('<p>The pump is completely safe.</p>');
    const node = extracted.segments[0]?.node as Text;
    node.data = 'Gone';
    expect(rangeForOffsets(page, extracted.segments, 4, 28)).toBeNull();
  });

  it('returns null for an empty span', () => {
    const { page, extracted } = setup('<p>Text</p>');
    expect(rangeForOffsets(page, extracted.segments, 2, 2)).toBeNull();
  });
});

describe('positionAt', () => {
  it('moves a start on a block break forward and an end on a block break backward', () => {
    const { extracted } = setup('<p>One</p><p>Two</p>');
    // "One\nTwo": offset 3 is the break.
    expect(positionAt(extracted.segments, 3, 'end')).toMatchObject({ offset: 3 });
    expect(positionAt(extracted.segments, 3, 'end')?.node.data).toBe('One');
    expect(positionAt(extracted.segments, 4, 'start')?.node.data).toBe('Two');
    expect(positionAt(extracted.segments, 3, 'start')?.node.data).toBe('Two');
  });

  it('is null past the end of the text', () => {
    const { extracted } = setup('<p>One</p>');
    expect(positionAt(extracted.segments, 10, 'start')).toBeNull();
  });
});

describe('TextSplitter', () => {
  it('keeps extraction-time positions valid across several splits of one node', () => {
    const { page, extracted } = setup('<p>One is here. Two is here. Three is here.</p>');
    const text = extracted.doc.text;
    const sentences = ['One is here.', 'Two is here.', 'Three is here.'];
    const spans = sentences.map((sentence) => {
      const start = text.indexOf(sentence);
      return {
        start: positionAt(extracted.segments, start, 'start'),
        end: positionAt(extracted.segments, start + sentence.length, 'end'),
      };
    });
    const splitter = new TextSplitter();
    for (const span of spans) {
      const piece = span.end ? splitter.splitAt(span.end) : null;
      piece?.after(page.createElement('hr'));
    }
    const ranges = spans.map((span) =>
      span.start && span.end ? rangeBetween(page, span.start, span.end, splitter)?.toString() : null,
    );
    expect(ranges).toEqual(sentences);
    expect(page.querySelectorAll('p > hr')).toHaveLength(3);
    expect(page.querySelector('p')?.textContent).toBe('One is here. Two is here. Three is here.');
  });

  it('does not split where a piece already ends', () => {
    const { extracted } = setup('<p>Whole node.</p>');
    const node = extracted.segments[0]?.node as Text;
    const splitter = new TextSplitter();
    expect(splitter.splitAt({ node, offset: node.data.length })).toBe(node);
    expect(node.parentNode?.childNodes).toHaveLength(1);
  });
});
