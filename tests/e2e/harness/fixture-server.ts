import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Fixture pages shipped with the tests (tests/fixtures/pages). */
export const FIXTURE_PAGES_DIR = resolve(fileURLToPath(new URL('../../fixtures/pages', import.meta.url)));

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** One request the fixture server answered. */
export interface ServedRequest {
  method: string;
  path: string;
  status: number;
  /** Which of the two origins received it. */
  origin: string;
  headers: Record<string, string | string[] | undefined>;
}

/** Dynamic pages generated in memory (benchmarks); keyed by path, e.g. `/generated/big.html`. */
export type GeneratedPages = Map<string, { body: string | Buffer; headers?: Record<string, string> }>;

export interface FixtureServer {
  /** Main origin, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  /** A second origin (another port) serving the same files, for cross-origin iframes. */
  otherOrigin: string;
  /** Absolute URL of a fixture path on the main origin. */
  url(path: string): string;
  /** Every request both origins answered, in order. */
  requests: ServedRequest[];
  /** Pages served from memory in addition to the files. */
  generated: GeneratedPages;
  /** Calls `listener` for every request answered from now on; returns an unsubscribe function. */
  onRequest(listener: (request: ServedRequest) => void): () => void;
  close(): Promise<void>;
}

export interface FixtureServerOptions {
  /** Directory to serve; defaults to tests/fixtures/pages. */
  root?: string;
}

/**
 * Starts a static HTTP server for fixture pages on 127.0.0.1, on two random free ports (two
 * origins). A file `<name>.headers.json` next to `<name>` adds response headers to it (for
 * example a strict Content-Security-Policy), so header-dependent pages stay plain files.
 * The placeholder `{{OTHER_ORIGIN}}` in HTML files is replaced by the second origin, so a
 * page can embed a cross-origin iframe without knowing the port in advance.
 *
 * @param options where the files are
 * @returns the running server; call `close()` when done
 */
export async function startFixtureServer(options: FixtureServerOptions = {}): Promise<FixtureServer> {
  const root = resolve(options.root ?? FIXTURE_PAGES_DIR);
  const requests: ServedRequest[] = [];
  const generated: GeneratedPages = new Map();
  const listeners = new Set<(request: ServedRequest) => void>();
  const origins = { main: '', other: '' };

  const handler = (which: 'main' | 'other') => (req: IncomingMessage, res: ServerResponse) => {
    serve(req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
    async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const record = (status: number) => {
        const served: ServedRequest = {
          method: request.method ?? 'GET',
          path: url.pathname + url.search,
          status,
          origin: origins[which],
          headers: request.headers,
        };
        requests.push(served);
        for (const listener of listeners) listener(served);
      };
      response.setHeader('Cache-Control', 'no-store');

      const memory = generated.get(url.pathname);
      if (memory) {
        for (const [name, value] of Object.entries(memory.headers ?? {})) response.setHeader(name, value);
        if (!response.hasHeader('Content-Type'))
          response.setHeader('Content-Type', CONTENT_TYPES['.html'] ?? '');
        record(200);
        response.end(memory.body);
        return;
      }

      const relative = normalize(decodeURIComponent(url.pathname)).replace(/^[/\\]+/, '');
      let file = join(root, relative);
      // Never serve outside the fixture directory, whatever the path says.
      if (file !== root && !file.startsWith(root + sep)) {
        record(403);
        response.statusCode = 403;
        response.end('forbidden');
        return;
      }
      const info = await stat(file).catch(() => undefined);
      if (info?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file).catch(() => undefined);
      if (!body) {
        record(404);
        response.statusCode = 404;
        response.end('not found');
        return;
      }
      const extra = await readFile(`${file}.headers.json`, 'utf8').catch(() => undefined);
      if (extra) {
        for (const [name, value] of Object.entries(JSON.parse(extra) as Record<string, string>)) {
          response.setHeader(name, value);
        }
      }
      const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
      response.setHeader('Content-Type', type);
      record(200);
      if (type.startsWith('text/html')) {
        response.end(body.toString('utf8').replaceAll('{{OTHER_ORIGIN}}', origins.other));
      } else {
        response.end(body);
      }
    }
  };

  const main = createServer(handler('main'));
  const other = createServer(handler('other'));
  origins.main = await listen(main);
  origins.other = await listen(other);

  return {
    origin: origins.main,
    otherOrigin: origins.other,
    url: (path: string) => new URL(path, origins.main).href,
    requests,
    generated,
    onRequest: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => {
      await Promise.all([closeServer(main), closeServer(other)]);
    },
  };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
}
