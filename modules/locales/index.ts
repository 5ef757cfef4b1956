import { resolve } from 'node:path';
import { defineWxtModule } from 'wxt/modules';
import { findUndefinedManifestMessages, LocaleCatalogError, readLocaleCatalogs } from './merge-catalogs';

const DEFAULT_LOCALE = 'en';

/**
 * WXT module: writes `_locales/<lang>/messages.json` into every build from the per-area
 * fragments under `locales/<lang>/`, and fails the build when the manifest refers to a
 * message that does not exist or lacks `default_locale` (Chrome will not load such a package).
 */
export default defineWxtModule({
  name: 'claimnote:locales',
  setup(wxt) {
    const localesDir = resolve(wxt.config.root, 'locales');
    const load = () => readLocaleCatalogs(localesDir, DEFAULT_LOCALE, wxt.config.root);

    wxt.hooks.hook('build:publicAssets', async (_wxt, files) => {
      for (const [lang, catalog] of await load()) {
        files.push({
          relativeDest: `_locales/${lang}/messages.json`,
          contents: `${JSON.stringify(catalog, null, 2)}\n`,
        });
      }
    });

    wxt.hooks.hook('build:manifestGenerated', async (_wxt, manifest) => {
      const catalog = (await load()).get(DEFAULT_LOCALE) ?? {};
      if (manifest.default_locale !== DEFAULT_LOCALE) {
        throw new LocaleCatalogError(
          `wxt.config.ts: manifest.default_locale must be "${DEFAULT_LOCALE}" because _locales/ is generated`,
        );
      }
      const missing = findUndefinedManifestMessages(manifest, catalog);
      if (missing.length > 0) {
        throw new LocaleCatalogError(
          `wxt.config.ts: manifest uses __MSG_${missing[0]}__ but no locales/${DEFAULT_LOCALE}/*.json defines it (undefined: ${missing.join(', ')})`,
        );
      }
    });
  },
});
