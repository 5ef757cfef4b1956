import type { CDPSession } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';

/**
 * Access to Claimnote's closed shadow roots for the tests. Page scripts cannot reach them (that
 * is the point); the harness goes through the browser's automation protocol, which can:
 * Chromium's DevTools protocol describes closed roots (`DOM.describeNode` with `pierce`), and
 * WebDriver BiDi (Firefox) serializes them with `includeShadowTree: "all"`. The roots are then
 * handed to a function that runs in the page's main world as arguments, so nothing is stored
 * where the page could find it.
 *
 * Candidates are elements shaped like Claimnote's hosts (an empty `<span>` or `<div>` with an
 * inline style); only those with a closed shadow root are passed on.
 */

/** A function run in the page with Claimnote's closed roots; see `inPageExpression` for its limits. */
export type UiFunction<A, R> = (arg: A, roots: ShadowRoot[]) => R | Promise<R>;

/** Candidate hosts; `deep` also looks inside the page's own open shadow roots. */
function candidatesSource(deep: boolean): string {
  return `() => {
    const out = [];
    const visit = (root) => { for (const el of root.querySelectorAll('span:empty[style], div:empty[style]')) out.push(el); };
    visit(document);
    if (${deep}) {
      const walker = document.createTreeWalker(document, NodeFilter.SHOW_ELEMENT);
      const roots = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.shadowRoot) roots.push(node.shadowRoot);
      while (roots.length) {
        const root = roots.pop();
        visit(root);
        for (const el of root.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
      }
    }
    return out;
  }`;
}

/**
 * The call that runs `fn(arg, roots)`. The result comes back through the protocol's own
 * serialization, not the page's `JSON` (a hostile page may have replaced it).
 */
function callerSource<A, R>(fn: UiFunction<A, R>, arg: A): string {
  const argument = arg === undefined ? 'undefined' : JSON.stringify(arg);
  return `async function (...roots) {
    const __name = (target) => target;
    return await (${fn.toString()})(${argument}, roots);
  }`;
}

/**
 * Runs `fn` in a Chromium page with Claimnote's closed roots.
 * @param cdp a DevTools session attached to the page
 */
export async function evaluateWithUiChromium<A, R>(
  cdp: CDPSession,
  fn: UiFunction<A, R>,
  arg: A,
  deep: boolean,
): Promise<R> {
  const objectGroup = `claimnote-ui-${Math.random().toString(36).slice(2)}`;
  try {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression: `(${candidatesSource(deep)})()`,
      objectGroup,
    });
    if (exceptionDetails || !result.objectId)
      throw new Error(`candidate search failed: ${exceptionDetails?.text}`);
    const { result: properties } = await cdp.send('Runtime.getProperties', {
      objectId: result.objectId,
      ownProperties: true,
    });
    const elements = properties
      .filter((property) => /^\d+$/.test(property.name) && property.value?.objectId)
      .map((property) => property.value?.objectId as string);
    const roots = await Promise.all(
      elements.map(async (objectId) => {
        const { node } = await cdp.send('DOM.describeNode', { objectId, pierce: true, depth: 0 });
        const root = node.shadowRoots?.find((shadow) => shadow.shadowRootType === 'closed');
        if (!root) return null;
        const { object } = await cdp.send('DOM.resolveNode', {
          backendNodeId: root.backendNodeId,
          objectGroup,
        });
        return object.objectId ?? null;
      }),
    );
    const call = await cdp.send('Runtime.callFunctionOn', {
      objectId: result.objectId,
      functionDeclaration: callerSource(fn, arg),
      arguments: roots.filter((id): id is string => id !== null).map((objectId) => ({ objectId })),
      awaitPromise: true,
      returnByValue: true,
      objectGroup,
    });
    if (call.exceptionDetails) {
      throw new Error(
        `in page: ${call.exceptionDetails.exception?.description ?? call.exceptionDetails.text}`,
      );
    }
    return call.result.value as R;
  } finally {
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup }).catch(() => undefined);
  }
}

interface BidiRemoteValue {
  type: string;
  sharedId?: string;
  value?: unknown;
}
interface BidiRealm {
  callFunction(
    functionDeclaration: string,
    awaitPromise: boolean,
    options: Record<string, unknown>,
  ): Promise<{ type: string; result?: BidiRemoteValue; exceptionDetails?: { text: string } }>;
}

/** Puppeteer's BiDi realm of the page's main frame (internal API of puppeteer-core 24). */
function bidiRealm(page: PuppeteerPage): BidiRealm {
  const frame = page.mainFrame() as unknown as { browsingContext?: { defaultRealm?: BidiRealm } };
  const realm = frame.browsingContext?.defaultRealm;
  if (!realm) throw new Error('puppeteer-core no longer exposes the BiDi realm; update claimnote-ui.ts');
  return realm;
}

/**
 * Runs `fn` in a Firefox page (WebDriver BiDi) with Claimnote's closed roots.
 * @param page the Puppeteer page
 */
export async function evaluateWithUiFirefox<A, R>(
  page: PuppeteerPage,
  fn: UiFunction<A, R>,
  arg: A,
  deep: boolean,
): Promise<R> {
  const realm = bidiRealm(page);
  const found = await realm.callFunction(candidatesSource(deep), true, {
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 1, maxObjectDepth: 1 },
    resultOwnership: 'none',
  });
  if (found.type === 'exception') throw new Error(`candidate search failed: ${found.exceptionDetails?.text}`);
  const nodes = (found.result?.value as BidiRemoteValue[] | undefined) ?? [];
  const roots: { sharedId: string }[] = [];
  for (const node of nodes) {
    const shadow = (
      node.value as { shadowRoot?: BidiRemoteValue & { value?: { mode?: string } } } | undefined
    )?.shadowRoot;
    if (shadow?.sharedId && shadow.value?.mode === 'closed') roots.push({ sharedId: shadow.sharedId });
  }
  const call = await realm.callFunction(callerSource(fn, arg), true, {
    arguments: roots,
    resultOwnership: 'none',
  });
  if (call.type === 'exception') throw new Error(`in page: ${call.exceptionDetails?.text}`);
  return deserialize(call.result) as R;
}

/** A BiDi remote value (primitives, arrays, plain objects) as a JavaScript value. */
function deserialize(value: BidiRemoteValue | undefined): unknown {
  if (value === undefined) return undefined;
  switch (value.type) {
    case 'undefined':
      return undefined;
    case 'null':
      return null;
    case 'string':
    case 'boolean':
      return value.value;
    case 'number':
      return typeof value.value === 'number' ? value.value : Number(value.value);
    case 'array':
      return ((value.value as BidiRemoteValue[] | undefined) ?? []).map(deserialize);
    case 'object': {
      const entries = (value.value as [string | BidiRemoteValue, BidiRemoteValue][] | undefined) ?? [];
      return Object.fromEntries(
        entries.map(([key, item]) => [
          typeof key === 'string' ? key : String(deserialize(key)),
          deserialize(item),
        ]),
      );
    }
    default:
      throw new Error(`cannot bring a ${value.type} back from the page`);
  }
}
