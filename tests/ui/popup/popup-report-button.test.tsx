// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { handleReportMessages } from '../../../lib/messaging/report-messages';
import { ReportListFullError } from '../../../lib/reports/report-store';
import { PopupReportButton } from '../../../lib/ui/popup-report-button';
import { useUiTestContainer } from '../ui-test-container';

const container = useUiTestContainer();
const flush = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 10)));

let stop: (() => void) | undefined;
afterEach(() => stop?.());

async function clickReport() {
  await act(() => render(<PopupReportButton pageUrl="https://a.test/" />, container()));
  await act(() => container().querySelector<HTMLButtonElement>('[data-claimnote="popup-report"]')?.click());
  await flush();
  return container().querySelector('[role="alert"]')?.textContent ?? '';
}

describe('PopupReportButton', () => {
  it('says storage is full when the report list is full (issue 10)', async () => {
    stop = handleReportMessages(() => Promise.reject(new ReportListFullError()));
    expect(await clickReport()).toMatch(/storage is full/);
  });

  it('keeps the general message for other failures', async () => {
    stop = handleReportMessages(() => Promise.reject(new Error('no')));
    expect(await clickReport()).toBe('Could not open the report form.');
  });
});
