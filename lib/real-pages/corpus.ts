import { z } from 'zod';
import { sha256Hex } from './fingerprint';

/** Who published a page, which decides what a finding on it means (see tests/real-pages/README.md). */
export const pageKindSchema = z.enum(['dubious', 'reliable', 'off-topic']);
export type PageKind = z.infer<typeof pageKindSchema>;

/** Pages whose rules are tuned on, and held-out pages that tell whether the rules generalize. */
export const splitSchema = z.enum(['tune', 'check']);
export type Split = z.infer<typeof splitSchema>;

/** One real page of the corpus: everything about it that may be committed (never its text). */
export const realPageSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, 'id must be kebab-case'),
    url: z.string().url(),
    kind: pageKindSchema,
    /** The query of the search tool's `pages` corpus that returned this page. */
    query: z.string().min(1),
    /** SHA-256 of the cached text (see `cachedPageText`). */
    sha256: z.string().regex(/^[0-9a-f]{64}$/u),
    split: splitSchema,
  })
  .strict();
export type RealPage = z.infer<typeof realPageSchema>;

/** tests/real-pages/pages.json */
export const realPageListSchema = z.array(realPageSchema).superRefine((pages, ctx) => {
  const seen = new Set<string>();
  for (const [i, page] of pages.entries()) {
    for (const key of [page.id, page.url]) {
      if (seen.has(key)) ctx.addIssue({ code: 'custom', message: `duplicate ${key}`, path: [i] });
      seen.add(key);
    }
  }
});

/** What one sentence of a page is expected to state. */
export const sentenceLabelSchema = z
  .object({
    /** `sentenceFingerprint` of the sentence. */
    fp: z.string().regex(/^[0-9a-f]{16}$/u),
    /** Claim ids the sentence asserts; empty for a documented tricky negative. */
    claims: z.array(z.string().min(1)),
    /** One line, in the labeler's own words (never a quote of the page). */
    reason: z.string().min(1),
  })
  .strict();
export type SentenceLabel = z.infer<typeof sentenceLabelSchema>;

/** tests/real-pages/labels/<page-id>.json */
export const pageLabelsSchema = z
  .object({
    page: z.string().min(1),
    /** True once every sentence of the page was reviewed; only such pages are scored. */
    labeled: z.boolean(),
    sentences: z.array(sentenceLabelSchema),
  })
  .strict();
export type PageLabels = z.infer<typeof pageLabelsSchema>;

/**
 * The text a page is cached (and hashed) as: the search tool's excerpt with line ends made `\n`
 * and trailing white space cut to one final newline. Trailing space never holds a sentence,
 * and cutting it keeps the hash stable when a refill returns a different run of blank lines.
 * @param excerpt the excerpt exactly as the search tool returned it
 * @returns the text to write to the cache
 */
export function cachedPageText(excerpt: string): string {
  return `${excerpt.replace(/\r\n?/gu, '\n').replace(/\s+$/u, '')}\n`;
}

/**
 * Assigns a page to the tune or check split from a hash of its URL, so that the split never
 * depends on who added the page or in what order: about 70 % of pages are `tune`.
 * @param url the page URL as recorded
 * @returns the split
 */
export function splitForUrl(url: string): Split {
  return Number.parseInt(sha256Hex(url).slice(0, 8), 16) % 100 < 70 ? 'tune' : 'check';
}

const ID_MAX = 64;

/**
 * A readable kebab-case id from a URL's host and path ("www." dropped), bounded in length.
 * Callers make it unique (see `uniquePageId`).
 * @param url the page URL
 * @returns the id
 */
export function pageIdForUrl(url: string): string {
  const u = new URL(url);
  const host = u.hostname.replace(/^www\./u, '').replace(/\.$/u, '');
  const raw = `${host}/${safeDecode(u.pathname)}${safeDecode(u.search)}`
    .toLowerCase()
    .replace(/\.(?:html?|aspx?|php|htm)(?=$|[/?])/gu, '')
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
  if (raw.length <= ID_MAX) return raw;
  return raw.slice(0, ID_MAX).replace(/-+[^-]*$/u, '') || raw.slice(0, ID_MAX);
}

// %20 and the like would otherwise leave stray "20" words in ids.
function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/**
 * `pageIdForUrl`, with a short URL hash appended when the id is already taken.
 * @param url the page URL
 * @param taken ids already in use
 * @returns an id not in `taken`
 */
export function uniquePageId(url: string, taken: ReadonlySet<string>): string {
  const id = pageIdForUrl(url);
  return taken.has(id) ? `${id}-${sha256Hex(url).slice(0, 6)}` : id;
}
