import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { z } from 'zod';

/**
 * Merges the per-area string catalogs (`locales/<lang>/<area>.json`, each in the browsers'
 * `messages.json` format) into one catalog per language, the only place `browser.i18n` reads
 * strings from. Each area owns its fragment so that engineers never edit the same file; the
 * price is that two fragments can claim the same key, which this module turns into a build
 * error naming both files.
 */

// The contract allows letters, digits and underscore; browsers also reject `@@` (reserved).
const messageKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_]+$/, 'message keys may contain only A-Z, a-z, 0-9 and _');

const placeholderSchema = z
  .object({
    content: z.string().min(1),
    example: z.string().optional(),
  })
  .strict();

export const messageEntrySchema = z
  .object({
    message: z.string().min(1),
    description: z.string().optional(),
    placeholders: z.record(messageKeySchema, placeholderSchema).optional(),
  })
  .strict();
export type MessageEntry = z.infer<typeof messageEntrySchema>;

/** One area's fragment: the same shape as a browser `messages.json`. */
export const catalogFragmentSchema = z.record(messageKeySchema, messageEntrySchema);
export type MessageCatalog = Record<string, MessageEntry>;

/** A fragment as read from disk; `file` is only used to name the culprit in errors. */
export interface CatalogFragmentSource {
  file: string;
  contents: string;
}

/** Thrown for any problem in the catalogs; the message always starts with the file at fault. */
export class LocaleCatalogError extends Error {
  override name = 'LocaleCatalogError';
}

// `$name$` refers to an entry of `placeholders`; `$1`…`$9` and `$$` are handled by the browser.
const namedPlaceholderReference = /\$([A-Za-z_][A-Za-z0-9_]*)\$/g;

function checkPlaceholders(file: string, key: string, entry: MessageEntry): void {
  // Placeholder names, like message keys, are case-insensitive in both browsers.
  const defined = new Set(Object.keys(entry.placeholders ?? {}).map((name) => name.toLowerCase()));
  for (const match of entry.message.matchAll(namedPlaceholderReference)) {
    const name = match[1] ?? '';
    // Chrome refuses to load an extension whose catalog uses an undefined placeholder.
    if (!defined.has(name.toLowerCase())) {
      throw new LocaleCatalogError(
        `${file}: message "${key}" uses placeholder $${name}$ but defines no such placeholder`,
      );
    }
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? issue.path.join('.') : '(root)';
  // A bad record key is reported as "Invalid key in record"; the key schema's own message says why.
  const detail =
    issue.code === 'invalid_key' ? issue.issues.map((inner) => inner.message).join(', ') : issue.message;
  return `${where}: ${detail}`;
}

function parseFragment(source: CatalogFragmentSource): MessageCatalog {
  let json: unknown;
  try {
    json = JSON.parse(source.contents);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new LocaleCatalogError(`${source.file}: not valid JSON (${reason})`);
  }
  const parsed = catalogFragmentSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(describeIssue).join('; ');
    throw new LocaleCatalogError(`${source.file}: invalid message catalog fragment (${issues})`);
  }
  for (const [key, entry] of Object.entries(parsed.data)) checkPlaceholders(source.file, key, entry);
  return parsed.data;
}

/**
 * Validates fragments and merges them into one catalog, keys sorted for a stable output.
 * @param fragments the fragments of one language, in any order
 * @returns the merged catalog
 * @throws {LocaleCatalogError} on invalid JSON, an entry that breaks the format, an undefined
 *   placeholder, or a key defined by two fragments (compared case-insensitively, as browsers do)
 */
export function mergeCatalogFragments(fragments: readonly CatalogFragmentSource[]): MessageCatalog {
  const owners = new Map<string, { file: string; key: string }>();
  const merged: MessageCatalog = {};
  for (const fragment of fragments) {
    const catalog = parseFragment(fragment);
    for (const [key, entry] of Object.entries(catalog)) {
      const previous = owners.get(key.toLowerCase());
      if (previous) {
        throw new LocaleCatalogError(
          `${fragment.file}: duplicate message key "${key}" (already defined as "${previous.key}" in ${previous.file})`,
        );
      }
      owners.set(key.toLowerCase(), { file: fragment.file, key });
      merged[key] = entry;
    }
  }
  return Object.fromEntries(Object.entries(merged).sort(([a], [b]) => a.localeCompare(b, 'en')));
}

/**
 * Reads `<localesDir>/<lang>/*.json` and merges each language's fragments.
 * @param localesDir the project's `locales/` folder
 * @param defaultLocale the language every other language translates from
 * @param root folder that file names in errors are made relative to
 * @returns merged catalogs by language (the default language included)
 * @throws {LocaleCatalogError} as `mergeCatalogFragments`, when the default language has no
 *   fragments, or when a translation defines a key the default language lacks (a stale string)
 */
export async function readLocaleCatalogs(
  localesDir: string,
  defaultLocale: string,
  root: string = localesDir,
): Promise<Map<string, MessageCatalog>> {
  const languages = (await readdir(localesDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const catalogs = new Map<string, MessageCatalog>();
  for (const lang of languages) {
    const dir = join(localesDir, lang);
    const files = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
    const fragments = await Promise.all(
      files.map(async (name) => ({
        file: relative(root, join(dir, name)),
        contents: await readFile(join(dir, name), 'utf8'),
      })),
    );
    if (fragments.length > 0) catalogs.set(lang, mergeCatalogFragments(fragments));
  }
  const base = catalogs.get(defaultLocale);
  if (!base) {
    throw new LocaleCatalogError(
      `${relative(root, join(localesDir, defaultLocale))}: no message fragments found`,
    );
  }
  const baseKeys = new Set(Object.keys(base).map((key) => key.toLowerCase()));
  for (const [lang, catalog] of catalogs) {
    const stale = Object.keys(catalog).filter((key) => !baseKeys.has(key.toLowerCase()));
    if (stale.length > 0) {
      throw new LocaleCatalogError(
        `${relative(root, join(localesDir, lang))}: keys missing from the ${defaultLocale} catalog: ${stale.join(', ')}`,
      );
    }
  }
  return catalogs;
}

/**
 * Lists the `__MSG_key__` references in a manifest that the catalog does not define, so a
 * typo fails the build instead of showing the raw reference as the extension's name.
 * @param manifest the generated manifest
 * @param catalog the default language's merged catalog
 * @returns the undefined keys, empty when all references resolve
 */
export function findUndefinedManifestMessages(manifest: unknown, catalog: MessageCatalog): string[] {
  const known = new Set(Object.keys(catalog).map((key) => key.toLowerCase()));
  const references = JSON.stringify(manifest).matchAll(/__MSG_([A-Za-z0-9_]+?)__/g);
  return [...new Set([...references].map((match) => match[1] ?? ''))].filter(
    (key) => !known.has(key.toLowerCase()),
  );
}
