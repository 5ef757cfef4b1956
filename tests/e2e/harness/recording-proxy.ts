import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request the browser tried to send to a host other than the loopback fixture servers. */
export interface ProxiedRequest {
  /** `GET http://host/path` for plain HTTP, `CONNECT host:443` for HTTPS (the path is hidden). */
  method: string;
  target: string;
  at: number;
}

export interface RecordingProxy {
  /** `127.0.0.1:<port>`, for the browser's proxy setting. */
  hostPort: string;
  port: number;
  requests: ProxiedRequest[];
  /** Connections not closed yet (a test waits for the proxy's side of one to end). */
  openConnections(): number;
  close(): Promise<void>;
}

/**
 * A forward proxy that records every request sent through it and answers none of them
 * (the test machine is offline, and a test must never depend on the outside world).
 * Both browsers are pointed at it for all non-loopback traffic, so it sees requests from
 * every context, including an extension's background page or service worker, which the
 * page-level automation APIs of Firefox do not report.
 *
 * @returns the running proxy; call `close()` when done
 */
export async function startRecordingProxy(): Promise<RecordingProxy> {
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    requests.push({ method: req.method ?? 'GET', target: req.url ?? '', at: Date.now() });
    res.statusCode = 502;
    res.end('blocked by the Claimnote test proxy');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (req, socket) => {
    requests.push({ method: 'CONNECT', target: req.url ?? '', at: Date.now() });
    // A CONNECT socket is the handler's alone: the HTTP server no longer listens for its
    // errors, and a browser resetting it after the refusal must not crash the test run.
    // A CONNECT socket is the handler's alone: the HTTP server no longer listens for its
    // errors, and a browser resetting it after the refusal must not crash the test run.
    socket.on('error', () => socket.destroy());
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    hostPort: `127.0.0.1:${port}`,
    port,
    requests,
    openConnections: () => sockets.size,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
