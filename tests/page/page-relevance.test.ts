// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createRelevanceTest } from '../../lib/matching/relevance';
import { nodesAreRelevant, pageRelevanceSteps } from '../../lib/page/page-relevance';
import { mount } from './mount';

const test = createRelevanceTest(['intrathecal', 'drug delivery']);

/** Runs the steps to the end; returns the result and how many times they yielded. */
function run(root: Node): { relevant: boolean; steps: number } {
  const steps = pageRelevanceSteps(root, test);
  let count = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) return { relevant: next.value, steps: count };
    count += 1;
  }
}

describe('pageRelevanceSteps', () => {
  it('finds an anchor in the page text and not on a page without one', () => {
    expect(run(mount('<p>My intrathecal pump</p>')).relevant).toBe(true);
    expect(run(mount('<p>Tomatoes and compost</p>')).relevant).toBe(false);
  });

  it('finds an anchor split across elements', () => {
    expect(run(mount('<p>targeted drug <b>deliv</b>ery</p>')).relevant).toBe(true);
  });

  it('tests a huge text in pieces, and finds an anchor cut by a piece boundary', () => {
    const body = mount('<p></p>');
    // 256,000 characters per piece: the anchor straddles the first boundary.
    body.firstChild?.appendChild(
      document.createTextNode(`${'x'.repeat(255_995)}intrathecal${'x'.repeat(600_000)}`),
    );
    expect(run(body)).toEqual({ relevant: true, steps: 1 });
  });

  it('yields between pieces of a long irrelevant text', () => {
    const body = mount('<p></p>');
    body.firstChild?.appendChild(document.createTextNode('seeds '.repeat(200_000)));
    expect(run(body)).toEqual({ relevant: false, steps: 5 });
  });
});

describe('nodesAreRelevant', () => {
  it('checks connected prose nodes and skips scripts and styles', () => {
    const body = mount(
      '<p id="a">intrathecal</p><script id="s">intrathecal</script><style><!-- intrathecal --></style>',
    );
    const detached = document.createElement('p');
    detached.textContent = 'intrathecal';
    expect(nodesAreRelevant([detached], test)).toBe(false);
    expect(nodesAreRelevant([body.querySelector('#s') as Node], test)).toBe(false);
    expect(nodesAreRelevant([body.querySelector('#s')?.firstChild as Node], test)).toBe(false);
    expect(nodesAreRelevant([body.querySelector('#a')?.firstChild as Node], test)).toBe(true);
  });
});
