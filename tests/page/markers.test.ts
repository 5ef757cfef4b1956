// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { TextSplitter } from '../../lib/page/anchor';
import { createMarker, type MarkerActivation, markerButton, placeMarker } from '../../lib/page/markers';
import { ownShadowRoot } from '../../lib/page/shadow-host';
import { mount } from './mount';
import { trustEventsByDefault, untrusted } from './own-ui';

trustEventsByDefault();

const content = {
  claimId: 'side-effects-rare',
  verdict: 'false' as const,
  findingIndex: 2,
  text: '[false?]',
  label: 'Claimnote: False claim, show note',
  scheme: 'light' as const,
};

/** The position just after `sentence` in the first text node of `container`. */
function sentenceEnd(container: Element, sentence: string) {
  const node = container.firstChild as Text;
  return { node, offset: node.data.indexOf(sentence) + sentence.length };
}

describe('createMarker', () => {
  it('is a bare <span> with a closed shadow root holding one labelled button and the finding data', () => {
    const marker = createMarker(document, content, () => undefined);
    expect(marker.localName).toBe('span');
    // The page sees an inline style and nothing else: no claim id, verdict or index.
    expect(marker.getAttributeNames()).toEqual(['style']);
    expect(marker.shadowRoot).toBeNull();
    expect(marker.textContent).toBe('');
    const button = markerButton(marker);
    expect(ownShadowRoot(marker)?.querySelectorAll('button')).toHaveLength(1);
    expect(button?.getAttribute('data-claim-id')).toBe('side-effects-rare');
    expect(button?.getAttribute('data-verdict')).toBe('false');
    expect(button?.getAttribute('data-finding')).toBe('2');
    expect(button?.getAttribute('aria-label')).toBe('Claimnote: False claim, show note');
    // The label is generated content, so window.find() in the page cannot search for it.
    expect(button?.textContent).toBe('');
    const css = [...(ownShadowRoot(marker)?.adoptedStyleSheets ?? [])]
      .flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))
      .join('\n');
    const styleText = ownShadowRoot(marker)?.querySelector('style')?.textContent ?? '';
    const all = `${css}\n${styleText}`;
    expect(all).toMatch(/button::before\s*\{\s*content:\s*"\\5b\s?false\\3f\s?\\5d\s?"/);
  });

  it('does not act on forged clicks, focus or keys', () => {
    mount('<p id="slot"></p>');
    const seen: MarkerActivation[] = [];
    const marker = createMarker(document, content, (_m, how) => seen.push(how));
    document.querySelector('#slot')?.append(marker);
    const button = markerButton(marker) as HTMLButtonElement;
    button.dispatchEvent(untrusted(new MouseEvent('click', { bubbles: true })));
    button.dispatchEvent(untrusted(new FocusEvent('focus')));
    button.dispatchEvent(untrusted(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(seen).toEqual([]);
  });

  it('reports focus, click and Escape, and keeps the click from reaching the page', () => {
    mount('<a href="#x"><span id="slot"></span></a>');
    const seen: MarkerActivation[] = [];
    const marker = createMarker(document, content, (_m, how) => seen.push(how));
    document.querySelector('#slot')?.append(marker);
    let pageSawClick = false;
    document.body.addEventListener('click', () => {
      pageSawClick = true;
    });
    const button = markerButton(marker) as HTMLButtonElement;
    button.focus();
    button.click();
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(seen).toEqual(['focus', 'click', 'escape']);
    expect(pageSawClick).toBe(false);
  });
});

describe('placeMarker', () => {
  it('goes right after a sentence that ends inside a text node, splitting the node', () => {
    const body = mount('<p>First sentence. Side effects are rare. Last sentence.</p>');
    const p = body.querySelector('p') as Element;
    const marker = createMarker(document, content, () => undefined);
    expect(placeMarker(marker, sentenceEnd(p, 'Side effects are rare.'), new TextSplitter())).toBe(true);
    expect(marker.previousSibling?.textContent).toBe('First sentence. Side effects are rare.');
    expect(marker.nextSibling?.textContent).toBe(' Last sentence.');
    expect(p.textContent).toBe('First sentence. Side effects are rare. Last sentence.');
  });

  it('goes after a sentence that ends at the end of its node without splitting', () => {
    const body = mount('<p>Side effects are rare.</p>');
    const p = body.querySelector('p') as Element;
    const marker = createMarker(document, content, () => undefined);
    placeMarker(marker, sentenceEnd(p, 'Side effects are rare.'), new TextSplitter());
    expect(p.childNodes).toHaveLength(2);
    expect(p.lastChild).toBe(marker);
  });

  it('goes after a link the sentence ends in, so clicking the marker does not follow the link', () => {
    const body = mount('<p>Read <a href="https://x.test/">side effects are rare.</a> Next.</p>');
    const link = body.querySelector('a') as Element;
    const marker = createMarker(document, content, () => undefined);
    placeMarker(marker, sentenceEnd(link, 'side effects are rare.'), new TextSplitter());
    expect(link.nextSibling).toBe(marker);
    expect(link.contains(marker)).toBe(false);
  });

  it('reports failure instead of throwing when the page shortened the node meanwhile', () => {
    const body = mount('<p>Side effects are rare. More.</p>');
    const p = body.querySelector('p') as Element;
    const end = sentenceEnd(p, 'Side effects are rare. More.');
    (p.firstChild as Text).data = 'Short';
    const marker = createMarker(document, content, () => undefined);
    expect(placeMarker(marker, end, new TextSplitter())).toBe(false);
    expect(marker.isConnected).toBe(false);
  });
});
