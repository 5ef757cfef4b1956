import { describe, expect, it } from 'vitest';
import { createRelevanceGate, PUMP_CONTEXT_CHARS } from '../../lib/matching/relevance-gate';
import { termStems } from '../../lib/matching/tokenize';
import { testBundle } from '../page/test-bundle';

const gate = createRelevanceGate(testBundle.index.relevanceGate);
const open = (text: string) => gate.test(text);

// Own-words passages about other pumps, each with the words ("pain", "medication", "the pump")
// that a substring or page-wide check would take for intrathecal context.
const OTHER_PUMPS: Record<string, string> = {
  pumpkin: 'Pumpkin season: roast the pumpkins, then pumpkin pie. Carving hurts my wrist, a real pain.',
  pumped: 'I pumped up the tires and was pumped for the ride; my knee pain was gone.',
  breast:
    'A breast pump should not hurt. If the pump causes pain, check the flange size and ask whether any medication you take is safe while nursing.',
  insulin:
    'My insulin pump delivers insulin all day. The pump needs a new infusion set every three days, and the medication reservoir is refilled then.',
  gas: 'Gas pump prices rose again this week. At the pump, paying by card was a pain.',
  fuel: 'The fuel pump failed on the highway. A new pump and the labour cost more than the drugstore bill.',
  heat: 'A heat pump moves warmth from outside air. The pump runs quietly; our old furnace was a pain to maintain.',
  bilge:
    'Check the bilge pump before every trip. A stuck pump float switch is a common pain point on small boats.',
  water:
    'The water pump on the car leaked coolant. Replacing the pump took two hours and some pain killers for my back.',
};

describe('relevance gate: other devices keep it shut', () => {
  it.each(Object.entries(OTHER_PUMPS))('%s', (_family, text) => {
    expect(open(text)).toBe(false);
  });
});

describe('relevance gate: intrathecal context opens it', () => {
  it.each([
    'Notes on my INTRATHECAL trial',
    'The drug is given intrathecally.',
    'She got a pain pump last year.',
    'His morphine pump was refilled.',
    'A baclofen pump for spasticity',
    'an implanted drug pump',
    'IDDS implants are reviewed yearly.',
    'Ziconotide (Prialt) is a non-opioid.',
    'My SynchroMed was replaced.',
    'taking baclofen for spasms',
    'The pump holds hydromorphone.',
    'My doctor suggested a pump for my cancer pain.',
    'Targeted drug delivery: how it works',
  ])('%s', (text) => {
    expect(open(text)).toBe(true);
  });
});

describe('relevance gate: words', () => {
  it("reads whole words with the matcher's stems, not substrings", () => {
    expect(open('nonintrathecal routes')).toBe(false);
    expect(open('pumpkinmorphine')).toBe(false);
    expect(open('Intrathecal pumps')).toBe(true);
    expect(open('ITB therapies for children')).toBe(true);
  });

  it('lets any punctuation or space separate the words of a term, as the tokenizer does', () => {
    expect(open('a pain-pump')).toBe(true);
    expect(open('pain\n\t pump')).toBe(true);
    expect(open("the patient's pump, a drug pump")).toBe(true);
    expect(open('painpump')).toBe(false);
  });

  it('splits words where text nodes were joined without space (heading, then paragraph)', () => {
    expect(open('Living with a Pain PumpOur story starts in 2019')).toBe(true);
    expect(open('What is BACLOFENThe drug relaxes muscles')).toBe(true);
    expect(open('PUMPKIN SOUP')).toBe(false);
  });

  it("needs a bare pump's context within a few sentences", () => {
    const far = `The pump is small. ${'Other news follows here. '.repeat(Math.ceil(PUMP_CONTEXT_CHARS / 24))}Morphine.`;
    expect(open(far)).toBe(false);
    expect(open('Morphine. The pump is small.')).toBe(true);
  });

  it('ignores a bare pump after another device was named, as the matcher does', () => {
    expect(open('My insulin pump broke. The pump holds a small dose.')).toBe(false);
    expect(open('The pump holds a small dose, unlike my insulin pump.')).toBe(true);
  });

  it('folds accents and case like the tokenizer', () => {
    expect(termStems('ZICONOTIDÉ')).toEqual(termStems('ziconotide'));
    expect(open('ZICONOTIDÉ')).toBe(true);
  });

  it('reads letters past ASCII as part of a word', () => {
    // "é" and "ß" glued to the term make one longer word; a non-letter ("–") does not.
    expect(open('éintrathecal')).toBe(false);
    expect(open('intrathecalß')).toBe(false);
    expect(open('–intrathecal–')).toBe(true);
  });
});

describe('relevance gate: sessions', () => {
  it('reads a word that crosses the end of a range whole, once, in the range it starts in', () => {
    const text = 'xx intrathecal yy';
    const session = gate.session();
    expect(session.feed(text, 0, 5)).toBe(true);
    const pumpkin = 'xx pumpkin morphine';
    // "pump" ends the first range, but the word is "pumpkin".
    const second = gate.session();
    expect(second.feed(pumpkin, 0, 7)).toBe(false);
    expect(second.feed(pumpkin, 7, pumpkin.length)).toBe(false);
  });

  it('stays open once opened', () => {
    const session = gate.session();
    expect(session.feed('an intrathecal pump')).toBe(true);
    expect(session.feed('tomatoes')).toBe(true);
  });

  it('is always shut without terms', () => {
    expect(
      createRelevanceGate({ open: [], pump: [], pumpContext: [], otherDevice: [] }).test('intrathecal'),
    ).toBe(false);
  });

  it('takes linear time on megabytes of pump words and near misses', () => {
    const text = 'pumpkin pumped pump pumps systems therapy ten medication '.repeat(40_000);
    const started = performance.now();
    expect(open(text)).toBe(true);
    const shut = 'pumpkin pumped systemic therapist tense breast pump insulin '.repeat(40_000);
    expect(open(shut)).toBe(false);
    // About 2.3 MB each; generous for a loaded machine.
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});
