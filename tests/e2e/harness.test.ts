import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, type BrowserSession, launchBrowser } from './harness/browsers';
import { readHighlights, readMarkers, waitFor, waitForScan } from './harness/claimnote-page';
import { type FixtureServer, startFixtureServer } from './harness/fixture-server';
import { writeProbeExtension } from './harness/probe-extension';
import { startRecordingProxy } from './harness/recording-proxy';

// The harness checked against a throw-away probe extension rather than Claimnote, so a
// failure here points at the harness (or the browser set-up), never at the content script.

describe('fixture server', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('serves fixture pages on 127.0.0.1 and fills in the second origin', async () => {
    const response = await fetch(server.url('/harness/probe.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const body = await response.text();
    expect(body).toContain(`${server.otherOrigin}/harness/frame.html`);
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.otherOrigin).not.toBe(server.origin);
  });

  it('adds the response headers from a sidecar file', async () => {
    const response = await fetch(server.url('/harness/csp.html'));
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'");
    const plain = await fetch(server.url('/harness/probe.html'));
    expect(plain.headers.get('content-security-policy')).toBeNull();
  });

  it('answers 404 for missing files and never serves outside the fixture folder', async () => {
    expect((await fetch(server.url('/harness/missing.html'))).status).toBe(404);
    // fetch() would normalize plain dots away; a raw request sends the path as written,
    // with encoded slashes that only become separators after decoding.
    const status = await new Promise<number | undefined>((done, fail) => {
      request(`${server.origin}/..%2F..%2F..%2Fpackage.json`, (response) => {
        response.resume();
        done(response.statusCode);
      })
        .on('error', fail)
        .end();
    });
    expect(server.requests.at(-1)?.path).toBe('/..%2F..%2F..%2Fpackage.json');
    expect([403, 404]).toContain(status);
  });
});

describe('recording proxy', () => {
  it('records a CONNECT, refuses it, and survives the client resetting the connection', async () => {
    const proxy = await startRecordingProxy();
    const crashes: unknown[] = [];
    const onCrash = (error: unknown) => crashes.push(error);
    process.on('uncaughtException', onCrash);
    try {
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(proxy.port, '127.0.0.1', () => {
          socket.write('CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n');
        });
        socket.once('data', (data) => {
          // A reset (RST), as a browser closing the tunnel it was refused sends.
          socket.resetAndDestroy();
          resolve(String(data));
        });
        socket.once('error', reject);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 502/);
      // The proxy's side closes after it has read the reset (and, unguarded, thrown on it).
      while (proxy.openConnections() > 0) await new Promise((resolve) => setImmediate(resolve));
      expect(proxy.requests.map((item) => `${item.method} ${item.target}`)).toEqual([
        'CONNECT example.org:443',
      ]);
    } finally {
      await proxy.close();
      process.off('uncaughtException', onCrash);
    }
    expect(crashes).toEqual([]);
  });
});

describe.each(BROWSERS)('harness in %s with the probe extension', (browserName) => {
  let server: FixtureServer;
  let session: BrowserSession;
  beforeAll(async () => {
    server = await startFixtureServer();
    session = await launchBrowser(browserName, await writeProbeExtension(browserName));
    session.network.watchFixtureServer(server);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('reads the host, markers and highlights the extension made', async () => {
    const page = await session.newPage();
    await page.goto(server.url('/harness/probe.html'));
    const state = await waitForScan(page, { requireActive: true, settleMs: 200 });
    expect(state).toEqual({ active: true, state: 'idle', findings: 1, markers: 1 });
    const [marker] = await readMarkers(page);
    expect(marker).toMatchObject({ claimId: 'probe-claim', verdict: 'false', buttonName: 'Probe marker' });
    expect(marker?.buttonFocusable).toBe(true);
    expect(await readHighlights(page)).toEqual([
      expect.stringContaining('The first paragraph is the one the probe extension highlights.'),
    ]);
    const screenshot = await page.screenshot('harness-probe');
    expect(screenshot).toMatch(/test-results\/e2e\/.+\/harness-probe\.png$/);
    await page.close();
  });

  it('records no extension request when the extension makes none', async () => {
    const mark = session.network.mark();
    const page = await session.newPage();
    await page.goto(server.url('/harness/probe.html'));
    await waitForScan(page, { requireActive: true, settleMs: 1_000 });
    expect(session.network.extensionRequestsSince(mark)).toEqual([]);
    // The cross-origin frame loaded from the second origin, and both went through the server.
    expect(server.requests.some((request) => request.origin === server.otherOrigin)).toBe(true);
    await page.close();
  });

  it('catches requests from the content script and from the background context', async () => {
    const mark = session.network.mark();
    const page = await session.newPage();
    await page.goto(server.url('/harness/probe.html?probe-net'));
    await waitForScan(page, { requireActive: true, settleMs: 200 });
    const seen = () => session.network.extensionRequestsSince(mark).map((request) => request.url);
    await waitFor(
      page,
      async () => {
        const urls = seen();
        return (
          urls.some((url) => url.includes('probe-content.example.invalid')) &&
          urls.some((url) => url.includes('probe-background.example.invalid')) &&
          urls.some((url) => url.includes('/probe-background-loopback'))
        );
      },
      10_000,
      `all three probe requests to be recorded (seen: ${JSON.stringify(seen())})`,
    );
    await page.close();
  });
});
