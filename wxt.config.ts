import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import type { AliasOptions } from 'vite';
import { defineConfig } from 'wxt';
import { buildClaimBundle } from './lib/claims/build-claim-bundle';
import { loadClaimFiles } from './lib/claims/load-claim-files';
import { CLAIM_BUNDLE_FILE } from './lib/page/claim-bundle-file';
import { claimListPlugin } from './scripts/vite-plugin-claim-list';

/**
 * The content script runs on every page and, on almost all of them, only checks for relevant
 * words: its build gets a light context (lib/page/boot-context.ts) instead of WXT's, which
 * touches the extension API at start. The scanner it loads on relevant pages runs under WXT's.
 */
function withBootContext(alias: AliasOptions | undefined): AliasOptions {
  const entries = Array.isArray(alias)
    ? alias
    : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
  return [
    {
      find: /^wxt\/utils\/content-script-context$/,
      replacement: resolve(import.meta.dirname, 'lib/page/boot-context.ts'),
    },
    ...entries,
  ];
}

// See https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact(), claimListPlugin()],
  }),
  hooks: {
    // The compiled claim list as a JSON file the scanner fetches (lib/page/claim-bundle-file.ts).
    'build:publicAssets': (wxt, files) => {
      const bundle = buildClaimBundle(loadClaimFiles(resolve(wxt.config.root, 'claims')));
      files.push({ relativeDest: CLAIM_BUNDLE_FILE.slice(1), contents: JSON.stringify(bundle) });
    },
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.length !== 1 || entrypoints[0]?.name !== 'content') return;
      config.resolve = { ...config.resolve, alias: withBootContext(config.resolve?.alias) };
    },
  },
  manifest: {
    // Name and description come from locales/en/manifest.json (merged by modules/locales).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Custom Highlight API: Chrome 105, Firefox 140. Firefox 140 is also the first release that
    // reads data_collection_permissions; see docs/packaging.md.
    minimum_chrome_version: '105',
    browser_specific_settings: {
      gecko: {
        id: 'claimnote@claimnote.org',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      // Firefox for Android reads data_collection_permissions from 142 on.
      gecko_android: { strict_min_version: '142.0' },
    },
    permissions: ['storage', 'contextMenus'],
    // The content script imports the relevance watch when a page may be relevant or changes
    // (lib/page/boot-watch.ts) and the scanner only on pages with relevant words
    // (lib/page/scanner-loader.ts), and the scanner fetches the claim list; an import or fetch
    // from a content script needs the file listed here.
    // Chrome's dynamic URL changes every session, so a page cannot use the file to detect
    // Claimnote; WXT writes the Firefox (MV2) form, where the URL holds a per-install UUID.
    web_accessible_resources: [
      {
        resources: ['relevance-watch.js', 'page-scanner.js', 'claim-bundle.json'],
        matches: ['http://*/*', 'https://*/*'],
        use_dynamic_url: true,
      },
    ],
  },
});
