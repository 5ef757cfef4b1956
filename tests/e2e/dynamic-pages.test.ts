import { describe, expect, it } from 'vitest';
import { BROWSERS } from './harness/browsers';
import { readMarkers, readScanState, waitFor } from './harness/claimnote-page';
import { fixtureExpectations } from './harness/expectations';
import { markerClaimIds, openFixture, useBrowserWithExtension, waitForMarkerIds } from './harness/session';

// Content that arrives after the first scan: replies added by a timer and a button, and a
// single-page app that swaps its article after history.pushState, and answers a click unfolds
// with a class or style change.
const FORUM = 'dynamic/forum-thread-loads-replies.html';
const SPA = 'dynamic/spa-article-navigation.html';
const FAQ = 'dynamic/clinic-faq-accordion.html';

describe.each(BROWSERS)('pages that change after load, in %s', (browserName) => {
  const context = useBrowserWithExtension(browserName);

  it('forum thread: replies added by a timer and by a button are scanned', async () => {
    const expected = fixtureExpectations(FORUM);
    const { page } = await openFixture(context(), FORUM, { requireActive: true });
    await waitFor(
      page,
      () =>
        page.evaluate(
          () => (window as unknown as { __fixtureTimerDone?: boolean }).__fixtureTimerDone === true,
          undefined,
        ),
      10_000,
      'the timer reply',
    );
    await waitForMarkerIds(page, expected['after-timer'] ?? []);

    const button = await page.evaluate(() => {
      const rect = document.getElementById('more')?.getBoundingClientRect();
      return rect ? { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 } : null;
    }, undefined);
    expect(button).not.toBeNull();
    await page.clickAt(button?.x ?? 0, button?.y ?? 0);
    await waitForMarkerIds(page, expected['after-button'] ?? []);
    const state = await readScanState(page);
    expect(state.findings).toBe(state.markers);
    await page.screenshot('forum-after-replies');
    await page.close();
  });

  it('questions page: answers a click shows by a class or style change are scanned', async () => {
    const expected = fixtureExpectations(FAQ);
    const { page } = await openFixture(context(), FAQ, { requireActive: true });
    expect(markerClaimIds(await readMarkers(page))).toEqual(expected.initial);
    const centre = (id: string) =>
      page.evaluate((target) => {
        const rect = document.getElementById(target)?.getBoundingClientRect();
        return rect ? { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 } : null;
      }, id);
    for (const [id, step] of [
      ['q1-button', 'after-question'],
      ['read-more', 'after-read-more'],
    ] as const) {
      const button = await centre(id);
      expect(button).not.toBeNull();
      await page.clickAt(button?.x ?? 0, button?.y ?? 0);
      await waitForMarkerIds(page, expected[step] ?? []);
    }
    await page.close();
  });

  it('single-page app: the article shown after pushState is scanned', async () => {
    const expected = fixtureExpectations(SPA);
    const { page } = await openFixture(context(), SPA, { requireActive: true, minFindings: 1 });
    expect(markerClaimIds(await readMarkers(page))).toEqual(expected.initial);

    const button = await page.evaluate(() => {
      const rect = document.getElementById('next')?.getBoundingClientRect();
      return rect ? { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 } : null;
    }, undefined);
    expect(button).not.toBeNull();
    await page.clickAt(button?.x ?? 0, button?.y ?? 0);
    expect(await page.evaluate(() => location.pathname, undefined)).toBe(
      '/dynamic/is-a-pain-pump-right-for-you',
    );
    await waitForMarkerIds(page, expected['after-navigation'] ?? []);
    // The badge and popup rely on this count; after the swap it must describe the new article.
    await waitFor(
      page,
      async () => {
        const state = await readScanState(page);
        return state.state === 'idle' && state.findings === state.markers;
      },
      5_000,
      'data-findings to equal the markers on the page',
    ).catch(async (error: Error) => {
      throw new Error(`${error.message}: ${JSON.stringify(await readScanState(page))}`);
    });
    await page.screenshot('spa-after-navigation');
    await page.close();
  });

  it('makes no network request of its own', () => {
    const { session, networkStart } = context();
    expect(session.network.extensionRequestsSince(networkStart)).toEqual([]);
  });
});
