/**
 * Whether an event came from the reader (or the browser) rather than from a page script:
 * `element.click()`, `dispatchEvent` and forged keyboard events all have `isTrusted` false.
 * Closed shadow roots already keep page scripts away from Claimnote's buttons; this is the
 * second line, for listeners on the page's own document and for anything the roots miss.
 * @param event any DOM event
 */
export function isTrustedEvent(event: Event): boolean {
  return event.isTrusted === true;
}

/**
 * Wraps an event handler so that it does nothing for untrusted events.
 * @param handler the action to guard (open a card, toggle a pin, start a report…)
 * @returns a handler that calls `handler` for trusted events only
 */
export function onlyTrusted<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (isTrustedEvent(event)) handler(event);
  };
}
