/**
 * Shortens an address to fit a length limit without making it point somewhere else: the
 * fragment goes first, then the query; a cut inside the path would name another page, so an
 * address whose path alone is too long is dropped. Page addresses reach Claimnote from pages
 * (any length the browser accepts, megabytes in Chrome), and every store and message has a cap.
 * @param raw the address as captured
 * @param max longest address kept, in UTF-16 code units (what `String#length` and zod count)
 * @returns `raw` when it fits, a shortened form of it, or `undefined` when nothing safe fits
 */
export function capUrl(raw: string, max: number): string | undefined {
  if (raw.length <= max) return raw;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  url.hash = '';
  if (url.href.length <= max) return url.href;
  url.search = '';
  if (url.href.length <= max) return url.href;
  return undefined;
}
