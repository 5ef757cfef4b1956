import type { ClaimNote } from '../../lib/claims/claim-list';
import { createMatcher } from '../../lib/matching/matcher';
import { createRelevanceGate } from '../../lib/matching/relevance-gate';
import { attributeHiddenPredicate } from '../../lib/page/hidden';
import type { PageControllerOptions } from '../../lib/page/page-controller-options';
import { createPageUi } from '../../lib/ui/page-ui';
import { testUiOptions } from './own-ui';
import { testBundle } from './test-bundle';
import type { VirtualClock } from './virtual-clock';

const matcher = createMatcher(testBundle.index);

/** The test bundle's notes by claim id. */
export const testNotes = new Map<string, ClaimNote>(testBundle.notes.map((note) => [note.id, note]));

/**
 * Page controller options for unit tests: the test bundle, the global happy-dom page, and
 * every timer and slice on `clock`. Flushes wait 5 ms; everything the reader sees is visible
 * unless `overrides` says otherwise.
 * @param clock the test's virtual clock
 * @param overrides options to replace
 */
export function testControllerOptions(
  clock: VirtualClock,
  overrides: Partial<PageControllerOptions> = {},
): PageControllerOptions {
  const { lifecycle, slices } = clock;
  return {
    document,
    window,
    matcher,
    gate: createRelevanceGate(testBundle.index.relevanceGate),
    notes: testNotes,
    isHidden: attributeHiddenPredicate,
    createVisibilityTest: () => () => true,
    lifecycle,
    slices,
    createUi: () =>
      createPageUi(document, window, {
        listReviewed: testBundle.reviewed,
        pageUrl: () => location.href,
        ...testUiOptions(lifecycle.signal, {
          now: clock.now,
          setTimeout: (cb, ms) => lifecycle.setTimeout(cb, ms),
        }),
      }),
    markerText: (verdict) => `[${verdict}?]`,
    markerLabel: (verdict) => `Claimnote: ${verdict}, show note`,
    report: () => undefined,
    flushDelayMs: 5,
    ...overrides,
  };
}
