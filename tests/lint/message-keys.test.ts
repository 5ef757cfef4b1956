import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { readLocaleCatalogs } from '../../modules/locales/merge-catalogs';

const ROOT = join(import.meta.dirname, '..', '..');

/** A `t('key')` call with a literal key, where it is. */
interface KeyUse {
  key: string;
  where: string;
}

function findLiteralKeys(fileName: string, source: string): KeyUse[] {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, kind);
  const uses: KeyUse[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 't') {
      const [first] = node.arguments;
      if (first && ts.isStringLiteralLike(first)) {
        const { line } = file.getLineAndCharacterOfPosition(first.getStart(file));
        uses.push({ key: first.text, where: `${relative(ROOT, fileName)}:${line + 1}` });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return uses;
}

describe('user-facing strings', () => {
  it('every t("key") in lib/ and entrypoints/ has an entry in locales/en/*.json', async () => {
    const catalog = (await readLocaleCatalogs(join(ROOT, 'locales'), 'en', ROOT)).get('en') ?? {};
    const known = new Set(Object.keys(catalog).map((key) => key.toLowerCase()));
    const missing: string[] = [];
    for (const dir of ['lib', 'entrypoints']) {
      const entries = await readdir(join(ROOT, dir), { withFileTypes: true, recursive: true }).catch(
        () => [],
      );
      for (const entry of entries) {
        if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || entry.name.endsWith('.d.ts')) continue;
        const path = join(entry.parentPath, entry.name);
        for (const use of findLiteralKeys(path, await readFile(path, 'utf8'))) {
          if (!known.has(use.key.toLowerCase())) missing.push(`${use.where} t('${use.key}')`);
        }
      }
    }
    expect(missing, 'add these keys to the fragment of the area that uses them').toEqual([]);
  });

  it('finds literal keys and ignores other functions named differently', () => {
    const uses = findLiteralKeys(
      join(ROOT, 'x.tsx'),
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text containing a template literal
      "t('popupTitle'); tr('nope'); t(`dyn_${x}`); <b>{t(\"close\")}</b>",
    );
    expect(uses.map((use) => use.key)).toEqual(['popupTitle', 'close']);
  });
});
