import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ClaimBundle } from '../claims/claim-bundle';
import type { ClaimNote } from '../claims/claim-list';
import { createMatcher } from '../matching/matcher';
import { relevanceGateFromSearches } from '../matching/relevance-gate';
import { sendFrameFindings } from '../messaging/client';
import {
  contentMessageSchema,
  GET_PAGE_STATE,
  hasMessageType,
  REVEAL_FINDING,
  SET_NOTES_HIDDEN,
} from '../messaging/messages';
import { createPinWriter } from '../storage/pin-writer';
import {
  applyPinChanges,
  getPinnedPublishers,
  isSitePaused,
  normalizeHostname,
  watchPausedSites,
  watchPinnedPublishers,
} from '../storage/storage';
import { createReportGate } from '../ui/note/report-gate';
import { createPageUi } from '../ui/page-ui';
import { markerLabel, markerText } from '../ui/verdict-text';
import { computedStyleDefersRendering, computedStyleHiddenPredicate } from './hidden';
import { lifecycleFromContext, sliceEnvironmentFromContext } from './lifecycle';
import { PageController } from './page-controller';
import { createVisibilityTest } from './visible-text';

/**
 * Starts Claimnote in one frame: builds the page controller from the claim bundle, follows the
 * site's pause setting, and answers the popup. Everything registered here ends with `ctx`.
 * @param ctx the content script's context
 * @param bundle the compiled claim list
 * @param options `knownRelevant`: the caller's cheap check already passed on this page
 * @returns the controller, for tests and debugging
 */
export async function startContentScript(
  ctx: ContentScriptContext,
  bundle: ClaimBundle,
  options: { knownRelevant?: boolean } = {},
): Promise<PageController> {
  const matcher = createMatcher(bundle.index);
  const notes = new Map<string, ClaimNote>(bundle.notes.map((note) => [note.id, note]));
  const lifecycle = lifecycleFromContext(ctx);
  const hostname = normalizeHostname(location.hostname);
  const now = () => window.performance.now();
  // Created on first use: a page whose notes are never opened reads no pins.
  let pins: ReturnType<typeof createPinWriter> | null = null;
  const pinWriter = () =>
    (pins ??= createPinWriter({
      store: { get: getPinnedPublishers, apply: applyPinChanges, watch: watchPinnedPublishers },
      clock: { now, setTimeout: (cb, ms) => lifecycle.setTimeout(cb, ms) },
      signal: lifecycle.signal,
    }));
  const reports = createReportGate({ now });

  const controller = new PageController({
    document,
    window,
    matcher,
    gate: relevanceGateFromSearches(bundle.gateSearches),
    notes,
    isHidden: computedStyleHiddenPredicate(window),
    createVisibilityTest: () => createVisibilityTest(window),
    defersRendering: computedStyleDefersRendering(window),
    lifecycle,
    slices: sliceEnvironmentFromContext(ctx, window),
    createUi: () =>
      createPageUi(document, window, {
        listReviewed: bundle.reviewed,
        pageUrl: () => location.href,
        get pins() {
          return pinWriter();
        },
        reports,
      }),
    markerText,
    markerLabel,
    report: (url, count, findings) => {
      // The background may be asleep or reloading after an update; the next pass reports again.
      sendFrameFindings(url, count, findings).catch(() => undefined);
    },
  });

  const onMessage = (message: unknown): Promise<unknown> | undefined => {
    if (!hasMessageType(message, [GET_PAGE_STATE, REVEAL_FINDING, SET_NOTES_HIDDEN])) return undefined;
    const parsed = contentMessageSchema.safeParse(message);
    if (!parsed.success) return undefined;
    const request = parsed.data;
    switch (request.type) {
      case GET_PAGE_STATE:
        return Promise.resolve(controller.getState());
      case REVEAL_FINDING:
        return Promise.resolve({ ok: controller.reveal(request.index) });
      case SET_NOTES_HIDDEN:
        controller.setHidden(request.hidden);
        return Promise.resolve(controller.getState());
    }
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  const paused = await isSitePaused(hostname).catch(() => false);
  if (ctx.isInvalid) return controller;
  controller.start(paused, options.knownRelevant ?? false);
  const unwatch = watchPausedSites((sites) => controller.setPaused(sites.includes(hostname)));
  ctx.onInvalidated(unwatch);
  return controller;
}
