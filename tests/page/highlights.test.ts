// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createHighlightPainter, HIGHLIGHT_NAMES, highlightCss } from '../../lib/page/highlights';
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
  return { view, registry };
}

function rangeOver(element: Element): Range {
  const range = document.createRange();
  range.selectNodeContents(element);
  return range;
}

const ourStyles = () =>
  document.adoptedStyleSheets.length +
  document.querySelectorAll('style[data-claimnote="highlight-style"]').length;

afterEach(() => {
  document.adoptedStyleSheets = [];
  for (const style of document.querySelectorAll('style')) style.remove();
});

describe('createHighlightPainter', () => {
  it('registers one highlight per verdict with the contract names', () => {
    mount('<p id="a">One</p><p id="b">Two</p><p id="c">Three</p>');
    const { view, registry } = windowWithHighlights();
    const painter = createHighlightPainter(document, view);
    expect(painter.supported).toBe(true);
    const [a, b, c] = ['#a', '#b', '#c'].map((id) => rangeOver(document.querySelector(id) as Element));
    painter.paint(
      [
        { range: a as Range, verdict: 'false' },
        { range: b as Range, verdict: 'misleading' },
        { range: c as Range, verdict: 'false' },
      ],
      'light',
    );
    expect([...registry.keys()].sort()).toEqual(['claimnote-false', 'claimnote-misleading']);
    expect(registry.get(HIGHLIGHT_NAMES.false)?.ranges).toHaveLength(2);
  });

  it('adds its style only when there is something to paint, and removes it on clear', () => {
    mount('<p id="a">One</p>');
    const { view, registry } = windowWithHighlights();
    const painter = createHighlightPainter(document, view);
    painter.paint([], 'light');
    expect(ourStyles()).toBe(0);
    painter.paint(
      [{ range: rangeOver(document.querySelector('#a') as Element), verdict: 'unsupported' }],
      'light',
    );
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
    painter.paint([{ range, verdict: 'false' }], 'light');
    painter.paint([{ range, verdict: 'needs-context' }], 'light');
    expect([...registry.keys()]).toEqual(['claimnote-needs-context']);
  });

  it('does nothing, without throwing, where the API is missing', () => {
    mount('<p id="a">One</p>');
    const painter = createHighlightPainter(document, window);
    expect(painter.supported).toBe(false);
    painter.paint([{ range: rangeOver(document.querySelector('#a') as Element), verdict: 'false' }], 'light');
    painter.clear();
    expect(ourStyles()).toBe(0);
  });
});

describe('highlightCss', () => {
  it('styles every verdict, with a different underline so colour is not the only cue', () => {
    const css = highlightCss('light');
    for (const name of Object.values(HIGHLIGHT_NAMES)) expect(css).toContain(`::highlight(${name})`);
    expect(css).toContain('wavy');
    expect(css).toContain('dashed');
    expect(highlightCss('dark')).not.toBe(css);
  });
});
