import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * Answers `browser.i18n.getMessage` from the English catalog fragments of the areas under
 * test, with Chrome's named-placeholder substitution, so UI tests see the reader's wording
 * ("Pin Cleveland Clinic") instead of keys. Call after each `fakeBrowser.reset()`.
 */

interface CatalogEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const localesDir = join(import.meta.dirname, '..', '..', '..', 'locales', 'en');
const catalog: Record<string, CatalogEntry> = Object.assign(
  {},
  ...['report.json', 'options.json'].map((file) => JSON.parse(readFileSync(join(localesDir, file), 'utf8'))),
);

/**
 * @param key message name
 * @param substitutions `$1`… values
 * @returns the message with placeholders filled, or `""` for an unknown key, as Chrome does
 */
export function lookUpMessage(key: string, substitutions?: string | string[]): string {
  const entry = catalog[key];
  if (!entry) return '';
  const values =
    substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_match, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (_m, index: string) => values[Number(index) - 1] ?? '');
  });
}

/** Installs {@link lookUpMessage} as the fake browser's `i18n.getMessage`. */
export function useEnglishCatalog(): void {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
    lookUpMessage as unknown as typeof fakeBrowser.i18n.getMessage,
  );
}
