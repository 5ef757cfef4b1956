import { browser } from 'wxt/browser';

/**
 * Who sent a runtime message. The background decides what a message may do from the sender the
 * browser reports, never from fields in the message: a content script runs beside page script
 * (and in a compromised renderer, as page script), so anything it puts in a message is page input.
 */

/** The `runtime.onMessage` sender fields the background reads (same shape in Chrome and Firefox). */
export interface MessageSender {
  /** Id of the extension that sent the message. */
  id?: string;
  /** Address of the sending document: an extension page, or the frame a content script runs in. */
  url?: string;
  /** The sending tab; set for content scripts, and for extension pages opened in a tab. */
  tab?: { id?: number };
  /** The sending frame within `tab`; 0 is the top frame. */
  frameId?: number;
}

/** This extension, as the browser names it; injected so tests can use fixed values. */
export interface ExtensionIdentity {
  /** `runtime.id`. */
  id: string;
  /** `runtime.getURL('/')`: every extension page's address starts with it. */
  baseUrl: string;
}

/** A sender classified by what it may ask for. */
export type SenderKind =
  /** The popup, options or report page: may read findings of any tab. */
  | { kind: 'extension-page' }
  /** A content script: may only speak about its own frame, named by the browser. */
  | { kind: 'content-script'; tabId: number; frameId: number; url: string }
  /** Anything else (another extension, a sender without a tab or address): answered with nothing. */
  | { kind: 'unknown' };

/** @returns this extension's identity from `browser.runtime` */
export function extensionIdentity(): ExtensionIdentity {
  return { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') };
}

const isId = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/**
 * Classifies a sender. An extension page is recognised by its address, not by a missing tab:
 * the report and options pages run in tabs too, and a content script always has one.
 * @param sender the sender `runtime.onMessage` passed
 * @param self this extension
 * @returns what the sender may ask for
 */
export function classifySender(sender: MessageSender, self: ExtensionIdentity): SenderKind {
  if (sender.id !== self.id || typeof sender.url !== 'string') return { kind: 'unknown' };
  if (sender.url.startsWith(self.baseUrl)) return { kind: 'extension-page' };
  const tabId = sender.tab?.id;
  if (!isId(tabId)) return { kind: 'unknown' };
  const frameId = sender.frameId ?? 0;
  if (!isId(frameId)) return { kind: 'unknown' };
  return { kind: 'content-script', tabId, frameId, url: sender.url };
}
