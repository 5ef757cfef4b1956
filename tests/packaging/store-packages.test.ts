import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listZipEntries } from './zip-entries';

/**
 * Store-readiness of the packages `npm run zip` makes: builds both browsers fresh (in a
 * temporary folder), then checks the manifest against what docs/permissions.md and
 * docs/packaging.md promise, the strings and icons the stores display, the archive contents,
 * and addons-linter (the validator addons.mozilla.org runs) on the Firefox package.
 */

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const ICON_SIZES = [16, 32, 48, 96, 128];

type Manifest = Record<string, unknown> & {
  manifest_version: number;
  permissions?: string[];
  content_scripts?: { matches: string[]; js?: string[] }[];
  web_accessible_resources?: unknown;
  icons?: Record<string, string>;
  browser_specific_settings?: {
    gecko?: {
      id?: string;
      strict_min_version?: string;
      data_collection_permissions?: { required?: string[] };
    };
  };
};

interface Package {
  dir: string;
  manifest: Manifest;
  archives: string[];
}

/** Permissions and match patterns that docs/permissions.md justifies, read from its table. */
async function documentedPermissions(): Promise<{ permissions: Set<string>; matches: Set<string> }> {
  const doc = await readFile(join(ROOT, 'docs', 'permissions.md'), 'utf8');
  const permissions = new Set<string>();
  const matches = new Set<string>();
  for (const row of doc.split('\n').filter((line) => line.startsWith('| `'))) {
    const [entry = '', where = ''] = row.split('|').slice(1);
    const names = [...entry.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '');
    const target = where.includes('content_scripts')
      ? matches
      : where.includes('permissions')
        ? permissions
        : null;
    for (const name of names) target?.add(name);
  }
  return { permissions, matches };
}

function pngSize(png: Buffer): { width: number; height: number } {
  // Signature (8 bytes), then the IHDR chunk: length, type, width, height.
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const packages = new Map<string, Package>();
let outDir = '';

/**
 * The environment `npm run zip` builds in. Vitest sets NODE_ENV to `test`, and Vite keeps a
 * NODE_ENV it is given, so a child inheriting it would build a test-mode package (3.5 kB more
 * in page-scanner.js) that no store ever receives.
 */
function zipEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_ENV;
  return env;
}

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'claimnote-zip-'));
  for (const [browser, target] of [
    ['chrome', 'chrome-mv3'],
    ['firefox', 'firefox-mv2'],
  ] as const) {
    const { stdout } = await run('npx', ['tsx', 'tests/packaging/zip-into.ts', browser, outDir], {
      cwd: ROOT,
      env: zipEnvironment(),
      maxBuffer: 16 * 1024 * 1024,
    });
    const archives = JSON.parse(stdout.trim().split('\n').at(-1) ?? '[]') as string[];
    const dir = join(outDir, target);
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    packages.set(browser, { dir, manifest, archives });
  }
}, 600_000);

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

function pkg(browser: string): Package {
  const found = packages.get(browser);
  if (!found) throw new Error(`no ${browser} package was built`);
  return found;
}

