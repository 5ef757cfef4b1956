import { describe, expect, it } from 'vitest';
import { terminalSafe } from '../../lib/scan/terminal-text';

describe('terminalSafe', () => {
  it('removes CSI, OSC and two-character escape sequences, in 7-bit and C1 forms', () => {
    expect(terminalSafe('a\u001b[31;1mred\u001b[0m b')).toBe('ared b');
    expect(terminalSafe('\u001b]0;title\u0007x\u001b]8;;https://e.test\u001b\\link\u001b]8;;\u001b\\')).toBe(
      'xlink',
    );
    expect(terminalSafe('\u009b2Jx\u009d52;c;ZXZpbA==\u009cy')).toBe('xy');
    expect(terminalSafe('a\u001bcb\u001b7c\u001b')).toBe('abc');
  });

  it('removes other control characters but keeps tab and line feed', () => {
    expect(terminalSafe('a\u0000b\u0007c\u0008d\re\u007ff\u0085g\th\ni')).toBe('abcdefg\th\ni');
  });

  it('removes bidirectional overrides, embeddings, isolates and marks', () => {
    expect(terminalSafe('safe\u202egnp.exe\u202c \u2066x\u2069\u200e\u200f\u061c')).toBe('safegnp.exe x');
  });

  it('keeps ordinary text, accents and emoji', () => {
    const text = 'Ziconotide — “non-opioid”, café, 🙂, 日本語.';
    expect(terminalSafe(text)).toBe(text);
  });

  it('is linear on long runs of escape introducers', () => {
    const text = '\u001b['.repeat(200_000) + '\u001b]'.repeat(200_000);
    const started = performance.now();
    expect(terminalSafe(text)).toBe('');
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
