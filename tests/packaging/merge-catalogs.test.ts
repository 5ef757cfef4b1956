import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  findUndefinedManifestMessages,
  LocaleCatalogError,
  mergeCatalogFragments,
  readLocaleCatalogs,
} from '../../modules/locales/merge-catalogs';

const fragment = (file: string, value: unknown) => ({ file, contents: JSON.stringify(value) });

describe('mergeCatalogFragments', () => {
  it('merges the fragments of every area into one catalog with sorted keys', () => {
    const merged = mergeCatalogFragments([
      fragment('locales/en/popup.json', { popupTitle: { message: 'Claims on this page' } }),
      fragment('locales/en/content.json', {
        noteClose: { message: 'Close', description: 'Button that closes the note' },
      }),
    ]);
    expect(Object.keys(merged)).toEqual(['noteClose', 'popupTitle']);
    expect(merged.noteClose).toEqual({ message: 'Close', description: 'Button that closes the note' });
  });

  it('names both files when two fragments define the same key, ignoring case as browsers do', () => {
    const merge = () =>
      mergeCatalogFragments([
        fragment('locales/en/content.json', { closeLabel: { message: 'Close' } }),
        fragment('locales/en/popup.json', { CloseLabel: { message: 'Close' } }),
      ]);
    expect(merge).toThrow(LocaleCatalogError);
    expect(merge).toThrow(
      'locales/en/popup.json: duplicate message key "CloseLabel" (already defined as "closeLabel" in locales/en/content.json)',
    );
  });

  it.each([
    ['not JSON', '{ "a": ', /locales\/en\/bad\.json: not valid JSON/],
    ['an array', '[]', /locales\/en\/bad\.json: invalid message catalog fragment/],
    ['a key with a dash', '{ "note-close": { "message": "Close" } }', /note-close.*only A-Z/],
    ['an entry without message', '{ "noteClose": { "description": "x" } }', /noteClose\.message/],
    ['an empty message', '{ "noteClose": { "message": "" } }', /noteClose\.message/],
    ['an unknown field', '{ "noteClose": { "message": "x", "mesage": "y" } }', /noteClose/],
    [
      'a placeholder without content',
      '{ "n": { "message": "$count$", "placeholders": { "count": {} } } }',
      /n\.placeholders\.count\.content/,
    ],
  ])('rejects a fragment that is %s, naming the file', (_label, contents, error) => {
    expect(() => mergeCatalogFragments([{ file: 'locales/en/bad.json', contents }])).toThrow(error);
  });

  it('rejects a message that uses a placeholder it does not define', () => {
    const merge = () =>
      mergeCatalogFragments([fragment('locales/en/popup.json', { count: { message: '$COUNT$ claims' } })]);
    expect(merge).toThrow('locales/en/popup.json: message "count" uses placeholder $COUNT$');
  });

  it('accepts defined placeholders (case-insensitively), numbered substitutions and $$', () => {
    const merged = mergeCatalogFragments([
      fragment('locales/en/popup.json', {
        count: {
          message: '$Count$ claims for $$1',
          placeholders: { count: { content: '$1', example: '3' } },
        },
        direct: { message: 'Found $1' },
      }),
    ]);
    expect(Object.keys(merged)).toEqual(['count', 'direct']);
  });
});

describe('readLocaleCatalogs', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function writeLocales(files: Record<string, unknown>): Promise<string> {
    dir = await mkdtemp(join(tmpdir(), 'claimnote-locales-'));
    for (const [path, value] of Object.entries(files)) {
      await mkdir(join(dir, 'locales', path, '..'), { recursive: true });
      await writeFile(join(dir, 'locales', path), JSON.stringify(value));
    }
    return join(dir, 'locales');
  }

  it('merges each language folder separately', async () => {
    const locales = await writeLocales({
      'en/manifest.json': { extName: { message: 'Claimnote' } },
      'en/popup.json': { popupTitle: { message: 'Claims' } },
      'de/popup.json': { popupTitle: { message: 'Aussagen' } },
    });
    const catalogs = await readLocaleCatalogs(locales, 'en', dir);
    expect([...catalogs.keys()]).toEqual(['de', 'en']);
    expect(catalogs.get('en')).toEqual({
      extName: { message: 'Claimnote' },
      popupTitle: { message: 'Claims' },
    });
  });

  it('rejects a translation key that the default language does not have', async () => {
    const locales = await writeLocales({
      'en/popup.json': { popupTitle: { message: 'Claims' } },
      'de/popup.json': { popupTitel: { message: 'Aussagen' } },
    });
    await expect(readLocaleCatalogs(locales, 'en', dir)).rejects.toThrow(
      'locales/de: keys missing from the en catalog: popupTitel',
    );
  });

  it('fails when the default language has no fragments', async () => {
    const locales = await writeLocales({ 'de/popup.json': { popupTitle: { message: 'Aussagen' } } });
    await expect(readLocaleCatalogs(locales, 'en', dir)).rejects.toThrow(
      'locales/en: no message fragments found',
    );
  });
});

describe('findUndefinedManifestMessages', () => {
  it('lists the __MSG_ references the catalog lacks', () => {
    const manifest = {
      name: '__MSG_extName__',
      description: '__MSG_extDescripton__',
      action: { default_title: 'x' },
    };
    expect(findUndefinedManifestMessages(manifest, { extname: { message: 'Claimnote' } })).toEqual([
      'extDescripton',
    ]);
  });
});
