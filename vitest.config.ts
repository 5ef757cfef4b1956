import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { claimListPlugin } from './scripts/vite-plugin-claim-list';

export default defineConfig({
  // WxtVitest does not take the plugins of wxt.config's `vite` option, so the claim list is added here.
  plugins: [WxtVitest(), claimListPlugin()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // Hostile and heavy pages are their own project, run after this one (npm run test:e2e)
          // and never beside it: they measure the page's event loop, which other browser
          // sessions on the same cores would disturb.
          exclude: ['tests/e2e/hostile-pages.test.ts'],
          environment: 'node',
          // Browser sessions are heavy on a 2-core machine: run test files one at a time.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'hostile',
          include: ['tests/e2e/hostile-pages.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
