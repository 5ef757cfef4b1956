import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readCappedStream, readRegularFile } from '../../lib/scan/node-sources';

const dir = mkdtempSync(join(tmpdir(), 'node-sources-'));
const limits = (maxBytes = 1024) => ({ maxBytes, signal: new AbortController().signal });

describe('readRegularFile', () => {
  it('reads a regular file, and refuses one over the cap', async () => {
    const file = join(dir, 'a.txt');
    writeFileSync(file, 'intrathecal ✓');
    expect(await readRegularFile(file, limits())).toBe('intrathecal ✓');
    await expect(readRegularFile(file, limits(5))).rejects.toThrow('larger than 5 bytes');
  });

  it('refuses FIFOs and devices without blocking on them', async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    await expect(readRegularFile(fifo, limits())).rejects.toThrow('not a regular file');
    await expect(readRegularFile('/dev/zero', limits())).rejects.toThrow('not a regular file');
    await expect(readRegularFile(dir, limits())).rejects.toMatchObject({ code: 'EISDIR' });
  });

  it('reads files whose stated size is 0 to their end', async () => {
    expect(await readRegularFile('/proc/self/status', limits(1 << 20))).toMatch(/^Name:/);
  });
});

describe('readCappedStream', () => {
  it('reads a stream to its end, and stops one that passes the cap', async () => {
    expect(await readCappedStream(Readable.from([Buffer.from('a'), Buffer.from('b')]), limits())).toBe('ab');
    const endless = new Readable({
      read() {
        this.push(Buffer.alloc(100));
      },
    });
    await expect(readCappedStream(endless, limits(1000))).rejects.toThrow('larger than 1000 bytes');
    expect(endless.destroyed).toBe(true);
  });

  it('stops waiting when the budget ends', async () => {
    const silent = new Readable({ read() {} });
    const controller = new AbortController();
    const reading = readCappedStream(silent, { maxBytes: 10, signal: controller.signal });
    controller.abort(new Error('budget'));
    await expect(reading).rejects.toThrow('budget');
  });
});
