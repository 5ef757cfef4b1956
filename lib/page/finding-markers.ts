import type { Verdict } from '../claims/schema';
import type { Finding } from '../matching/types';
import { TextSplitter } from './anchor';
import type { ColorScheme } from './color-scheme';
import { createMarker, type MarkerActivation, type MarkerContent, placeMarker } from './markers';

/** What a finding's marker is made from, and where it is kept. */
export interface MarkableFinding {
  finding: Finding;
  index: number;
  range: Range | null;
  marker: HTMLElement | null;
}

/** What {@link createFindingMarkers} takes. */
export interface FindingMarkersOptions {
  document: Document;
  markerText(verdict: Verdict): string;
  markerLabel(verdict: Verdict): string;
  /** The page's colour scheme at the last render. */
  scheme(): ColorScheme;
  withoutObserving(write: () => void): void;
  onMarker(marker: HTMLElement, how: MarkerActivation): void;
}

/** Makes the markers of findings (markers.ts) from their verdicts and the page's scheme. */
export interface FindingMarkers {
  /** What the marker of `item` shows and says. */
  content(item: MarkableFinding): MarkerContent;
  /** A marker for `item`, not yet placed; null (logged) when the browser refuses its shadow root. */
  create(item: MarkableFinding): HTMLElement | null;
  /**
   * Places a marker after the end of `item`'s range, for a finding marked after its render
   * (it became visible, or the popup asked for one the cap left out). Sets `item.marker`.
   */
  placeLate(item: MarkableFinding): void;
}

/**
 * Creates the marker factory of one page.
 * @param options page, labels, scheme and the controller's hooks
 */
export function createFindingMarkers(options: FindingMarkersOptions): FindingMarkers {
  const content = (item: MarkableFinding): MarkerContent => {
    const { verdict, claimId } = item.finding;
    return {
      claimId,
      verdict,
      findingIndex: item.index,
      text: options.markerText(verdict),
      label: options.markerLabel(verdict),
      scheme: options.scheme(),
    };
  };
  const create = (item: MarkableFinding): HTMLElement | null => {
    try {
      return createMarker(options.document, content(item), options.onMarker);
    } catch (error) {
      console.error('Claimnote: could not create a marker', error);
      return null;
    }
  };
  return {
    content,
    create,
    placeLate(item) {
      const range = item.range;
      if (range === null || range.endContainer.nodeType !== 3) return;
      // The range follows earlier splits, unlike the extraction-time end position.
      const end = { node: range.endContainer as Text, offset: range.endOffset };
      options.withoutObserving(() => {
        const marker = create(item);
        if (marker !== null && placeMarker(marker, end, new TextSplitter())) item.marker = marker;
      });
    },
  };
}
