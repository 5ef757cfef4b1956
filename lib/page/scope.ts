import type { Lifecycle } from './lifecycle';

/**
 * A span of the content script's life, such as one mode of the page controller, that owns
 * every listener, timer and observer registered through it: closing the scope ends them all,
 * and so does the end of the lifecycle it was opened in. A scope is a Lifecycle, so code that
 * takes one (the relevance watch, the DOM watcher) runs inside a scope unchanged.
 */
export interface Scope extends Lifecycle {
  /** Ends the scope: its timers are cancelled, listeners removed, `onInvalidated` callbacks run. */
  close(): void;
}

/**
 * Opens a scope inside `parent` (the content script's lifecycle, or another scope).
 * @param parent the lifecycle the scope ends with
 */
export function openScope(parent: Lifecycle): Scope {
  const controller = new AbortController();
  const { signal } = controller;
  const close = () => controller.abort();
  if (parent.signal.aborted) close();
  // Removed again when this scope closes first, so closed scopes leave nothing on the parent.
  else parent.signal.addEventListener('abort', close, { once: true, signal });
  return {
    signal,
    // A nested scope passes its own signal, which ends no later than this one.
    setTimeout: (handler, ms, own) => parent.setTimeout(handler, ms, own ?? signal),
    listen: (target, type, handler, options) =>
      parent.listen(target, type, handler, { ...options, signal: options?.signal ?? signal }),
    onInvalidated: (cb) => {
      if (signal.aborted) cb();
      else signal.addEventListener('abort', cb, { once: true });
    },
    close,
  };
}
