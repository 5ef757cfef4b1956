// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { COMMENT_MAX, createDraftReport, type StoredReport } from '../../../lib/reports/report';
import { getReport, listReports, saveReport } from '../../../lib/reports/report-store';
import { REPORTS_MAX, reportSettings, reports } from '../../../lib/storage/storage';
import { parseReportPageParams, ReportApp } from '../../../lib/ui/report/report-app';
import { useUiTestContainer } from '../ui-test-container';

const container = useUiTestContainer();

const flush = (ms = 10) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));

let opened: string[];
const openUrl = async (url: string) => {
  opened.push(url);
};

beforeEach(() => {
  opened = [];
});

async function storedDraft(fields: Partial<StoredReport> = {}): Promise<StoredReport> {
  const draft = {
    ...createDraftReport(
      {
        claimId: 'delivers-into-brain',
        quote: 'The pump sends morphine directly into the brain.',
        pageUrl: 'https://clinic.example/pumps?session=42#risks',
      },
      '2026-11-20+abc',
    ),
    ...fields,
  };
  await saveReport(draft);
  return draft;
}

async function show(id: string) {
  await act(() =>
    render(
      <ReportApp params={{ id, prefill: {} }} claimListVersion="2026-11-20+abc" openUrl={openUrl} />,
      container(),
    ),
  );
  await flush();
}

const $ = <T extends Element = HTMLElement>(name: string) =>
  container().querySelector<T>(`[data-claimnote="${name}"]`) as T;

