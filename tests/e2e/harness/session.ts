import { afterAll, beforeAll } from 'vitest';
import { type BrowserName, type BrowserSession, type DriverPage, launchBrowser } from './browsers';
import { type MarkerInfo, readMarkers, type ScanState, waitFor, waitForScan } from './claimnote-page';
import { type FixtureServer, startFixtureServer } from './fixture-server';

export interface E2eContext {
  readonly server: FixtureServer;
  readonly session: BrowserSession;
  /** Network position at launch, for "no request of its own" checks over the whole file. */
  readonly networkStart: ReturnType<BrowserSession['network']['mark']>;
}

/**
 * Registers beforeAll/afterAll hooks that start the fixture server and the browser with the
 * built extension for one describe block, and returns a getter for them.
 *
 * @param browser which browser the block runs in
 */
export function useBrowserWithExtension(browser: BrowserName): () => E2eContext {
  let context: E2eContext | undefined;
  let server: FixtureServer | undefined;
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    server = await startFixtureServer();
    session = await launchBrowser(browser);
    session.network.watchFixtureServer(server);
    context = { server, session, networkStart: session.network.mark() };
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });
  return () => {
    if (!context) throw new Error('Browser session not started (beforeAll failed)');
    return context;
  };
}

/** Sorted distinct claim ids of the markers on the page. */
export function markerClaimIds(markers: readonly MarkerInfo[]): string[] {
  return [...new Set(markers.map((marker) => marker.claimId ?? '(no data-claim-id)'))].sort();
}

/**
 * Opens `path` in a new tab and waits for Claimnote to settle there.
 *
 * @returns the page and its settled scan state
 */
export async function openFixture(
  context: E2eContext,
  path: string,
  options: Parameters<typeof waitForScan>[1] = {},
): Promise<{ page: DriverPage; state: ScanState }> {
  const page = await context.session.newPage();
  await page.goto(context.server.url(path));
  const state = await waitForScan(page, options);
  return { page, state };
}

/**
 * Waits until the page's markers name exactly `expected` and the host is idle, or throws
 * with what was on the page at the deadline.
 */
export async function waitForMarkerIds(page: DriverPage, expected: readonly string[], timeoutMs = 10_000) {
  let seen: string[] = [];
  try {
    await waitFor(
      page,
      async () => {
        seen = markerClaimIds(await readMarkers(page));
        const state = await waitForScan(page, { timeoutMs: 1, settleMs: 0 });
        return state.state === 'idle' && JSON.stringify(seen) === JSON.stringify([...expected].sort());
      },
      timeoutMs,
      `markers ${JSON.stringify(expected)}`,
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; markers on the page: ${JSON.stringify(seen)}`);
  }
}
