import type { ClaimNote } from '../../claims/claim-list';

/** A publisher cited by the claim list, with how often. */
export interface CitedPublisher {
  publisher: string;
  /** Number of notes citing at least one of its sources. */
  noteCount: number;
}

/**
 * Lists every publisher the claim list cites, for the options page's "pin any publisher" list.
 * @param notes the bundled notes
 * @returns distinct publishers, most cited first, then alphabetically
 */
export function citedPublishers(notes: readonly Pick<ClaimNote, 'sources'>[]): CitedPublisher[] {
  const counts = new Map<string, number>();
  for (const note of notes) {
    for (const publisher of new Set(note.sources.map((source) => source.publisher))) {
      counts.set(publisher, (counts.get(publisher) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([publisher, noteCount]) => ({ publisher, noteCount }))
    .sort((a, b) => b.noteCount - a.noteCount || a.publisher.localeCompare(b.publisher, 'en'));
}
