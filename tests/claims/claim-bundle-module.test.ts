import bundle from 'virtual:claimnote/claim-bundle';
import { describe, expect, it } from 'vitest';

// The extension imports the compiled claim list as a virtual module; tests see the same module.
describe('virtual:claimnote/claim-bundle', () => {
  it('serves the validated claim list with resolved https sources and the compiled index', () => {
    expect(bundle.version).toMatch(/^\d{4}-\d{2}-\d{2}\+[0-9a-f]{8}$/);
    expect(bundle.notes.length).toBeGreaterThanOrEqual(20);
    expect(bundle.index.patterns.length).toBeGreaterThan(bundle.notes.length);
    for (const note of bundle.notes) {
      expect(note.sources.length, note.id).toBeGreaterThan(0);
      for (const source of note.sources) expect(source.url).toMatch(/^https:\/\//);
    }
  });

  it('says for every pattern which rules-file line it was compiled from, for "why this matched"', () => {
    for (const pattern of bundle.index.patterns) {
      expect(pattern.source?.file).toBe(`claims/rules/${pattern.claimId}.rules`);
      expect(pattern.source?.text).toMatch(/^match /);
    }
  });
});
