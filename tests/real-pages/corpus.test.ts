import { describe, expect, it } from 'vitest';
import {
  cachedPageText,
  pageIdForUrl,
  pageLabelsSchema,
  realPageListSchema,
  splitForUrl,
  uniquePageId,
} from '../../lib/real-pages/corpus';
import { normalizeSentence, sentenceFingerprint, sha256Hex } from '../../lib/real-pages/fingerprint';
import { quotesSentence } from '../../lib/real-pages/own-words';

describe('sentence fingerprints', () => {
  it('normalizes case, NFKC forms and white space before hashing', () => {
    expect(normalizeSentence('  The\u00a0Pump\n\tIS ﬁne. ')).toBe('the pump is fine.');
    expect(sentenceFingerprint('The pump is fine.')).toBe(sentenceFingerprint('the  PUMP is ﬁne.'));
    expect(sentenceFingerprint('The pump is fine.')).not.toBe(sentenceFingerprint('The pump is fine!'));
    expect(sentenceFingerprint('x')).toBe(sha256Hex('x').slice(0, 16));
    expect(sentenceFingerprint('x')).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('cachedPageText', () => {
  it('keeps the excerpt but makes line ends \\n and trailing space one final newline', () => {
    expect(cachedPageText('A.\r\n\r\nB.\n\n\n  \n')).toBe('A.\n\nB.\n');
    expect(cachedPageText('\nA.')).toBe('\nA.\n');
  });
});

describe('splitForUrl', () => {
  it('is deterministic and puts about 70 % of urls in tune', () => {
    const urls = Array.from({ length: 2000 }, (_, i) => `https://example.org/page-${i}`);
    expect(urls.map(splitForUrl)).toEqual(urls.map(splitForUrl));
    const tune = urls.filter((u) => splitForUrl(u) === 'tune').length / urls.length;
    expect(tune).toBeGreaterThan(0.65);
    expect(tune).toBeLessThan(0.75);
  });
});

describe('page ids', () => {
  it('are kebab-case from host and path, without www and file extensions', () => {
    expect(pageIdForUrl('https://www.Example.org/pain/Morphine_Pump.aspx?x=1')).toBe(
      'example-org-pain-morphine-pump-x-1',
    );
    expect(pageIdForUrl('http://example.org/Library?page=Pain%20Pump,%20Care')).toBe(
      'example-org-library-page-pain-pump-care',
    );
    const long = pageIdForUrl(`https://example.org/${'word-'.repeat(40)}end`);
    expect(long.length).toBeLessThanOrEqual(64);
    expect(long).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('get a url hash suffix when taken', () => {
    const url = 'https://example.org/a';
    expect(uniquePageId(url, new Set())).toBe('example-org-a');
    expect(uniquePageId(url, new Set(['example-org-a']))).toMatch(/^example-org-a-[0-9a-f]{6}$/);
  });
});

describe('schemas', () => {
  const page = {
    id: 'example-org-a',
    url: 'https://example.org/a',
    kind: 'dubious',
    query: 'q',
    sha256: 'a'.repeat(64),
    split: 'tune',
  };

  it('reject duplicate ids or urls and unknown kinds', () => {
    expect(realPageListSchema.safeParse([page]).success).toBe(true);
    expect(realPageListSchema.safeParse([page, { ...page, url: 'https://example.org/b' }]).success).toBe(
      false,
    );
    expect(realPageListSchema.safeParse([page, { ...page, id: 'other' }]).success).toBe(false);
    expect(realPageListSchema.safeParse([{ ...page, kind: 'news' }]).success).toBe(false);
  });

  it('require 16-hex fingerprints and a reason in labels', () => {
    const ok = { page: 'p', labeled: true, sentences: [{ fp: '0123456789abcdef', claims: [], reason: 'r' }] };
    expect(pageLabelsSchema.safeParse(ok).success).toBe(true);
    expect(
      pageLabelsSchema.safeParse({ ...ok, sentences: [{ fp: 'xyz', claims: [], reason: 'r' }] }).success,
    ).toBe(false);
    expect(
      pageLabelsSchema.safeParse({ ...ok, sentences: [{ fp: '0123456789abcdef', claims: [], reason: '' }] })
        .success,
    ).toBe(false);
  });
});

describe('quotesSentence', () => {
  it('flags a reason that repeats six words of the sentence, not one that paraphrases it', () => {
    const sentence = 'The small pump is placed deep inside the spinal cord by the surgeon.';
    expect(quotesSentence('says pump is placed deep inside the spinal cord', sentence)).toBe(true);
    expect(quotesSentence('pump said to go into the cord itself', sentence)).toBe(false);
  });
});
