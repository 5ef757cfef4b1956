import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserName } from './browsers';

/**
 * A tiny throw-away extension for testing the harness itself, independent of Claimnote's
 * build: it follows Claimnote's page footprint in the crudest way (one marker host with a
 * closed shadow root, one highlight over the first paragraph, a test-probe console line) and, when the page URL contains `probe-net`, sends
 * one request from its content script and two from its background context (one
 * off-host, one to the fixture server itself). The harness
 * self-test uses it to show that the network recorder does catch extension requests in
 * each browser, so "no request of its own" in the real tests is a check that can fail.
 */
const CONTENT_SCRIPT = `(() => {
  const paragraph = document.querySelector('p');
  if (!paragraph) return;
  const report = (state) => console.debug('claimnote-test-probe ' + JSON.stringify({
    active: true, markers: 0, markerIds: [], highlight: 'hprobe', url: location.href, top: window === window.top, ...state,
  }));
  report({ scanning: true, findings: 0 });
  const range = new Range();
  range.selectNodeContents(paragraph);
  CSS.highlights.set('hprobe', new Highlight(range));
  const marker = document.createElement('span');
  marker.style.setProperty('display', 'inline', 'important');
  const button = document.createElement('button');
  button.setAttribute('data-claimnote', 'marker');
  button.setAttribute('data-claim-id', 'probe-claim');
  button.setAttribute('data-verdict', 'false');
  button.setAttribute('aria-label', 'Probe marker');
  button.textContent = '?';
  marker.attachShadow({ mode: 'closed' }).append(button);
  paragraph.append(marker);
  report({ scanning: false, findings: 1, markers: 1, markerIds: ['probe-claim'] });
  if (location.search.includes('probe-net')) {
    fetch('http://probe-content.example.invalid/ping', { mode: 'no-cors' }).catch(() => {});
    (globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ probe: 'net', origin: location.origin });
  }
})();
`;

const BACKGROUND_SCRIPT = `(globalThis.browser ?? globalThis.chrome).runtime.onMessage.addListener((message) => {
  if (message?.probe !== 'net') return;
  fetch('https://probe-background.example.invalid/ping').catch(() => {});
  fetch(message.origin + '/probe-background-loopback').catch(() => {});
});
`;

/**
 * Writes the probe extension for `browser` (MV3 for Chromium, MV2 for Firefox, like the
 * real builds) into a fresh temporary directory.
 *
 * @returns the directory to load
 */
export async function writeProbeExtension(browser: BrowserName): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `claimnote-probe-${browser}-`));
  await mkdir(dir, { recursive: true });
  const contentScripts = [
    { matches: ['http://*/*', 'https://*/*'], js: ['content.js'], run_at: 'document_idle' },
  ];
  const manifest =
    browser === 'chromium'
      ? {
          manifest_version: 3,
          name: 'Claimnote harness probe',
          version: '1.0',
          background: { service_worker: 'background.js' },
          content_scripts: contentScripts,
        }
      : {
          manifest_version: 2,
          name: 'Claimnote harness probe',
          version: '1.0',
          background: { scripts: ['background.js'] },
          content_scripts: contentScripts,
          browser_specific_settings: { gecko: { id: 'harness-probe@claimnote.test' } },
        };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  await writeFile(join(dir, 'content.js'), CONTENT_SCRIPT);
  await writeFile(join(dir, 'background.js'), BACKGROUND_SCRIPT);
  return dir;
}
