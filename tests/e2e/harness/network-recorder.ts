import type { FixtureServer } from './fixture-server';
import type { RecordingProxy } from './recording-proxy';

/**
 * Hosts the browsers themselves contact even with background networking disabled (component
 * updates, account checks, remote settings). Requests to them through the proxy are the
 * browser's, not the extension's; they are still kept in `all` for inspection. Extension
 * requests are attributed from the automation events first, so an extension request to
 * one of these hosts from a context the driver can see is still caught.
 */
export const BROWSER_SERVICE_HOSTS: readonly string[] = [
  'update.googleapis.com',
  'accounts.google.com',
  'clients2.google.com',
  'firefox.settings.services.mozilla.com',
  'content-signature-2.cdn.mozilla.net',
  'push.services.mozilla.com',
  'detectportal.firefox.com',
];

export interface RecordedRequest {
  url: string;
  /**
   * `driver`: reported by Playwright/Puppeteer/CDP; `proxy`: seen by the recording proxy;
   * `server`: seen by the fixture server with an extension origin.
   */
  via: 'driver' | 'proxy' | 'server';
  /** The page, service worker or script that made it, when known. */
  context: string;
  /** Why the request counts as the extension's, or undefined when it does not. */
  extensionReason?: string;
}

export interface RequestEvent {
  url: string;
  context: string;
  /** The driver says the request came from an extension context (service worker, extension page or script). */
  fromExtensionContext: boolean;
}

/**
 * Collects every request of a browser session and attributes requests to the extension.
 * A request is the extension's when the driver reports it from an extension context, or
 * when it leaves 127.0.0.1: the fixture pages load nothing from anywhere else, so an
 * off-host request during a test can only come from the extension (or from the browser's
 * own services, listed in `BROWSER_SERVICE_HOSTS`).
 */
export class NetworkRecorder {
  private readonly driverRequests: RecordedRequest[] = [];

  constructor(
    readonly browser: 'chromium' | 'firefox',
    private readonly proxy: RecordingProxy,
  ) {}

  /** Records one request reported by the browser driver. */
  record(event: RequestEvent): void {
    this.driverRequests.push({
      url: event.url,
      via: 'driver',
      context: event.context,
      extensionReason: attributeDriverRequest(event),
    });
  }

  /**
   * Also watches the fixture server: a request reaching it with an extension `Origin` or
   * `Referer` is the extension's. This is how Firefox background requests to 127.0.0.1 are
   * caught, which its automation does not report and the proxy does not see.
   *
   * @returns a function that stops watching
   */
  watchFixtureServer(server: FixtureServer): () => void {
    return server.onRequest((served) => {
      const sources = [served.headers.origin, served.headers.referer].flat();
      const extension = sources.find((value) => /^(chrome|moz)-extension:/.test(value ?? ''));
      if (!extension) return;
      this.driverRequests.push({
        url: `${served.origin}${served.path}`,
        via: 'server',
        context: extension,
        extensionReason: `reached the fixture server from ${extension}`,
      });
    });
  }

  /** Every request seen so far, driver events first, then proxy traffic. */
  get all(): RecordedRequest[] {
    return [...this.driverRequests, ...this.proxy.requests.map(proxyRecord)];
  }

  /** A position to pass to `extensionRequestsSince`, so a test can look at its own window only. */
  mark(): { driver: number; proxy: number } {
    return { driver: this.driverRequests.length, proxy: this.proxy.requests.length };
  }

  /** The requests attributed to the extension since `mark` (or since the start). */
  extensionRequestsSince(mark = { driver: 0, proxy: 0 }): RecordedRequest[] {
    const fromDriver = this.driverRequests.slice(mark.driver);
    const fromProxy = this.proxy.requests.slice(mark.proxy).map(proxyRecord);
    return [...fromDriver, ...fromProxy].filter((request) => request.extensionReason !== undefined);
  }
}

function attributeDriverRequest(event: RequestEvent): string | undefined {
  const url = safeUrl(event.url);
  const network = ['http:', 'https:', 'ws:', 'wss:'];
  // data:, blob:, chrome-extension: and moz-extension: URLs never reach the network, so an
  // extension page loading its own scripts and styles is not a request of the extension's.
  if (!url || !network.includes(url.protocol)) return undefined;
  if (event.fromExtensionContext) return `made by extension context ${event.context}`;
  if (url.hostname !== '127.0.0.1') return `left 127.0.0.1 (from ${event.context || 'unknown context'})`;
  return undefined;
}

function proxyRecord(request: RecordingProxy['requests'][number]): RecordedRequest {
  const host =
    request.method === 'CONNECT' ? request.target.replace(/:\d+$/, '') : safeUrl(request.target)?.hostname;
  const isBrowserService = host !== undefined && BROWSER_SERVICE_HOSTS.includes(host);
  return {
    url: request.method === 'CONNECT' ? `https://${request.target}` : request.target,
    via: 'proxy',
    context: `${request.method} through the proxy`,
    extensionReason: isBrowserService ? undefined : 'left 127.0.0.1 through the proxy',
  };
}

function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
