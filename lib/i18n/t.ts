import { browser } from 'wxt/browser';

/**
 * Looks up a user-facing string in `_locales/<lang>/messages.json` (merged at build time from
 * `locales/en/*.json`), so that a translation needs no code change.
 * @param key message name, e.g. `noteCardClose`
 * @param substitutions values for `$1`…`$9` placeholders
 * @returns the localized message, or the key itself where no catalog is loaded (unit tests)
 */
export function t(key: string, substitutions?: string | string[]): string {
  // WXT types getMessage against the catalog it saw at `wxt prepare`; our catalog is merged from
  // fragments at build time, so keys are checked by the locale tests instead.
  const getMessage = browser.i18n?.getMessage as
    | ((name: string, subs?: string | string[]) => string)
    | undefined;
  return getMessage?.(key, substitutions) || key;
}
