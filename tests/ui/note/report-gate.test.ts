import { describe, expect, it } from 'vitest';
import { createReportGate } from '../../../lib/ui/note/report-gate';

describe('createReportGate', () => {
  it('lets the same note start once per window and any note at most three times', () => {
    let now = 0;
    const gate = createReportGate({ now: () => now });
    expect(gate.tryStart('a')).toBe('allowed');
    expect(gate.tryStart('a')).toBe('duplicate');
    expect(gate.tryStart('b')).toBe('allowed');
    expect(gate.tryStart('c')).toBe('allowed');
    expect(gate.tryStart('d')).toBe('too-many');
    now = 59_999;
    expect(gate.tryStart('a')).toBe('duplicate');
    now = 60_000;
    expect(gate.tryStart('a')).toBe('allowed');
    expect(gate.tryStart('d')).toBe('allowed');
  });

  it('holds 200 forged-looking starts in a minute to three', () => {
    let now = 0;
    const gate = createReportGate({ now: () => now });
    let allowed = 0;
    for (let start = 0; start < 200; start += 1) {
      now += 300;
      if (gate.tryStart(`draft-${start}`) === 'allowed') allowed += 1;
    }
    // 200 starts over 60 s: three per rolling minute.
    expect(allowed).toBeLessThanOrEqual(3);
  });
});
