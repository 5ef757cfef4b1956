// Elements that never hold children.
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
// Elements whose end tag may be left out: the next sibling closes them ("<li>a<li>b"), so a
// run of them is not nesting. Not counting them keeps sloppy lists and tables from being refused.
const IMPLIED_END = new Set([
  'html',
  'head',
  'body',
  'p',
  'li',
  'dt',
  'dd',
  'option',
  'optgroup',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
  'caption',
  'rb',
  'rt',
  'rp',
  'rtc',
]);
// Elements whose content is text up to their end tag, never markup.
const RAW_TEXT = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'plaintext',
]);
const RAW_TEXT_END: Record<string, RegExp> = Object.fromEntries(
  [...RAW_TEXT].map((name) => [name, new RegExp(`</${name}`, 'gi')]),
);
// Inside these, "<x/>" closes itself (SVG icons are long runs of "<path .../>").
const FOREIGN = new Set(['svg', 'math']);

const TAG = /<(\/?)([a-zA-Z][^\s/>]*)|<!--/g;

/**
 * Whether an HTML page nests elements deeper than `limit`, estimated in one linear pass over
 * its tags, without building a DOM: the DOM library the CLI uses becomes quadratic in the depth
 * (10⁵ nested elements took seconds, 10⁶ over five minutes). The estimate follows what a
 * browser's parser does closely enough for that: void elements, elements with implied end tags,
 * comments, raw-text elements and self-closing tags inside SVG/MathML do not nest, and an end tag
 * closes its element and everything opened after it.
 * @param html the page source
 * @param limit deepest nesting allowed
 * @returns true when some element is nested deeper than `limit`
 */
export function nestsDeeperThan(html: string, limit: number): boolean {
  const stack: string[] = [];
  const open = new Map<string, number>();
  let foreignDepth = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m !== null; m = TAG.exec(html)) {
    if (m[0] === '<!--') {
      const end = html.indexOf('-->', TAG.lastIndex);
      if (end < 0) return false;
      TAG.lastIndex = end + 3;
      continue;
    }
    const closing = m[1] === '/';
    const name = (m[2] ?? '').toLowerCase();
    const tagEnd = html.indexOf('>', TAG.lastIndex);
    if (tagEnd < 0) return false;
    const selfClosing = html.charCodeAt(tagEnd - 1) === 47; // "/"
    TAG.lastIndex = tagEnd + 1;
    if (closing) {
      if ((open.get(name) ?? 0) === 0) continue;
      // Pops each element at most once, so the whole pass stays linear.
      for (;;) {
        const top = stack.pop() as string;
        open.set(top, (open.get(top) ?? 1) - 1);
        if (FOREIGN.has(top)) foreignDepth -= 1;
        if (top === name) break;
      }
      continue;
    }
    if (RAW_TEXT.has(name)) {
      const endTag = RAW_TEXT_END[name] as RegExp;
      endTag.lastIndex = TAG.lastIndex;
      const end = endTag.exec(html);
      if (end === null) return false;
      // Resume at the end tag itself, which then closes nothing (the element was never pushed).
      TAG.lastIndex = end.index;
      continue;
    }
    if (VOID.has(name) || IMPLIED_END.has(name) || (selfClosing && foreignDepth > 0)) continue;
    stack.push(name);
    open.set(name, (open.get(name) ?? 0) + 1);
    if (FOREIGN.has(name)) foreignDepth += 1;
    if (stack.length > limit) return true;
  }
  return false;
}
