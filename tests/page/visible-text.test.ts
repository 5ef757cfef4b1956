// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { contrastRatio, createVisibilityTest, parseColor } from '../../lib/page/visible-text';
import { mount } from './mount';

type Style = Partial<Record<string, string>>;

const DEFAULT_STYLE: Style = {
  opacity: '1',
  overflowX: 'visible',
  overflowY: 'visible',
  position: 'static',
  clip: 'auto',
  clipPath: 'none',
  backgroundColor: 'rgba(0, 0, 0, 0)',
  backgroundImage: 'none',
  color: 'rgb(20, 20, 20)',
  textShadow: 'none',
};

/**
 * A window whose layout the test writes: computed styles per element id (happy-dom computes
 * few), element boxes per id, and one line box per range, at `lineBox`.
 */
function fakeView(styles: Record<string, Style>, boxes: Record<string, DOMRect> = {}, scrollX = 0) {
  const view = Object.create(window) as Window;
  Object.defineProperty(view, 'document', { value: document });
  Object.defineProperty(view, 'innerWidth', { value: 1000 });
  Object.defineProperty(view, 'innerHeight', { value: 800 });
  Object.defineProperty(view, 'scrollX', { value: scrollX });
  Object.defineProperty(view, 'scrollY', { value: 0 });
  Object.defineProperty(view, 'getComputedStyle', {
    value: (element: Element) => {
      const style = { ...DEFAULT_STYLE, ...(styles[element.id] ?? {}) };
      return { ...style, getPropertyValue: (name: string) => style[name] ?? '' };
    },
  });
  for (const [id, box] of Object.entries(boxes)) {
    const element = document.getElementById(id);
    if (element) element.getBoundingClientRect = () => box;
  }
  return view;
}

/** A range over the text of `#id`, laid out as one line box. */
function rangeIn(id: string, lineBox: DOMRect): Range {
  const range = document.createRange();
  range.selectNodeContents(document.getElementById(id)?.firstChild as Node);
  range.getClientRects = () => [lineBox] as unknown as DOMRectList;
  return range;
}

const onScreen = new DOMRect(20, 100, 300, 20);

