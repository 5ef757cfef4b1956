import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

interface CatalogEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const localesDir = join(import.meta.dirname, '..', '..', 'locales', 'en');
const catalog: Record<string, CatalogEntry> = Object.assign(
  {},
  ...readdirSync(localesDir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => JSON.parse(readFileSync(join(localesDir, file), 'utf8'))),
);

/**
 * `browser.i18n.getMessage` over every English catalog fragment, with named placeholders
 * resolved the way browsers do, so in-page UI tests read the reader's words.
 * @returns `""` for an unknown key, as browsers do
 */
function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = catalog[key];
  if (!entry) return '';
  const values =
    substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_match, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (_m, index: string) => values[Number(index) - 1] ?? '');
  });
}

/** Installs the English catalog as the fake browser's `i18n.getMessage`; call after `fakeBrowser.reset()`. */
export function useEnglishMessages(): void {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
    getMessage as unknown as typeof fakeBrowser.i18n.getMessage,
  );
}