async function type(name: string, value: string) {
  const field = $<HTMLInputElement | HTMLTextAreaElement>(name);
  await act(() => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function click(name: string) {
  await act(() => $<HTMLButtonElement>(name).click());
  await flush();
}

describe('parseReportPageParams', () => {
  it('reads the report id, or prefill fields for a new report', () => {
    expect(parseReportPageParams('?id=abc')).toEqual({ id: 'abc', prefill: {} });
    expect(
      parseReportPageParams('?kind=other&quote=Pumps%20cure&url=https%3A%2F%2Fa.test%2F&claim=treats-cancer'),
    ).toEqual({
      id: undefined,
      prefill: { kind: 'other', quote: 'Pumps cure', pageUrl: 'https://a.test/', claimId: 'treats-cancer' },
    });
    expect(parseReportPageParams('?kind=spam&claim=Not%20A%20Claim').prefill).toEqual({});
  });
});

describe('ReportApp', () => {
  it('shows the stored draft with the query string and fragment removed from what is shared', async () => {
    const draft = await storedDraft();
    await show(draft.id);
    expect($<HTMLTextAreaElement>('report-quote').value).toBe(draft.quote);
    expect($<HTMLInputElement>('report-url').value).toBe('https://clinic.example/pumps?session=42#risks');
    expect($('report-shared-url').textContent).toBe('https://clinic.example/pumps');
    expect($('report-claim-id').textContent).toBe('delivers-into-brain');
    expect(container().querySelector<HTMLInputElement>('input[value="wrong-warning"]')?.checked).toBe(true);
    const body = $('report-preview-body').textContent ?? '';
    expect(body).toContain('**Page:** `https://clinic.example/pumps`\n');
    expect(body).not.toContain('session=42');
  });

  it('includes the query string and fragment only when the reader ticks the box', async () => {
    const draft = await storedDraft();
    await show(draft.id);
    await act(() => $<HTMLInputElement>('report-include-query').click());
    await flush();
    expect($('report-shared-url').textContent).toBe('https://clinic.example/pumps?session=42#risks');
    expect($('report-preview-body').textContent).toContain('session=42#risks');
  });

  it('saves edits locally as the reader types, before any submit', async () => {
    const draft = await storedDraft();
    await show(draft.id);
    await type('report-comment', 'The note is right, but the source link is broken.');
    await flush(500);
    const stored = await getReport(draft.id);
    expect(stored?.comment).toBe('The note is right, but the source link is broken.');
    expect(stored?.status).toBe('draft');
    expect(opened).toEqual([]);
  });

  it('explains an empty quote, a non-http address and an over-long comment, and refuses to submit', async () => {
    const draft = await storedDraft();
    await show(draft.id);
    await type('report-quote', '   ');
    await type('report-url', 'file:///home/reader/page.html');
    await type('report-comment', 'x'.repeat(COMMENT_MAX + 1));
    await click('report-submit');
    expect($('report-error-quote').textContent).toBe('Enter the text you are reporting.');
    expect($('report-error-url').textContent).toBe(
      'Only web pages (addresses starting with http:// or https://) can be reported.',
    );
    expect($('report-error-comment').textContent).toBe(
      `The comment is too long: use at most ${COMMENT_MAX} characters.`,
    );
    expect($('report-status').textContent).toBe('Please fix the problems marked above.');
    expect($<HTMLTextAreaElement>('report-quote').getAttribute('aria-invalid')).toBe('true');
    expect(opened).toEqual([]);
    expect((await getReport(draft.id))?.status).toBe('draft');
  });

  it('opens the prefilled issue only when Submit is clicked, after saving the report', async () => {
    const draft = await storedDraft();
    await show(draft.id);
    expect(opened).toEqual([]);
    const previewBody = $('report-preview-body').textContent;
    await click('report-submit');
    expect(opened).toHaveLength(1);
    const url = new URL(opened[0] ?? '');
    expect(url.origin + url.pathname).toBe('https://github.com/claimnote/claim-list/issues/new');
    // What was shown is exactly what is sent.
    expect(url.searchParams.get('body')).toBe(previewBody);
    expect(url.searchParams.get('title')).toBe($('report-preview-title').textContent);
    expect((await getReport(draft.id))?.status).toBe('submitted-opened');
    expect($('report-status').textContent).toContain('opened in a new tab');
  });

  it('uses the issue template set on the options page', async () => {
    await reportSettings.setValue({ issueTemplate: 'https://tracker.example/new?t={title}&d={body}' });
    const draft = await storedDraft();
    await show(draft.id);
    await click('report-submit');
    expect(opened[0]?.startsWith('https://tracker.example/new?t=')).toBe(true);
  });

  it('keeps the report saved when the issue page cannot be opened', async () => {
    const draft = await storedDraft();
    await act(() =>
      render(
        <ReportApp
          params={{ id: draft.id, prefill: {} }}
          claimListVersion="v"
          openUrl={() => Promise.reject(new Error('blocked'))}
        />,
        container(),
      ),
    );
    await flush();
    await click('report-submit');
    expect((await getReport(draft.id))?.status).toBe('saved');
    expect($('report-status').textContent).toBe(
      'The issue page could not be opened. Your report is still saved here.',
    );
  });

  it('marks a complete report as saved with the Save button', async () => {
    const draft = await storedDraft();
    await show(draft.id);
    await click('report-save');
    expect((await getReport(draft.id))?.status).toBe('saved');
    expect(opened).toEqual([]);
  });

  it('starts and stores a new report when opened without a stored one', async () => {
    await act(() =>
      render(
        <ReportApp
          params={{ prefill: { quote: 'Ziconotide is an opioid.', pageUrl: 'https://a.test/' } }}
          claimListVersion="2026-11-20+abc"
          openUrl={openUrl}
        />,
        container(),
      ),
    );
    await flush();
    const [stored] = await listReports();
    expect(stored).toMatchObject({
      quote: 'Ziconotide is an opioid.',
      claimListVersion: '2026-11-20+abc',
      status: 'draft',
    });
    expect($('report-page').getAttribute('data-report-id')).toBe(stored?.id);
  });
});

describe('ReportApp: nothing leaves without the Submit click (issue 10)', () => {
  async function pressEnter(name: string) {
    const field = $<HTMLInputElement>(name);
    await act(() => {
      field.focus();
      field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
      // What a browser does next for Enter in the form's only text input: implicit submission.
      field.form?.requestSubmit();
    });
    await flush();
  }

  it('does not open the issue when Enter is pressed in the page address field', async () => {
    const draft = await storedDraft();
    await show(draft.id);
    await pressEnter('report-url');
    expect(opened).toEqual([]);
    expect((await getReport(draft.id))?.status).toBe('draft');
    // The Submit button still works.
    await click('report-submit');
    expect(opened).toHaveLength(1);
  });

  it('does not open the issue on Enter in the other fields or on a scripted form submission', async () => {
    const draft = await storedDraft();
    await show(draft.id);
    for (const radio of container().querySelectorAll<HTMLInputElement>('[data-claimnote="report-kind"]')) {
      await act(() => radio.form?.requestSubmit());
    }
    await act(() => {
      $<HTMLInputElement>('report-url').form?.dispatchEvent(new Event('submit', { cancelable: true }));
    });
    await pressEnter('report-include-query');
    await flush();
    expect(opened).toEqual([]);
  });

  it('does not open the issue or mark the report opened when the browser is offline', async () => {
    const draft = await storedDraft();
    await act(() =>
      render(
        <ReportApp
          params={{ id: draft.id, prefill: {} }}
          claimListVersion="v"
          openUrl={openUrl}
          isOnline={() => false}
        />,
        container(),
      ),
    );
    await flush();
    await click('report-submit');
    expect(opened).toEqual([]);
    expect((await getReport(draft.id))?.status).toBe('draft');
    expect($('report-status').textContent).toContain('offline');
  });

  it('reads navigator.onLine by default', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const draft = await storedDraft();
    await show(draft.id);
    await click('report-submit');
    expect(opened).toEqual([]);
    expect((await getReport(draft.id))?.status).not.toBe('submitted-opened');
  });
});

describe('ReportApp: full storage is named, not "please try again" (issue 10)', () => {
  it('says storage is full when an autosave hits the browser quota', async () => {
    const draft = await storedDraft();
    await show(draft.id);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await type('report-comment', 'More detail.');
    await flush(500);
    expect($('report-status').textContent).toContain('storage');
    expect($('report-status').textContent).not.toContain('Please try again');
  });

  it('does not claim the issue opened when saving before opening fails', async () => {
    const draft = await storedDraft();
    await show(draft.id);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await click('report-submit');
    expect($('report-status').textContent).toContain('storage');
    expect(opened).toEqual([]);
  });

  it('says storage is full when a new report cannot be saved because the list is full', async () => {
    const full = Array.from({ length: REPORTS_MAX }, (_, i) =>
      createDraftReport({ quote: `q${i}` }, 'v', new Date('2026-11-01T00:00:00Z'), () => `full-${i}`),
    );
    await reports.setValue(full);
    await act(() =>
      render(
        <ReportApp params={{ prefill: { quote: 'New one.' } }} claimListVersion="v" openUrl={openUrl} />,
        container(),
      ),
    );
    await flush();
    expect($('report-load-failed').textContent).toContain('storage');
  });
});

describe('ReportApp: long page addresses (issue 10)', () => {
  it('autosaves a pasted address over the submit limit and explains the limit instead of failing to save', async () => {
    const draft = await storedDraft();
    await show(draft.id);
    const long = `https://clinic.example/${'p'.repeat(3000)}`;
    await type('report-url', long);
    await flush(500);
    expect((await getReport(draft.id))?.pageUrl).toBe(long);
    expect($('report-status').textContent).toBe('');
    await click('report-submit');
    expect($('report-error-url').textContent).toContain('too long');
    expect(opened).toEqual([]);
  });
});
