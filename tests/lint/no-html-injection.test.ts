import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findHtmlSinks } from './html-injection-sinks';

const ROOT = join(import.meta.dirname, '..', '..');
// Everything that ships in the extension; scripts/ and tests/ run only on developer machines.
const SHIPPED_DIRS = ['lib', 'entrypoints'];

async function listSources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter(
      (entry) => entry.isFile() && /\.(ts|tsx|js|jsx|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts'),
    )
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

describe('shipped code never parses strings as HTML', () => {
  it('has no innerHTML, outerHTML, insertAdjacentHTML, document.write, DOMParser or dangerouslySetInnerHTML in lib/ and entrypoints/', async () => {
    const files = (await Promise.all(SHIPPED_DIRS.map((dir) => listSources(join(ROOT, dir))))).flat();
    // Guards against the scan silently matching nothing (a moved folder would make this pass).
    expect(files.length).toBeGreaterThan(5);
    const offences: string[] = [];
    for (const file of files) {
      for (const sink of findHtmlSinks(file, await readFile(file, 'utf8'))) {
        offences.push(`${relative(ROOT, file)}:${sink.line}:${sink.column} uses ${sink.api}`);
      }
    }
    expect(offences, 'build DOM with textContent / createElement / Preact instead').toEqual([]);
  });
});

describe('findHtmlSinks', () => {
  it.each([
    ['el.innerHTML = text;', 'innerHTML'],
    ["el['innerHTML'] = text;", 'innerHTML'],
    ['el.outerHTML = text;', 'outerHTML'],
    ['shadow.innerHTML += text;', 'innerHTML'],
    ["el.insertAdjacentHTML('beforeend', text);", 'insertAdjacentHTML'],
    ['document.write(text);', 'document.write'],
    ['win.document.writeln(text);', 'document.writeln'],
    ['range.createContextualFragment(text);', 'createContextualFragment'],
    ['el.setHTMLUnsafe(text);', 'setHTMLUnsafe'],
    ["new DOMParser().parseFromString(text, 'text/html');", 'DOMParser'],
    ['frame.srcdoc = text;', 'srcdoc'],
    ['Object.assign(el, { innerHTML: text });', 'innerHTML'],
  ])('flags `%s`', (code, api) => {
    expect(findHtmlSinks('x.ts', code).map((sink) => sink.api)).toContain(api);
  });

  it('flags dangerouslySetInnerHTML in JSX with its line and column', () => {
    const code =
      'const a = 1;\nexport const Note = () => <p dangerouslySetInnerHTML={{ __html: text }} />;\n';
    expect(findHtmlSinks('x.tsx', code)).toEqual([{ line: 2, column: 30, api: 'dangerouslySetInnerHTML' }]);
  });

  it.each([
    ['el.textContent = text;'],
    ['// never set innerHTML here'],
    ["const why = 'innerHTML is banned';"],
    ['stream.write(chunk);'],
    ['const note = document.createElement("p"); note.append(text);'],
  ])('accepts `%s`', (code) => {
    expect(findHtmlSinks('x.ts', code)).toEqual([]);
  });
});
