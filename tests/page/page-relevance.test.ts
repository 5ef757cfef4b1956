// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createRelevanceGate } from '../../lib/matching/relevance-gate';
import { nodesAreRelevant, pageRelevanceSteps } from '../../lib/page/page-relevance';
import { mount } from './mount';

const gate = createRelevanceGate({
  open: ['intrathecal', 'drug delivery system'],
  pump: ['pump'],
  pumpContext: ['morphin'],
  otherDevice: [],
});

/** Runs the steps to the end; returns the result and how many times they yielded. */
function run(root: Node): { relevant: boolean; steps: number } {
  const steps = pageRelevanceSteps(root, gate.session());
  let count = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) return { relevant: next.value, steps: count };
    count += 1;
  }
}

describe('pageRelevanceSteps', () => {
  it('finds a gate term in the page text and not on a page without one', () => {
    expect(run(mount('<p>My intrathecal pump</p>')).relevant).toBe(true);
    expect(run(mount('<p>Tomatoes and compost</p>')).relevant).toBe(false);
    expect(run(mount('<p>Pumpkins and compost</p>')).relevant).toBe(false);
  });

  it('finds a term split across elements', () => {
    expect(run(mount('<p>a drug delivery <b>sys</b>tem</p>')).relevant).toBe(true);
  });

  it('tests a huge text in pieces, and reads a term cut by a piece boundary whole', () => {
    const body = mount('<p></p>');
    // 256,000 characters per piece: the term straddles the first boundary, and is found there.
    body.firstChild?.appendChild(
      document.createTextNode(`${'x '.repeat(127_997)}intrathecal${' x'.repeat(300_000)}`),
    );
    expect(run(body)).toEqual({ relevant: true, steps: 0 });
    const late = mount('<p></p>');
    late.firstChild?.appendChild(document.createTextNode(`${'x '.repeat(200_000)}intrathecal`));
    expect(run(late)).toEqual({ relevant: true, steps: 1 });
  });

  it('does not read a word cut by a piece boundary as a shorter word', () => {
    const body = mount('<p></p>');
    // "pump" ends the first piece, but the word is "pumpkin": no pump, so morphine opens nothing.
    body.firstChild?.appendChild(document.createTextNode(`${'x '.repeat(127_998)}pumpkin morphine`));
    expect(run(body).relevant).toBe(false);
  });

  it('yields between pieces of a long irrelevant text', () => {
    const body = mount('<p></p>');
    body.firstChild?.appendChild(document.createTextNode('seeds '.repeat(200_000)));
    // 1.2 million characters are five pieces, with four pauses between them.
    expect(run(body)).toEqual({ relevant: false, steps: 4 });
  });

  it('checks a text of one piece in one step, without a pause after it', () => {
    expect(run(mount(`<p>${'seeds '.repeat(1_000)}</p>`))).toEqual({ relevant: false, steps: 0 });
  });
});

describe('nodesAreRelevant', () => {
  it('checks connected prose nodes and skips scripts and styles', () => {
    const body = mount(
      '<p id="a">intrathecal</p><script id="s">intrathecal</script><style><!-- intrathecal --></style>',
    );
    const detached = document.createElement('p');
    detached.textContent = 'intrathecal';
    const session = () => gate.session();
    expect(nodesAreRelevant([detached], session())).toBe(false);
    expect(nodesAreRelevant([body.querySelector('#s') as Node], session())).toBe(false);
    expect(nodesAreRelevant([body.querySelector('#s')?.firstChild as Node], session())).toBe(false);
    expect(nodesAreRelevant([body.querySelector('#a')?.firstChild as Node], session())).toBe(true);
  });
});
