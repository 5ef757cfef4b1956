import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from '../../lib/scan/html-depth';

const nested = (tag: string, depth: number, inner = 'x') =>
  `${`<${tag}>`.repeat(depth)}${inner}${`</${tag}>`.repeat(depth)}`;

describe('nestsDeeperThan', () => {
  it('counts nested elements up to the limit', () => {
    expect(nestsDeeperThan(`<body>${nested('div', 10)}</body>`, 10)).toBe(false);
    expect(nestsDeeperThan(`<body>${nested('div', 11)}</body>`, 10)).toBe(true);
    // Unclosed elements nest too, and so do "<div/>" start tags outside SVG.
    expect(nestsDeeperThan('<div>'.repeat(11), 10)).toBe(true);
    expect(nestsDeeperThan('<div/>'.repeat(11), 10)).toBe(true);
  });

  it('does not count siblings, void elements, implied end tags or SVG self-closing tags', () => {
    expect(nestsDeeperThan('<div>a</div>'.repeat(1000), 10)).toBe(false);
    expect(nestsDeeperThan(`<p>${'<br><img src=x><input>'.repeat(100)}`, 10)).toBe(false);
    expect(
      nestsDeeperThan(
        `<ul>${'<li>item'.repeat(1000)}</ul><table>${'<tr><td>a<td>b'.repeat(500)}</table>`,
        10,
      ),
    ).toBe(false);
    expect(nestsDeeperThan(`<svg>${'<path d="M0 0"/>'.repeat(1000)}</svg>`, 10)).toBe(false);
  });

  it('lets an end tag close everything opened after its element', () => {
    // Misnested inline tags ("<b><i></b>") close the inner ones, as browsers do.
    expect(nestsDeeperThan('<div><b><i><u></div>'.repeat(1000), 10)).toBe(false);
    expect(nestsDeeperThan(`${'</span>'.repeat(100)}${nested('div', 5)}`, 10)).toBe(false);
  });

  it('skips markup inside comments, scripts, styles and text areas', () => {
    const tags = '<div>'.repeat(100);
    expect(nestsDeeperThan(`<!-- ${tags} --><p>a</p>`, 10)).toBe(false);
    expect(
      nestsDeeperThan(`<script>${tags}</script><style>${tags}</STYLE><textarea>${tags}</textarea>`, 10),
    ).toBe(false);
    expect(nestsDeeperThan(`<script>x</script>${tags}`, 10)).toBe(true);
  });

  it('takes linear time on a million nested elements', () => {
    const html = '<div>'.repeat(1_000_000);
    const started = performance.now();
    expect(nestsDeeperThan(html, 512)).toBe(true);
    expect(nestsDeeperThan('<div></div>'.repeat(1_000_000), 512)).toBe(false);
    // Generous for a loaded machine: the quadratic DOM parse took minutes on this input.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
