/**
 * The content script's context on every page, in place of WXT's `ContentScriptContext` (the
 * content build aliases `wxt/utils/content-script-context` here, see wxt.config.ts). WXT's
 * class costs more at start than the whole relevance check: its class setup reads
 * `runtime.id`, which makes the browser build the extension API bindings of the isolated
 * world, and it dispatches a start event to older copies. On the pages where the check never
 * passes none of that is needed: this context is a list of what to undo when it ends (timers,
 * listeners, callbacks), with an AbortSignal made only when asked for (making one is a cost of
 * its own in a fresh isolated world), and it touches the extension API only when asked whether
 * the extension is still there. The scanner, once loaded, runs under WXT's own context
 * (entrypoints/page-scanner.ts), which this one ends with.
 *
 * Only the members the content script and its lifecycle adapters use are provided.
 */
export class BootContext {
  /** Made on first use: creating an AbortController is a cost every page would pay. */
  private controller: AbortController | null = null;
  private ended = false;
  private endReason: unknown;
  /** What ends with the context: invalidation callbacks, timers, listeners. */
  private readonly cleanups = new Set<() => void>();
  private locationWatch: ((href: string) => void)[] | null = null;

  /**
   * @param contentScriptName the entrypoint's name (kept for WXT's wrapper, which passes it)
   * @param options the entrypoint's options (unused: nothing here is announced to the page)
   */
  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}

  /** Aborted when the context ends. Only the scanner and sliced work ask for it. */
  get signal(): AbortSignal {
    if (this.controller === null) {
      this.controller = new AbortController();
      if (this.ended) this.controller.abort(this.endReason);
    }
    return this.controller.signal;
  }

  /**
   * Whether the context ended, or the extension was updated or removed since the script
   * started (then `runtime.id` is gone and the context ends now).
   */
  get isInvalid(): boolean {
    if (!this.ended && !extensionAlive()) this.abort('Claimnote was updated or removed');
    return this.ended;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  /** Ends the context: every timer, listener and callback registered through it stops. */
  abort(reason?: unknown): void {
    if (this.ended) return;
    this.ended = true;
    this.endReason = reason;
    this.controller?.abort(reason);
    const cleanups = [...this.cleanups];
    this.cleanups.clear();
    for (const cleanup of cleanups) cleanup();
  }

  /**
   * Runs `cb` when the context ends (never, when it has ended already, as with an AbortSignal).
   * @returns a function that removes `cb`
   */
  onInvalidated(cb: () => void): () => void {
    if (this.ended) return () => undefined;
    // A wrapper of its own, so the same callback registered twice is removed once.
    const entry = () => cb();
    this.cleanups.add(entry);
    return () => this.cleanups.delete(entry);
  }

  /** A timeout that is cleared when the context ends. */
  setTimeout(handler: () => void, timeout?: number): number {
    const id = setTimeout(() => {
      forget();
      if (!this.ended) handler();
    }, timeout);
    const forget = this.onInvalidated(() => clearTimeout(id));
    return id as unknown as number;
  }

  /** An interval that is cleared when the context ends. */
  setInterval(handler: () => void, timeout?: number): number {
    const id = setInterval(() => {
      if (!this.ended) handler();
    }, timeout);
    this.onInvalidated(() => clearInterval(id));
    return id as unknown as number;
  }

  /** An idle callback that is cancelled when the context ends. */
  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number {
    const id = requestIdleCallback((deadline) => {
      forget();
      if (!this.ended) callback(deadline);
    }, options);
    const forget = this.onInvalidated(() => cancelIdleCallback(id));
    return id;
  }

  /**
   * A listener removed when the context ends. `wxt:locationchange` (WXT's event for a
   * client-side navigation) is served by this context's own URL watch, started on first use.
   */
  addEventListener(
    target: EventTarget,
    type: string,
    handler: (event: Event) => void,
    options?: AddEventListenerOptions,
  ): void {
    if (type === 'wxt:locationchange') {
      this.watchLocation(() => handler(new Event(type)));
      return;
    }
    this.listen(target, type, handler, options);
  }

  /** Adds a listener and removes it when the context ends, without an AbortSignal. */
  private listen(
    target: EventTarget,
    type: string,
    handler: (event: Event) => void,
    options?: AddEventListenerOptions,
  ): void {
    if (this.ended) return;
    target.addEventListener(type, handler, options);
    this.onInvalidated(() => target.removeEventListener(type, handler, options));
  }

  private watchLocation(cb: (href: string) => void): void {
    if (this.locationWatch) {
      this.locationWatch.push(cb);
      return;
    }
    const watchers = [cb];
    this.locationWatch = watchers;
    let last = document.URL;
    const check = () => {
      const now = document.URL;
      if (now === last) return;
      last = now;
      for (const watcher of watchers) watcher(now);
    };
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    // The Navigation API reports same-document navigations as they finish; elsewhere the
    // address is compared once a second.
    if (typeof navigation?.addEventListener === 'function') {
      this.listen(navigation, 'navigatesuccess', check);
    } else {
      this.setInterval(check, 1000);
    }
  }
}

/** Whether this copy of the extension still runs; false after an update, reload or removal. */
function extensionAlive(): boolean {
  const api = globalThis as {
    browser?: { runtime?: { id?: string } };
    chrome?: { runtime?: { id?: string } };
  };
  try {
    return (api.browser?.runtime?.id ?? api.chrome?.runtime?.id) != null;
  } catch {
    return false;
  }
}

/** Under the name WXT's content-script wrapper imports. */
export { BootContext as ContentScriptContext };
