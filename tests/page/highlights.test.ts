// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createHighlightPainter, highlightCss, randomHighlightName } from '../../lib/page/highlights';
import { mount } from './mount';

/** A minimal stand-in for the CSS Custom Highlight API, which happy-dom lacks. */
class FakeHighlight {
  readonly ranges: Range[];
  constructor(...ranges: Range[]) {
    this.ranges = ranges;
  }
}

function windowWithHighlights() {
  const registry = new Map<string, FakeHighlight>();
  const view = Object.create(window) as Window & {
    CSS: { highlights: Map<string, FakeHighlight> };
    Highlight: unknown;
  };
  Object.defineProperty(view, 'CSS', { value: { highlights: registry } });
  Object.defineProperty(view, 'Highlight', { value: FakeHighlight });
  Object.defineProperty(view, 'CSSStyleSheet', { value: window.CSSStyleSheet });
  Object.defineProperty(view, 'crypto', { value: globalThis.crypto });
  return { view, registry };
}

function rangeOver(element: Element): Range {
  const range = document.createRange();
  range.selectNodeContents(element);
  return range;
}

const ourStyles = () => document.adoptedStyleSheets.length + document.querySelectorAll('style').length;

afterEach(() => {
  document.adoptedStyleSheets = [];
  for (const style of document.querySelectorAll('style')) style.remove();
});

describe('createHighlightPainter', () => {
  it('registers one highlight for all findings, under a random name that says nothing', () => {
    mount('<p id="a">One</p><p id="b">Two</p><p id="c">Three</p>');
    const { view, registry } = windowWithHighlights();
    const painter = createHighlightPainter(document, view);
    expect(painter.supported).toBe(true);
    const ranges = ['#a', '#b', '#c'].map((id) => rangeOver(document.querySelector(id) as Element));
    painter.paint(ranges, 'light');
    expect([...registry.keys()]).toEqual([painter.name]);
    expect(painter.name).toMatch(/^h[0-9a-f]{12}$/);
    expect(registry.get(painter.name)?.ranges).toHaveLength(3);
    expect(createHighlightPainter(document, view).name).not.toBe(painter.name);
  });

  it('adds its style only when there is something to paint, and removes it on clear', () => {
    mount('<p id="a">One</p>');
    const { view, registry } = windowWithHighlights();
    const painter = createHighlightPainter(document, view);
    painter.paint([], 'light');
    expect(ourStyles()).toBe(0);
    painter.paint([rangeOver(document.querySelector('#a') as Element)], 'light');
    expect(ourStyles()).toBe(1);
    painter.clear();
    expect(ourStyles()).toBe(0);
    expect(registry.size).toBe(0);
  });

  it('replaces earlier highlights on each paint', () => {
    mount('<p id="a">One</p>');
    const { view, registry } = windowWithHighlights();
    const painter = createHighlightPainter(document, view);
    const range = rangeOver(document.querySelector('#a') as Element);
    painter.paint([range, range], 'light');
    painter.paint([range], 'light');
    expect(registry.get(painter.name)?.ranges).toHaveLength(1);
  });

  it('does nothing, without throwing, where the API is missing', () => {
    mount('<p id="a">One</p>');
    const painter = createHighlightPainter(document, window);
    expect(painter.supported).toBe(false);
    painter.paint([rangeOver(document.querySelector('#a') as Element)], 'light');
    painter.clear();
    expect(ourStyles()).toBe(0);
  });
});

describe('highlightCss', () => {
  it('styles the one highlight per scheme with no verdict colour and no Claimnote name', () => {
    const css = highlightCss('h0123456789ab', 'light');
    expect(css).toContain('::highlight(h0123456789ab)');
    expect(css).toContain('underline dotted');
    expect(css).not.toMatch(/claimnote|false|misleading/i);
    expect(highlightCss('h0123456789ab', 'dark')).not.toBe(css);
  });
});

describe('randomHighlightName', () => {
  it('is a letter and twelve hex digits from the random source', () => {
    expect(randomHighlightName((bytes) => bytes.fill(171))).toBe('habababababab');
  });
});
