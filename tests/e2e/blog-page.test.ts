import { beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, type DriverPage } from './harness/browsers';
import {
  type MarkerInfo,
  openNote,
  readFocus,
  readHighlights,
  readMarkers,
  readNoteCard,
  type ScanState,
  serializeBodyWithoutMarkers,
  waitFor,
} from './harness/claimnote-page';
import { claimWithSources, fixtureExpectations, VERDICT_WORDS } from './harness/expectations';
import { markerClaimIds, openFixture, useBrowserWithExtension } from './harness/session';

// A blog post with several false claims: each is found, highlighted and marked, and its
// note opens with the claim's verdict, correction and sources, then closes on Escape.
const PAGE = 'blog/living-with-my-pain-pump.html';
const expected = fixtureExpectations(PAGE).initial ?? [];

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

describe.each(BROWSERS)('blog page with false claims, in %s', (browserName) => {
  const context = useBrowserWithExtension(browserName);
  let page: DriverPage;
  let state: ScanState;
  let markers: MarkerInfo[];

  beforeAll(async () => {
    ({ page, state } = await openFixture(context(), PAGE, { requireActive: true, minFindings: 1 }));
    markers = await readMarkers(page);
  });

  it('finds exactly the claims the page makes, one marker per finding', () => {
    expect(state.state).toBe('idle');
    expect(markerClaimIds(markers)).toEqual(expected);
    expect(state.findings).toBe(markers.length);
  });

  it('leaves the page body as parsed, apart from the markers', async () => {
    const atParse = await serializeBodyWithoutMarkers(page, 'at-parse');
    expect(atParse).not.toBeNull();
    expect(await serializeBodyWithoutMarkers(page, 'live')).toBe(atParse);
  });

  it.each(expected)('marks and highlights %s with its verdict', async (claimId) => {
    const { claim } = claimWithSources(claimId);
    const marker = markers.find((candidate) => candidate.claimId === claimId);
    expect(marker, `no marker for ${claimId}`).toBeDefined();
    if (!marker) return;
    expect(marker.verdict).toBe(claim.verdict);
    expect(marker.buttonFocusable).toBe(true);
    expect(marker.buttonName ?? '').toMatch(/claimnote/i);
    expect(marker.buttonRect?.width ?? 0).toBeGreaterThan(0);
    // One highlight for every verdict (the verdict is not the page's to read); the
    // highlighted sentence sits in the same paragraph as the marker after it.
    const ranges = await readHighlights(page);
    const inBlock = ranges.filter((text) => text.length > 10 && marker.blockText.includes(text));
    expect(inBlock, `no highlight in "${marker.blockText}"`).not.toEqual([]);
  });

  it.each(expected)('opens the note for %s with verdict and sources; Escape closes it', async (claimId) => {
    const { claim, sources } = claimWithSources(claimId);
    const index = markers.findIndex((candidate) => candidate.claimId === claimId);
    expect(index, `no marker for ${claimId}`).toBeGreaterThanOrEqual(0);
    await openNote(page, index, 'click');
    const card = await readNoteCard(page);
    await page.screenshot(`note-card-blog-${claimId}`);

    expect(card.role).toBe('dialog');
    expect(card.accessibleName, 'the dialog needs a name for screen readers').not.toBe('');
    expect(card.verdict).toMatch(VERDICT_WORDS[claim.verdict]);
    expect(card.correction).toBe(normalize(claim.correction));
    expect(card.explanation).toBe(normalize(claim.explanation));
    expect(card.reviewed).toContain(claim.reviewed);
    // "Why this matched" names the claim the sentence was matched to.
    expect(card.whyMatched).toContain(normalize(claim.statement));
    expect(card.hasClose).toBe(true);
    expect(card.hasReport).toBe(true);
    expect(card.pinToggles).toHaveLength(sources.length);
    for (const pressed of card.pinToggles) expect(['true', 'false']).toContain(pressed);
    expect(card.links.map((link) => link.href).sort()).toEqual(
      sources.map((source) => new URL(source.url).href).sort(),
    );
    for (const link of card.links) {
      expect(new URL(link.href).protocol).toBe('https:');
      expect(link.target).toBe('_blank');
      expect((link.rel ?? '').split(/\s+/)).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
      expect(link.text.length).toBeGreaterThan(0);
    }

    await page.press('Escape');
    await waitFor(page, async () => !(await readNoteCard(page)).visible, 3_000, 'the note card to close');
    const focus = await readFocus(page);
    expect(focus.markerClaimId).toBe(claimId);
    expect(focus.shadowActive).toBe('button');
  });

  it('makes no network request of its own while scanning and showing notes', () => {
    const { session, networkStart } = context();
    expect(session.network.extensionRequestsSince(networkStart)).toEqual([]);
  });
});
