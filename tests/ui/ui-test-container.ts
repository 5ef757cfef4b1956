import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useEnglishMessages } from './english';

/**
 * Registers the set-up every Preact UI test file needs: a fresh fake browser with the English
 * catalog and an empty container before each test; after it, the tree is unmounted so no storage
 * watcher of a finished test re-renders once the next test has reset the fake browser.
 * @returns a getter for the current test's container
 */
export function useUiTestContainer(): () => HTMLElement {
  let container: HTMLElement | undefined;
  beforeEach(() => {
    fakeBrowser.reset();
    useEnglishMessages();
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => {
    if (container) {
      const finished = container;
      act(() => render(null, finished));
      finished.remove();
    }
    vi.restoreAllMocks();
  });
  return () => {
    if (!container) throw new Error('useUiTestContainer: no test is running');
    return container;
  };
}
