import { browser } from 'wxt/browser';
import type { ClaimBundle } from '../claims/claim-bundle';

/**
 * The compiled claim list as a file of the extension, written by the build (wxt.config.ts).
 * The scanner fetches it instead of carrying it: as part of `page-scanner.js` it doubled the
 * script, and its parse was part of the scanner's one module-evaluation task.
 */
export const CLAIM_BUNDLE_FILE = '/claim-bundle.json';

/**
 * Fetches and parses the claim bundle.
 * @param url where the file is; the default is the extension's own file
 * @returns the bundle
 * @throws when the file cannot be read or is not a claim bundle
 */
export async function fetchClaimBundle(url: string = claimBundleUrl()): Promise<ClaimBundle> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Claimnote: ${url} answered ${response.status}`);
  const bundle: unknown = await response.json();
  // The file is the build's own output; a shape check catches a stale or broken package.
  if (!isClaimBundleShape(bundle)) throw new Error(`Claimnote: ${url} is not a claim bundle`);
  return bundle;
}

// WXT types `getURL` with the files it knows; this one is written by a build hook.
const claimBundleUrl = () => (browser.runtime.getURL as (path: string) => string)(CLAIM_BUNDLE_FILE);

function isClaimBundleShape(value: unknown): value is ClaimBundle {
  if (typeof value !== 'object' || value === null) return false;
  const { version, reviewed, notes, index, gateSearches } = value as Record<string, unknown>;
  return (
    typeof version === 'string' &&
    typeof reviewed === 'string' &&
    Array.isArray(notes) &&
    typeof index === 'object' &&
    index !== null &&
    typeof gateSearches === 'object' &&
    gateSearches !== null
  );
}