describe('createVisibilityTest', () => {
  it('sees ordinary text on screen and below the fold', () => {
    mount('<p id="p">Visible text.</p>');
    const isVisible = createVisibilityTest(fakeView({}));
    expect(isVisible(rangeIn('p', onScreen))).toBe(true);
    expect(isVisible(rangeIn('p', new DOMRect(20, 5000, 300, 20)))).toBe(true);
  });

  it.each([
    ['off-screen to the left', new DOMRect(-10_000, 100, 300, 20)],
    ['off-screen to the right', new DOMRect(10_000, 100, 300, 20)],
    ['above the document', new DOMRect(20, -5000, 300, 20)],
    ['zero size', new DOMRect(20, 100, 0, 0)],
    ['one pixel', new DOMRect(20, 100, 1, 1)],
  ])('does not see text %s', (_name, box) => {
    mount('<p id="p">Hidden text.</p>');
    expect(createVisibilityTest(fakeView({}))(rangeIn('p', box))).toBe(false);
  });

  it.each([
    ['transparent', { p: { color: 'rgba(0, 0, 0, 0)' } }],
    ['transparent fill', { p: { '-webkit-text-fill-color': 'transparent' } }],
    ['in an opacity: 0 box', { box: { opacity: '0' } }],
    [
      'under ancestors whose opacity multiplies below 0.1',
      { box: { opacity: '0.3' }, p: { opacity: '0.3' } },
    ],
    [
      'white on white',
      { box: { backgroundColor: 'rgb(255, 255, 255)' }, p: { color: 'rgb(254, 254, 254)' } },
    ],
    ['clipped away (sr-only)', { box: { position: 'absolute', clip: 'rect(0px, 0px, 0px, 0px)' } }],
    ['clipped by clip-path', { box: { clipPath: 'inset(50%)' } }],
  ])('does not see text %s', (_name, styles) => {
    mount('<div id="box"><p id="p">Hidden text.</p></div>');
    expect(createVisibilityTest(fakeView(styles))(rangeIn('p', onScreen))).toBe(false);
  });

  it('sees text on a background image and shadowed transparent text (the colour is unknown)', () => {
    mount('<div id="box"><p id="p">Text.</p></div>');
    const onImage = fakeView({
      box: { backgroundColor: 'rgb(255, 255, 255)', backgroundImage: 'url(x.png)' },
      p: { color: 'rgb(255, 255, 255)' },
    });
    expect(createVisibilityTest(onImage)(rangeIn('p', onScreen))).toBe(true);
    const shadowed = fakeView({ p: { color: 'rgba(0, 0, 0, 0)', textShadow: 'rgb(0, 0, 0) 0px 0px 2px' } });
    expect(createVisibilityTest(shadowed)(rangeIn('p', onScreen))).toBe(true);
  });

  it('clips line boxes by overflow: hidden ancestors, but not by the root or body', () => {
    mount('<div id="box"><p id="p">Collapsed text.</p></div>');
    const collapsed = fakeView(
      { box: { overflowX: 'hidden', overflowY: 'hidden' } },
      { box: new DOMRect(20, 100, 300, 0) },
    );
    expect(createVisibilityTest(collapsed)(rangeIn('p', onScreen))).toBe(false);
    const roomy = fakeView(
      { box: { overflowX: 'hidden', overflowY: 'hidden' } },
      { box: new DOMRect(0, 0, 900, 900) },
    );
    expect(createVisibilityTest(roomy)(rangeIn('p', onScreen))).toBe(true);
    // Overflow on <body> applies to the viewport, which the reachability check covers.
    document.body.id = 'body';
    const bodyHidden = fakeView(
      { body: { overflowX: 'hidden', overflowY: 'hidden' } },
      { body: new DOMRect(0, 0, 900, 10) },
    );
    expect(createVisibilityTest(bodyHidden)(rangeIn('p', onScreen))).toBe(true);
    document.body.removeAttribute('id');
  });

  it('sees text beyond the first viewport width once the reader has scrolled to it', () => {
    mount('<p id="p">Wide text.</p>');
    const scrolled = fakeView({}, {}, 2000);
    expect(createVisibilityTest(scrolled)(rangeIn('p', new DOMRect(100, 100, 300, 20)))).toBe(true);
    expect(createVisibilityTest(fakeView({}))(rangeIn('p', new DOMRect(2100, 100, 300, 20)))).toBe(false);
  });

  it('under position: fixed, needs the viewport itself', () => {
    mount('<div id="box"><p id="p">Fixed text.</p></div>');
    const fixed = fakeView({ box: { position: 'fixed' } });
    expect(createVisibilityTest(fixed)(rangeIn('p', onScreen))).toBe(true);
    expect(createVisibilityTest(fixed)(rangeIn('p', new DOMRect(20, 5000, 300, 20)))).toBe(false);
  });
});

describe('parseColor and contrastRatio', () => {
  it('reads the colour forms browsers compute', () => {
    expect(parseColor('rgb(1, 2, 3)')).toEqual([1, 2, 3, 1]);
    expect(parseColor('rgba(1, 2, 3, 0.5)')).toEqual([1, 2, 3, 0.5]);
    expect(parseColor('rgb(1 2 3 / 0)')).toEqual([1, 2, 3, 0]);
    expect(parseColor('transparent')).toEqual([0, 0, 0, 0]);
    expect(parseColor('color(srgb 1 0 0)')).toBeNull();
  });

  it('gives 21 for black on white and 1 for a colour on itself', () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 0);
    expect(contrastRatio([90, 90, 90], [90, 90, 90])).toBe(1);
  });
});
