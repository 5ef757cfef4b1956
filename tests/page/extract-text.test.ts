// @vitest-environment happy-dom
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractText, extractTextSteps, MAX_TEXT_NODE_CHARS } from '../../lib/page/extract-text';
import { attributeHiddenPredicate } from '../../lib/page/hidden';
import { createShadowHost } from '../../lib/page/shadow-host';
import { mount } from './mount';

const body = mount;

const options = { isHidden: attributeHiddenPredicate };
const blockTexts = (markup: string) => {
  const { doc } = extractText(body(markup), options);
  return doc.blocks.map((block) => doc.text.slice(block.start, block.end));
};

describe('extractText', () => {
  it.each([
    ['paragraphs become blocks', '<p>One.</p><p>Two.</p>', ['One.', 'Two.']],
    [
      'inline elements stay in the block',
      '<p>An <b>intrathecal</b> <a href="#">pump</a>.</p>',
      ['An intrathecal pump.'],
    ],
    ['br splits a block', '<div>Line one<br>Line two</div>', ['Line one', 'Line two']],
    [
      'text after a nested block is a new block',
      '<div>Before<p>Inside</p>After</div>',
      ['Before', 'Inside', 'After'],
    ],
    [
      'list items and cells are blocks',
      '<ul><li>a</li><li>b</li></ul><table><tr><td>c</td><td>d</td></tr></table>',
      ['a', 'b', 'c', 'd'],
    ],
    ['headings are blocks', '<h2>Title</h2>Body text', ['Title', 'Body text']],
    ['whitespace-only blocks are dropped and blocks are trimmed', '<p>  padded  </p><p>   </p>', ['padded']],
  ])('%s', (_name, markup, expected) => {
    expect(blockTexts(markup)).toEqual(expected);
  });

  it.each([
    ['script', '<p>Seen</p><script>var hidden = "pump";</script>'],
    ['style', '<p>Seen</p><style>p { color: red }</style>'],
    ['noscript', '<p>Seen</p><noscript>Enable JS</noscript>'],
    ['template', '<p>Seen</p><template><p>Inert</p></template>'],
    ['textarea', '<p>Seen</p><textarea>Typed text</textarea>'],
    ['select', '<p>Seen</p><select><option>Choice</option></select>'],
    ['contenteditable', '<p>Seen</p><div contenteditable="true"><p>Draft</p></div>'],
    ['hidden attribute', '<p>Seen</p><p hidden>Secret</p>'],
    ['inline display:none', '<p>Seen</p><div style="color: red; display: none">Secret</div>'],
    ['inline visibility:hidden', '<p>Seen</p><span style="visibility:hidden">Secret</span>'],
  ])('skips %s', (_name, markup) => {
    expect(extractText(body(markup), options).doc.text).toBe('Seen');
  });

  it("skips Claimnote's own hosts, known by identity, and reads page elements whatever their name", () => {
    const root = body('<p>Seen</p><claimnote-marker>Page text named like ours.</claimnote-marker>');
    const { host } = createShadowHost(document, 'span');
    host.textContent = 'Ours';
    root.append(host);
    expect(extractText(root, options).doc.text).toBe('Seen\nPage text named like ours.');
  });

  it('keeps contenteditable="false" islands and aria-hidden text, which readers still see', () => {
    expect(blockTexts('<p contenteditable="false">Kept</p><p aria-hidden="true">Also kept</p>')).toEqual([
      'Kept',
      'Also kept',
    ]);
  });

  it('separates blocks in the text, so sentences cannot run across them', () => {
    const { doc } = extractText(body('<p>First</p><p>Second</p>'), options);
    expect(doc.text).toBe('First\nSecond');
  });

  it('a hidden block still separates the visible text around it', () => {
    expect(blockTexts('<div>Left<div hidden>gone</div>Right</div>')).toEqual(['Left', 'Right']);
  });

  it('skips a text node too long to be prose, unread, and keeps the text around it apart', () => {
    const root = body('<div>Before <span></span> after.</div>');
    const blob = 'x'.repeat(MAX_TEXT_NODE_CHARS + 1);
    root.querySelector('span')?.append(blob);
    const { doc, segments } = extractText(root, options);
    expect(doc.blocks.map((block) => doc.text.slice(block.start, block.end))).toEqual(['Before', 'after.']);
    expect(doc.text).not.toContain('xxx');
    expect(segments.some((segment) => segment.node.data === blob)).toBe(false);
  });

  it('records each text node with its offset, so every character maps back to its node', () => {
    const root = body('<p>An <em>intrathecal</em> pump.</p><p>Second <b>para</b>.</p>');
    const { doc, segments } = extractText(root, options);
    for (const segment of segments) {
      expect(doc.text.slice(segment.start, segment.start + segment.length)).toBe(segment.node.data);
    }
    expect(segments.map((s) => s.node.data)).toEqual([
      'An ',
      'intrathecal',
      ' pump.',
      'Second ',
      'para',
      '.',
    ]);
  });

  it('uses the hidden predicate it is given (computed style in browsers)', () => {
    const root = body('<p class="x">Visible</p><p class="ad">Advert</p>');
    const { doc } = extractText(root, { isHidden: (element) => element.classList.contains('ad') });
    expect(doc.text).toBe('Visible');
  });

  it('judges the inside of a deferred-rendering container by markup only, then resumes', () => {
    const root = body(
      '<div class="lazy"><p class="styled-hidden">Inside</p><p hidden>Gone</p></div><p class="styled-hidden">After</p><p>Kept</p>',
    );
    const asked: string[] = [];
    const { doc } = extractText(root, {
      isHidden: (element) => {
        asked.push(element.textContent ?? '');
        return element.classList.contains('styled-hidden');
      },
      defersRendering: (element) => element.classList.contains('lazy'),
    });
    // Inside the container only markup counts, so the class-hidden paragraph is read...
    expect(doc.text).toBe('Inside\nKept');
    // ...and the computed-style predicate is never asked about its descendants.
    expect(asked).toEqual(['InsideGone', 'After', 'Kept']);
  });

  it('yields between steps and gives the same result as the one-shot extraction', () => {
    const markup = Array.from({ length: 50 }, (_, i) => `<p>Paragraph <b>${i}</b> text.</p>`).join('');
    const steps = extractTextSteps(body(markup), options, 10);
    let yields = 0;
    let step = steps.next();
    while (!step.done) {
      yields += 1;
      step = steps.next();
    }
    expect(yields).toBeGreaterThan(10);
    expect(step.value.doc).toEqual(extractText(document.body, options).doc);
  });

  it('runs under linkedom with the attribute predicate (the scan CLI)', () => {
    const { document: linked } = parseHTML(
      '<html><body><article><h1>Pumps</h1><p>An intrathecal pump <i>delivers</i> medicine.</p><p style="display:none">x</p><script>y</script></article></body></html>',
    );
    const { doc } = extractText(linked.body, { isHidden: attributeHiddenPredicate });
    expect(doc.blocks.map((b) => doc.text.slice(b.start, b.end))).toEqual([
      'Pumps',
      'An intrathecal pump delivers medicine.',
    ]);
  });
});

describe('attributeHiddenPredicate', () => {
  it.each([
    ['<p hidden>x</p>', true],
    ['<p style="display:none">x</p>', true],
    ['<p style="DISPLAY: NONE !important">x</p>', true],
    ['<p style="visibility: hidden;">x</p>', true],
    ['<p style="display: block">x</p>', false],
    ['<p style="--display:none-ish">x</p>', false],
    ['<p aria-hidden="true">x</p>', false],
  ])('%s → %s', (markup, hidden) => {
    const element = body(markup).firstElementChild as Element;
    expect(attributeHiddenPredicate(element)).toBe(hidden);
  });
});
