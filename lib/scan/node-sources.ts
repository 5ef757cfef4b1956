import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { InputRefused, tooLarge } from './scan-limits';

/** What every read gets: the size cap, and the signal that ends the input's time budget. */
export interface ReadLimits {
  maxBytes: number;
  signal: AbortSignal;
}

const NOT_REGULAR = 'not a regular file';
const decoder = () => new TextDecoder('utf-8');

/**
 * Reads a regular file as UTF-8, at most `maxBytes`. FIFOs, sockets and devices are refused
 * before they are opened (opening a FIFO blocks until a writer appears, forever if none does);
 * the file is then opened non-blocking and checked again, in case it was swapped in between.
 * @param path the file
 * @param limits size cap and time-budget signal
 * @returns the text
 * @throws {InputRefused} for anything but a regular file, or one over the cap
 */
export async function readRegularFile(path: string, limits: ReadLimits): Promise<string> {
  const before = await stat(path);
  if (before.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  if (!before.isFile()) throw new InputRefused(NOT_REGULAR);
  if (before.size > limits.maxBytes) throw tooLarge(limits.maxBytes);
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const now = await handle.stat();
    if (!now.isFile()) throw new InputRefused(NOT_REGULAR);
    // Read to the end rather than to the stated size: /proc files say 0, a log may be growing.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      limits.signal.throwIfAborted();
      const chunk = Buffer.alloc(Math.min(1024 * 1024, limits.maxBytes + 1));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > limits.maxBytes) throw tooLarge(limits.maxBytes);
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return decoder().decode(Buffer.concat(chunks, length));
  } finally {
    await handle.close();
  }
}

/**
 * Reads a stream (stdin) to its end as UTF-8, at most `maxBytes`; stops reading it when the
 * cap is passed or the budget ends, so that a terminal or endless pipe cannot hold the CLI.
 * @param stream the stream
 * @param limits size cap and time-budget signal
 * @returns the text
 */
export function readCappedStream(stream: Readable, limits: ReadLimits): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const finish = (error: unknown, text?: string) => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', finish);
      limits.signal.removeEventListener('abort', onAbort);
      if (error !== undefined) {
        stream.pause();
        // Nothing more will be read; the CLI must be able to exit while the stream stays open.
        (stream as Readable & { unref?: () => void }).unref?.();
        stream.destroy();
        reject(error);
      } else resolve(text ?? '');
    };
    const onData = (chunk: Buffer | string) => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      length += buffer.length;
      if (length > limits.maxBytes) finish(tooLarge(limits.maxBytes));
      else chunks.push(buffer);
    };
    const onEnd = () => finish(undefined, decoder().decode(Buffer.concat(chunks)));
    const onAbort = () => finish(limits.signal.reason);
    if (limits.signal.aborted) return onAbort();
    limits.signal.addEventListener('abort', onAbort, { once: true });
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', finish);
  });
}

/**
 * Fetches an http(s) URL, streaming the body and aborting the request as soon as it passes
 * `maxBytes` or the budget ends, so an endless or slow body costs neither memory nor time.
 * @param url the URL
 * @param limits size cap and time-budget signal
 * @returns the body as UTF-8 text and the content type
 */
export async function fetchCapped(
  url: string,
  limits: ReadLimits,
): Promise<{ body: string; contentType: string }> {
  const controller = new AbortController();
  const onAbort = () => controller.abort(limits.signal.reason);
  if (limits.signal.aborted) onAbort();
  limits.signal.addEventListener('abort', onAbort, { once: true });
  try {
    const response = await fetch(url, { redirect: 'follow', signal: controller.signal });
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (declared > limits.maxBytes) throw tooLarge(limits.maxBytes);
    const contentType = response.headers.get('content-type') ?? '';
    if (response.body === null) return { body: '', contentType };
    const reader = response.body.getReader();
    const text = decoder();
    const parts: string[] = [];
    let length = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      length += value.byteLength;
      if (length > limits.maxBytes) throw tooLarge(limits.maxBytes);
      parts.push(text.decode(value, { stream: true }));
    }
    parts.push(text.decode());
    return { body: parts.join(''), contentType };
  } catch (error) {
    // The budget's own error, not fetch's generic "This operation was aborted".
    if (limits.signal.aborted) throw limits.signal.reason;
    throw error;
  } finally {
    limits.signal.removeEventListener('abort', onAbort);
    // Closes the connection of a body left unread (over the cap, or on error).
    controller.abort();
  }
}