describe.each(['chrome', 'firefox'])('%s package', (browser) => {
  it('takes its name and description from the English catalog, within store limits', async () => {
    const { dir, manifest } = pkg(browser);
    expect(manifest.name).toBe('__MSG_extName__');
    expect(manifest.description).toBe('__MSG_extDescription__');
    expect(manifest.default_locale).toBe('en');
    const messages = JSON.parse(
      await readFile(join(dir, '_locales', 'en', 'messages.json'), 'utf8'),
    ) as Record<string, { message: string }>;
    // Chrome Web Store limits: name 75 characters (45 shown in most places), description 132.
    expect(messages.extName?.message.length).toBeGreaterThan(0);
    expect(messages.extName?.message.length).toBeLessThanOrEqual(45);
    expect(messages.extDescription?.message.length).toBeLessThanOrEqual(132);
  });

  it('lists icons at 16, 32, 48, 96 and 128 px, each a PNG of that size', async () => {
    const { dir, manifest } = pkg(browser);
    expect(Object.keys(manifest.icons ?? {}).map(Number)).toEqual(ICON_SIZES);
    for (const size of ICON_SIZES) {
      const file = manifest.icons?.[String(size)] ?? '';
      expect(pngSize(await readFile(join(dir, file))), file).toEqual({ width: size, height: size });
    }
  });

  it('asks only for the permissions docs/permissions.md justifies, and no host access beyond web pages', async () => {
    const { manifest } = pkg(browser);
    const documented = await documentedPermissions();
    expect(documented.permissions.size).toBeGreaterThan(0);
    for (const permission of manifest.permissions ?? []) {
      expect(
        documented.permissions,
        `permission "${permission}" is not justified in docs/permissions.md`,
      ).toContain(permission);
    }
    for (const script of manifest.content_scripts ?? []) {
      for (const match of script.matches) expect(documented.matches).toContain(match);
    }
    const text = JSON.stringify(manifest);
    expect(text).not.toContain('<all_urls>');
    expect(manifest.permissions ?? []).not.toContain('tabs');
    expect(manifest).not.toHaveProperty('host_permissions');
    expect(manifest).not.toHaveProperty('optional_host_permissions');
    // Extension pages keep the browser's strict default CSP.
    expect(manifest).not.toHaveProperty('content_security_policy');
  });

  it('exposes only the scanner script and the claim list to web pages, at a per-session URL in Chrome', () => {
    const { manifest } = pkg(browser);
    const resources = manifest.web_accessible_resources;
    if (browser === 'chrome') {
      expect(resources).toEqual([
        {
          resources: ['relevance-watch.js', 'page-scanner.js', 'claim-bundle.json'],
          matches: ['http://*/*', 'https://*/*'],
          use_dynamic_url: true,
        },
      ]);
    } else {
      // MV2 form; Firefox puts a random per-install UUID in moz-extension:// URLs instead.
      expect(resources).toEqual(['relevance-watch.js', 'page-scanner.js', 'claim-bundle.json']);
    }
  });

  it('keeps the content script small: the claim list, matcher, zod and Preact load only on relevant pages', async () => {
    const { dir, manifest } = pkg(browser);
    const [script = ''] = manifest.content_scripts?.[0]?.js ?? [];
    const contentScript = await readFile(join(dir, script), 'utf8');
    const scanner = await readFile(join(dir, 'page-scanner.js'), 'utf8');
    const claimList = await readFile(join(dir, 'claim-bundle.json'), 'utf8');
    // A claim id, a zod internal name and webextension-polyfill's error text mark the heavy parts.
    const noteText = 'ziconotide-is-opioid';
    const polyfill = 'api-metadata.json has not been included';
    expect(claimList).toContain(noteText);
    expect(scanner).not.toContain(noteText);
    expect(scanner).toContain('$ZodType');
    expect(scanner.split(polyfill)).toHaveLength(2);
    expect(contentScript).not.toContain(noteText);
    expect(contentScript).not.toContain('$ZodType');
    expect(contentScript).not.toContain(polyfill);
    expect(contentScript).toContain('intrathecal');
    // Every page compiles it (issue 12: the start of an irrelevant page). It holds the boot
    // test and its observer; the gate and the DOM watcher are in relevance-watch.js.
    expect(contentScript.length).toBeLessThan(8_000);
  });

  it('keeps the scanner and the background at half their size with full zod and inline claim data', async () => {
    const { dir, manifest } = pkg(browser);
    const background =
      browser === 'chrome'
        ? (manifest.background as { service_worker?: string } | undefined)?.service_worker
        : (manifest.background as { scripts?: string[] } | undefined)?.scripts?.[0];
    // Before (issue 12): background.js 127.8 kB, page-scanner.js 276.7 kB.
    expect((await readFile(join(dir, background ?? 'background.js'))).length).toBeLessThan(64_000);
    expect((await readFile(join(dir, 'page-scanner.js'))).length).toBeLessThan(138_000);
  });

  it('zips to an archive with the manifest at its root and the catalog inside', async () => {
    const { archives } = pkg(browser);
    const store = archives.find((file) => file.endsWith(`-${browser}.zip`));
    expect(store, `archives: ${archives.map((file) => basename(file)).join(', ')}`).toBeDefined();
    const entries = listZipEntries(await readFile(store ?? ''));
    expect(entries).toContain('manifest.json');
    expect(entries).toContain('_locales/en/messages.json');
    expect(entries.filter((entry) => entry.endsWith('.map'))).toEqual([]);
  });
});

describe('chrome package', () => {
  it('is MV3, requires a Chrome with the Custom Highlight API, and carries no Firefox keys', () => {
    const { manifest } = pkg('chrome');
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.minimum_chrome_version).toBe('105');
    expect(manifest).not.toHaveProperty('browser_specific_settings');
  });
});

describe('firefox package', () => {
  it('is MV2 with a fixed add-on id, the no-data-collection declaration and Firefox 140 as minimum', () => {
    const { manifest } = pkg('firefox');
    expect(manifest.manifest_version).toBe(2);
    const gecko = manifest.browser_specific_settings?.gecko;
    expect(gecko?.id).toBe('claimnote@claimnote.org');
    expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
    expect(Number.parseFloat(gecko?.strict_min_version ?? '0')).toBeGreaterThanOrEqual(140);
    expect(manifest).not.toHaveProperty('minimum_chrome_version');
  });

  it('comes with a sources archive for AMO review', () => {
    expect(pkg('firefox').archives.some((file) => file.endsWith('-sources.zip'))).toBe(true);
  });

  it('passes web-ext lint (addons-linter) with no errors', async () => {
    const { dir } = pkg('firefox');
    const { stdout } = await run(
      'npx',
      ['web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--boring'],
      {
        cwd: ROOT,
        maxBuffer: 16 * 1024 * 1024,
      },
    ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(stdout) as {
      errors: { code: string; message: string; file?: string }[];
      warnings: { code: string; message: string; file?: string }[];
    };
    const describe = (issue: { code: string; message: string; file?: string }) =>
      `${issue.code} ${issue.file ?? ''}: ${issue.message}`;
    expect(report.errors.map(describe)).toEqual([]);
  }, 120_000);
});
