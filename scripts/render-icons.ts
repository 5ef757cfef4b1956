import { readFile, writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';

/**
 * Renders assets/icon.svg to the PNG sizes the stores ask for (public/icon/<size>.png, which
 * WXT turns into the manifest's `icons`). Run once after changing the SVG; the PNGs are
 * committed so that builds need no browser.
 *
 * Usage: npx tsx scripts/render-icons.ts
 */
const SIZES = [16, 32, 48, 96, 128] as const;

const svg = await readFile(new URL('../assets/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(
      `<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    const png = await page.locator('svg').screenshot({ omitBackground: true });
    await writeFile(new URL(`../public/icon/${size}.png`, import.meta.url), png);
    await page.close();
    console.log(`public/icon/${size}.png`);
  }
} finally {
  await browser.close();
}
