import type { Hit, Lexicon } from './lexical-hits';
import { TERM_CLASS } from './lexical-tables';

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

const NO_HITS: readonly Hit[] = [];

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
 * Whether two states are the same for every later sentence: a block matched from either
 * finds the same claims and leaves the same state.
 */
export function sameDiscourse(a: DiscourseState, b: DiscourseState): boolean {
  if (a === b) return true;
  if (a.topic !== b.topic || a.entities.length !== b.entities.length) return false;
  return a.entities.every((term, i) => b.entities[i] === term);
}

/**
 * Reads a sentence's facts from the terms actually in it (not stand-ins for "it").
 * @param named the sentence's hits
 * @param lexicon the lexical stage, for word classes
 */
export function sentenceFacts(named: readonly Hit[], lexicon: Lexicon): SentenceFacts {
  let namesIntrathecal = false;
  let namesOtherDevice = false;
  // Token positions inside multi-word device names, where "pump" is part of the name.
  let inDeviceName: Set<number> | undefined;
  let barePumps: number[] | undefined;
  let entities: number[] | undefined;
  let otherDevices: Hit[] | undefined;
  for (const h of named) {
    if (lexicon.classesOf(h.term) & TERM_CLASS.otherDevice) {
      otherDevices ??= [];
      otherDevices.push(h);
    }
  }
  for (const h of named) {
    const classes = lexicon.classesOf(h.term);
    if (classes === 0) continue;
    if (classes & TERM_CLASS.intrathecal && !(otherDevices && insideLongerName(h, otherDevices)))
      namesIntrathecal = true;
    if (classes & TERM_CLASS.otherDevice) namesOtherDevice = true;
    if (classes & DEVICE_NAME && h.to > h.from) {
      inDeviceName ??= new Set();
      for (let i = h.from; i <= h.to; i++) inDeviceName.add(i);
    }
    if (classes & TERM_CLASS.barePump) {
      barePumps ??= [];
      barePumps.push(h.from);
    }
    if (classes & TERM_CLASS.entity && !entities?.includes(h.term)) {
      entities ??= [];
      entities.push(h.term);
    }
  }
  const namesBarePump = barePumps?.some((from) => !inDeviceName?.has(from)) ?? false;
  // Most sentences name only words of no class: share one object for them.
  if (!namesIntrathecal && !namesOtherDevice && !namesBarePump && entities === undefined) return NO_FACTS;
  return { namesIntrathecal, namesOtherDevice, namesBarePump, entities: entities ?? [] };
}

const DEVICE_NAME = TERM_CLASS.intrathecal | TERM_CLASS.otherDevice | TERM_CLASS.otherTherapy;

/**
 * Whether a hit lies inside a longer hit of another device's name: "pain pump" in "shoulder pain
 * pump" (a wound pump after surgery) does not name intrathecal therapy.
 */
function insideLongerName(hit: Hit, others: readonly Hit[]): boolean {
  return others.some((o) => o.from <= hit.from && o.to >= hit.to && o.to - o.from > hit.to - hit.from);
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
  // Unchanged state is shared, not copied: a page of sentences without entities allocates none.
  if (topic === state.topic && facts.entities.length === 0 && state.entities.length === 0) return state;
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
export function referentHits(named: readonly Hit[], state: DiscourseState, lexicon: Lexicon): readonly Hit[] {
  if (state.entities.length === 0) return NO_HITS;
  for (const h of named) if (lexicon.is(h.term, 'entity')) return NO_HITS;
  const previous = state.entities.filter((term) => lexicon.is(term, 'selfEntity'));
  return named
    .filter((h) => lexicon.is(h.term, 'referent'))
    .flatMap((h) => previous.map((term) => ({ term, from: h.from, to: h.to })));
}
