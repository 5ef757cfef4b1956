import { defineWxtModule } from 'wxt/modules';

/**
 * Manifest keys that only one browser family reads. wxt.config.ts declares them all in one
 * place; this module drops the ones the target ignores, so that neither browser warns about an
 * unrecognized manifest key (Chrome does so on chrome://extensions for `browser_specific_settings`).
 */
const KEYS_FOR_OTHER_BROWSERS: Record<'chromium' | 'gecko', readonly string[]> = {
  chromium: ['browser_specific_settings'],
  gecko: ['minimum_chrome_version'],
};

/**
 * Removes from a manifest the keys that belong to the other browser family.
 * @param manifest the generated manifest, changed in place
 * @param browser WXT's target browser name (`chrome`, `firefox`, `edge`, ...)
 */
export function dropForeignManifestKeys(manifest: Record<string, unknown>, browser: string): void {
  const family = browser === 'firefox' ? 'gecko' : 'chromium';
  for (const key of KEYS_FOR_OTHER_BROWSERS[family]) delete manifest[key];
}

export default defineWxtModule({
  name: 'claimnote:store-manifest',
  setup(wxt) {
    wxt.hooks.hook('build:manifestGenerated', (_wxt, manifest) => {
      dropForeignManifestKeys(manifest as unknown as Record<string, unknown>, wxt.config.browser);
    });
  },
});
