import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { claimListPlugin } from './scripts/vite-plugin-claim-list';

// See https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact(), claimListPlugin()],
  }),
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
    // The content script imports the scanner only on pages with relevant words (see
    // lib/page/scanner-loader.ts); an import from a content script needs the file listed here.
    // Chrome's dynamic URL changes every session, so a page cannot use the file to detect
    // Claimnote; WXT writes the Firefox (MV2) form, where the URL holds a per-install UUID.
    web_accessible_resources: [
      {
        resources: ['page-scanner.js'],
        matches: ['http://*/*', 'https://*/*'],
        use_dynamic_url: true,
      },
    ],
  },
});
