import { beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, type DriverPage } from './harness/browsers';
import { type MarkerInfo, openNote, readMarkers, readNoteCard, waitFor } from './harness/claimnote-page';
import { claimWithSources, fixtureExpectations, VERDICT_WORDS } from './harness/expectations';
import { markerClaimIds, openFixture, useBrowserWithExtension } from './harness/session';

// A page that resets every property of every element with `all: unset !important` and
// covers the viewport with maximum-z-index overlays: the markers and the note card must
// still be usable and legible, because their styles live in shadow roots.
const PAGE = 'hostile/all-unset-and-overlays.html';
const expected = fixtureExpectations(PAGE).initial ?? [];

// WCAG AA for normal text.
const MIN_CONTRAST = 4.5;
const MIN_FONT_PX = 12;

describe.each(BROWSERS)('page with hostile CSS, in %s', (browserName) => {
  const context = useBrowserWithExtension(browserName);
  let page: DriverPage;
  let markers: MarkerInfo[];

  beforeAll(async () => {
    ({ page } = await openFixture(context(), PAGE, { requireActive: true, minFindings: 1 }));
    markers = await readMarkers(page);
  });

  it('still finds the claims and renders a marker button with a size', () => {
    expect(markerClaimIds(markers)).toEqual(expected);
    for (const marker of markers) {
      expect(marker.buttonRect?.width ?? 0, `marker ${marker.claimId}`).toBeGreaterThan(0);
      expect(marker.buttonRect?.height ?? 0, `marker ${marker.claimId}`).toBeGreaterThan(0);
    }
  });

  it.each(expected)('the note for %s is legible and on top of the overlays', async (claimId) => {
    const { claim } = claimWithSources(claimId);
    const index = markers.findIndex((candidate) => candidate.claimId === claimId);
    expect(index, `no marker for ${claimId}`).toBeGreaterThanOrEqual(0);
    // Keyboard, because an overlay may cover the marker for a pointer (as on real pages).
    await openNote(page, index, 'keyboard');
    const card = await readNoteCard(page);
    await page.screenshot(`note-card-hostile-${claimId}`);

    expect(card.visible).toBe(true);
    expect(card.verdict).toMatch(VERDICT_WORDS[claim.verdict]);
    expect(card.rect?.width ?? 0).toBeGreaterThan(150);
    expect(card.rect?.height ?? 0).toBeGreaterThan(40);
    const viewport = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }), undefined);
    const rect = card.rect ?? { x: -1, y: -1, width: 0, height: 0 };
    // Inside the viewport, so a reader can see all of it without scrolling sideways.
    expect(rect.x).toBeGreaterThanOrEqual(0);
    expect(rect.x + rect.width).toBeLessThanOrEqual(viewport.width);
    expect(rect.y).toBeLessThan(viewport.height);
    expect(rect.y + rect.height).toBeGreaterThan(0);
    expect(card.style?.visibility).toBe('visible');
    expect(Number(card.style?.opacity)).toBe(1);
    expect(card.style?.fontSize ?? 0).toBeGreaterThanOrEqual(MIN_FONT_PX);
    expect(
      card.style?.contrast ?? 0,
      `${card.style?.color} on ${card.style?.effectiveBackground}`,
    ).toBeGreaterThanOrEqual(MIN_CONTRAST);
    expect(card.onTop, 'a page overlay covers the note card').toBe(true);

    await page.press('Escape');
    await waitFor(page, async () => !(await readNoteCard(page)).visible, 3_000, 'the note card to close');
  });

  it('makes no network request of its own', () => {
    const { session, networkStart } = context();
    expect(session.network.extensionRequestsSince(networkStart)).toEqual([]);
  });
});
