import type { Hit, Lexicon } from './lexical-hits';

/** What "the pump" refers to in a passage so far. */
export type Topic = 'none' | 'intrathecal' | 'other';

/** What a passage has established so far, carried from sentence to sentence. */
export interface DiscourseState {
  topic: Topic;
  /** Drug and device terms named in the previous sentence: what "it" refers to. */
  entities: readonly number[];
}

/** What one sentence says that the discourse state cares about (its own words only). */
export interface SentenceFacts {
  namesIntrathecal: boolean;
  namesOtherDevice: boolean;
  /** "pump" on its own, not as part of a device's name ("insulin pump", "pain pump"). */
  namesBarePump: boolean;
  /** Entity terms named, in text order, without repeats. */
  entities: readonly number[];
}

/** The state before a passage's first sentence. */
export const INITIAL_DISCOURSE: DiscourseState = { topic: 'none', entities: [] };

/** Facts of a sentence that names none of the matcher's terms. */
export const NO_FACTS: SentenceFacts = {
  namesIntrathecal: false,
  namesOtherDevice: false,
  namesBarePump: false,
  entities: [],
};

/**
 * Reads a sentence's facts from the terms actually in it (not stand-ins for "it").
 * @param named the sentence's hits
 * @param lexicon the lexical stage, for word classes
 */
export function sentenceFacts(named: readonly Hit[], lexicon: Lexicon): SentenceFacts {
  const isDeviceName = (h: Hit) =>
    lexicon.is(h.term, 'intrathecal') ||
    lexicon.is(h.term, 'otherDevice') ||
    lexicon.is(h.term, 'otherTherapy');
  const inDeviceName = new Set<number>();
  for (const h of named)
    if (h.to > h.from && isDeviceName(h)) for (let i = h.from; i <= h.to; i++) inDeviceName.add(i);
  return {
    namesIntrathecal: named.some((h) => lexicon.is(h.term, 'intrathecal')),
    namesOtherDevice: named.some((h) => lexicon.is(h.term, 'otherDevice')),
    namesBarePump: named.some((h) => lexicon.is(h.term, 'barePump') && !inDeviceName.has(h.from)),
    entities: [...new Set(named.filter((h) => lexicon.is(h.term, 'entity')).map((h) => h.term))],
  };
}

/**
 * The discourse reducer: the state after a sentence. A device named wins; "the pump" in a
 * passage that has named no device yet is taken to be the intrathecal pump this list is about.
 * "It" reaches back one sentence only: further back, it too often means something else.
 * @param state the state before the sentence
 * @param facts the sentence's facts
 * @returns the state after it
 */
export function nextDiscourse(state: DiscourseState, facts: SentenceFacts): DiscourseState {
  const topic: Topic = facts.namesIntrathecal
    ? 'intrathecal'
    : facts.namesOtherDevice
      ? 'other'
      : state.topic === 'none' && facts.namesBarePump
        ? 'intrathecal'
        : state.topic;
  return { topic, entities: facts.entities };
}

/**
 * Whether a sentence is about intrathecal therapy: it names it, or its "the pump" or "it" lives
 * in a passage about it, or it says "the pump" before any device was named.
 */
export function aboutIntrathecal(state: DiscourseState, facts: SentenceFacts): boolean {
  return (
    facts.namesIntrathecal || state.topic === 'intrathecal' || (state.topic === 'none' && facts.namesBarePump)
  );
}

/**
 * Stand-in hits for `self` claims stated about "it"/"this drug" right after the drug was named:
 * each referent counts as each entity of the previous sentence that a `self` claim is about.
 * @param named the sentence's hits
 * @param state the state before the sentence
 * @param lexicon the lexical stage
 */
export function referentHits(named: readonly Hit[], state: DiscourseState, lexicon: Lexicon): Hit[] {
  if (state.entities.length === 0 || named.some((h) => lexicon.is(h.term, 'entity'))) return [];
  const previous = state.entities.filter((term) => lexicon.is(term, 'selfEntity'));
  return named
    .filter((h) => lexicon.is(h.term, 'referent'))
    .flatMap((h) => previous.map((term) => ({ term, from: h.from, to: h.to })));
}
