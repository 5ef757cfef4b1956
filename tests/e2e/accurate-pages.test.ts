import { describe, expect, it } from 'vitest';
import { BROWSERS } from './harness/browsers';
import { readHighlights, readMarkers, serializeBodyWithoutMarkers } from './harness/claimnote-page';
import { fixtureExpectations } from './harness/expectations';
import { markerClaimIds, openFixture, useBrowserWithExtension } from './harness/session';

// Pages that must stay unflagged: an accurate hospital leaflet on intrathecal pumps, and
// pages on insulin pumps and epidurals that share the claims' vocabulary. A wrong warning
// here costs as much as a missed claim elsewhere.
const HOSPITAL = 'hospital/intrathecal-pump-patient-information.html';
const OTHER_TOPICS = [
  'other-topics/insulin-pump-basics.html',
  'other-topics/epidural-and-steroid-injections.html',
];
// Control page: shows the extension is active in this browser, so zero findings elsewhere mean something.
const CONTROL = 'blog/living-with-my-pain-pump.html';

describe.each(BROWSERS)('accurate and off-topic pages, in %s', (browserName) => {
  const context = useBrowserWithExtension(browserName);

  it('control: the extension is active (the blog page gets findings)', async () => {
    const { page, state } = await openFixture(context(), CONTROL, { requireActive: true, minFindings: 1 });
    expect(state.findings ?? 0).toBeGreaterThan(0);
    await page.close();
  });

  it('hospital page: zero findings, no highlight, body left as parsed', async () => {
    expect(fixtureExpectations(HOSPITAL).initial).toEqual([]);
    // The page is on topic, so it passes the relevance check and gets a host that reports 0.
    const { page, state } = await openFixture(context(), HOSPITAL, { requireActive: true });
    const markers = await readMarkers(page);
    expect(markerClaimIds(markers), `flagged: ${JSON.stringify(markers)}`).toEqual([]);
    expect(state).toMatchObject({ state: 'idle', findings: 0, markers: 0 });
    expect(await readHighlights(page)).toEqual([]);
    const atParse = await serializeBodyWithoutMarkers(page, 'at-parse');
    expect(atParse).not.toBeNull();
    expect(await serializeBodyWithoutMarkers(page, 'live')).toBe(atParse);
    await page.close();
  });

  it.each(OTHER_TOPICS)('%s: zero findings, no marker, no highlight', async (path) => {
    expect(fixtureExpectations(path).initial).toEqual([]);
    // Off-topic pages may never get a host, so wait a fixed time instead of for "idle".
    const { page, state } = await openFixture(context(), path, { timeoutMs: 4_000 });
    const markers = await readMarkers(page);
    expect(markerClaimIds(markers), `flagged: ${JSON.stringify(markers)}`).toEqual([]);
    expect(state.findings ?? 0).toBe(0);
    expect(await readHighlights(page)).toEqual([]);
    await page.close();
  });

  it('makes no network request of its own', () => {
    const { session, networkStart } = context();
    expect(session.network.extensionRequestsSince(networkStart)).toEqual([]);
  });
});
