// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isTrustedEvent, onlyTrusted } from '../../lib/ui/trusted-event';

const withTrust = (event: Event, trusted: boolean) => {
  Object.defineProperty(event, 'isTrusted', { value: trusted });
  return event;
};

describe('onlyTrusted', () => {
  it('calls the handler for trusted events only', () => {
    const seen: string[] = [];
    const handler = onlyTrusted((event: Event) => seen.push(event.type));
    handler(withTrust(new MouseEvent('click'), false));
    handler(withTrust(new KeyboardEvent('keydown'), false));
    handler(new Event('focus'));
    handler(withTrust(new MouseEvent('click'), true));
    expect(seen).toEqual(['click']);
  });

  it('treats a missing isTrusted (not a real browser event) as untrusted', () => {
    expect(isTrustedEvent({ type: 'click' } as Event)).toBe(false);
    expect(isTrustedEvent(withTrust(new Event('x'), true))).toBe(true);
  });
});
