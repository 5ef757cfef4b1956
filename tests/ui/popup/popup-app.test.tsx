// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import type { ClaimNote } from '../../../lib/claims/claim-list';
import type { PageState, TabFindingsResponse } from '../../../lib/messaging/messages';
import type { PopupApi } from '../../../lib/ui/popup/popup-api';
import { PopupApp } from '../../../lib/ui/popup/popup-app';
import { useUiTestContainer } from '../ui-test-container';

const container = useUiTestContainer();

const notes = new Map<string, ClaimNote>([
  [
    'side-effects-rare',
    {
      id: 'side-effects-rare',
      statement: 'Side effects of intrathecal pumps are rare.',
      verdict: 'false',
      correction: 'Complications such as infection and catheter problems are not rare.',
      explanation: 'x'.repeat(50),
      reviewed: '2026-11-20',
      sources: [],
    },
  ],
]);

const page: PageState = {
  url: 'https://blog.test/post',
  hostname: 'blog.test',
  active: true,
  paused: false,
  hidden: false,
  count: 1,
  findings: [{ index: 0, claimId: 'side-effects-rare', verdict: 'false', quote: 'Side effects are rare.' }],
};

function fakeApi(state: PageState, frames: TabFindingsResponse): PopupApi & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    activeTabId: async () => 7,
    pageState: async () => state,
    tabFindings: async () => frames,
    reveal: vi.fn(async (tabId: number, frameId: number, index: number) => {
      calls.push(`reveal ${tabId} ${frameId} ${index}`);
      return true;
    }),
    setNotesHidden: vi.fn(async (tabId: number, hidden: boolean) => {
      calls.push(`hidden ${tabId} ${hidden}`);
    }),
    setSitePaused: vi.fn(async (hostname: string, paused: boolean) => {
      calls.push(`paused ${hostname} ${paused}`);
    }),
    close: () => calls.push('close'),
  };
}

async function show(api: PopupApi) {
  const root = container();
  render(
    <PopupApp api={api} notes={notes} listVersion="2026-11-24+abcd1234" listReviewed="2026-11-24" />,
    root,
  );
  for (
    let i = 0;
    i < 20 && root.querySelector('[data-popup="status"], [data-popup="unavailable"]') === null;
    i += 1
  ) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return root;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('PopupApp', () => {
  it('lists findings of every frame with verdict, quote and correction', async () => {
    const api = fakeApi(page, {
      frames: [
        { frameId: 0, url: page.url, count: 1, findings: page.findings },
        {
          frameId: 3,
          url: 'https://forum.test/embed',
          count: 1,
          findings: [
            { index: 0, claimId: 'side-effects-rare', verdict: 'false', quote: 'Pumps are risk-free.' },
          ],
        },
      ],
    });
    const root = await show(api);
    const items = [...root.querySelectorAll('[data-popup="finding"]')];
    expect(items).toHaveLength(2);
    expect(items[0]?.textContent).toContain('False claim');
    expect(items[0]?.textContent).toContain('Side effects are rare.');
    expect(items[0]?.textContent).toContain(notes.get('side-effects-rare')?.correction);
    expect(root.querySelector('[data-popup="status"]')?.textContent).toBe(
      '2 claims on this page have notes.',
    );
    expect(root.querySelector('[data-popup="about"]')?.textContent).toBe(
      'Claim list 2026-11-24+abcd1234, reviewed 2026-11-24.',
    );
  });

  it('reveals a chosen finding in its own frame and closes', async () => {
    const api = fakeApi(page, {
      frames: [
        {
          frameId: 3,
          url: 'https://forum.test/embed',
          count: 1,
          findings: [{ index: 4, claimId: 'side-effects-rare', verdict: 'false', quote: 'q' }],
        },
      ],
    });
    const root = await show(api);
    // The top frame's findings come from the page itself, whatever the background holds.
    const items = [...root.querySelectorAll<HTMLButtonElement>('[data-popup="finding"]')];
    expect(items).toHaveLength(2);
    items[1]?.click();
    await settle();
    expect(api.calls).toEqual(['reveal 7 3 4', 'close']);
  });

  it("lists the top frame's findings as the page states them, not the background's older copy", async () => {
    const stale = { index: 0, claimId: 'side-effects-rare', verdict: 'false' as const, quote: 'Gone.' };
    const api = fakeApi(page, { frames: [{ frameId: 0, url: page.url, count: 3, findings: [stale] }] });
    const root = await show(api);
    const items = [...root.querySelectorAll('[data-popup="finding"]')];
    expect(items.map((item) => item.querySelector('.popup__quote')?.textContent)).toEqual([
      'Side effects are rare.',
    ]);
    expect(root.querySelector('[data-popup="status"]')?.textContent).toBe('1 claim on this page has a note.');
  });

  it('hides the notes on this page and pauses the site', async () => {
    const api = fakeApi(page, { frames: [] });
    const root = await show(api);
    root.querySelector<HTMLButtonElement>('[data-popup="hide-notes"]')?.click();
    await settle();
    const pause = root.querySelector<HTMLInputElement>('[data-popup="pause-site"]');
    expect(pause?.parentElement?.textContent).toBe('Pause Claimnote on blog.test');
    if (pause) {
      pause.checked = true;
      pause.dispatchEvent(new Event('change', { bubbles: true }));
    }
    await settle();
    expect(api.calls).toEqual(['hidden 7 true', 'paused blog.test true']);
  });

  it('says when the site is paused, and lists nothing', async () => {
    const api = fakeApi({ ...page, paused: true, count: 0, findings: [] }, { frames: [] });
    const root = await show(api);
    expect(root.querySelector('[data-popup="status"]')?.textContent).toBe(
      'Claimnote is paused on this site.',
    );
    expect(root.querySelector<HTMLInputElement>('[data-popup="pause-site"]')?.checked).toBe(true);
    expect(root.querySelector('[data-popup="finding"]')).toBeNull();
  });

  it('says when no content script answers (browser pages)', async () => {
    const api = fakeApi(page, { frames: [] });
    api.pageState = async () => {
      throw new Error('Could not establish connection');
    };
    const root = await show(api);
    expect(root.querySelector('[data-popup="unavailable"]')?.textContent).toBe(
      'Claimnote does not run on this page.',
    );
  });

  it('counts findings beyond the listed ones (a frame lists at most 500)', async () => {
    const root = await show(fakeApi({ ...page, count: 812 }, { frames: [] }));
    expect(root.querySelector('[data-popup="status"]')?.textContent).toBe(
      '812 claims on this page have notes.',
    );
    expect(root.querySelectorAll('[data-popup="finding"]')).toHaveLength(1);
  });

  it('says when nothing was found', async () => {
    const root = await show(fakeApi({ ...page, count: 0, findings: [] }, { frames: [] }));
    expect(root.querySelector('[data-popup="status"]')?.textContent).toBe(
      'No claims from the list found on this page.',
    );
  });
});
