import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../lib/matching/matcher';
import type { TextDocument } from '../../lib/matching/types';
import { fixtureIndex } from './fixture-index';

const matcher = createMatcher(fixtureIndex);

/** Paragraphs separated by blank lines, as the CLI reads plain text. */
function doc(...paragraphs: string[]): TextDocument {
  let text = '';
  const blocks = paragraphs.map((p) => {
    if (text) text += '\n\n';
    const start = text.length;
    text += p;
    return { start, end: text.length };
  });
  return { text, blocks };
}

const ids = (d: TextDocument) => matcher.scan(d).map((f) => f.claimId);

describe('createMatcher', () => {
  it.each([
    ['The pain pump delivers morphine straight into the brain.'],
    ['Intrathecal pumps inject drugs to the brain.'],
    ['With a morphine pump, medicine is sent to your brain.'],
    ['The pain pump puts the drug right in the BRAIN!'],
  ])('finds a claim worded as %j', (sentence) => {
    expect(ids(doc(sentence))).toEqual(['delivers-into-brain']);
  });

  it.each([
    ['The pain pump does not deliver morphine into the brain.', 'negated'],
    ["It's a myth that the pain pump delivers drug into the brain.", 'corrected'],
    ['Does the pain pump deliver drug into the brain?', 'asked'],
    [
      'The pain pump delivers drug to the fluid that surrounds the spinal cord, far away from where the thinking happens in the brain.',
      'too far apart',
    ],
    ['A pain pump can deliver drug into the brain ventricle in rare cases.', 'vetoed'],
    ['An insulin pump delivers insulin, and the brain needs glucose.', 'other device'],
  ])('leaves alone %j (%s)', (sentence) => {
    expect(ids(doc(sentence))).toEqual([]);
  });

  it('reports the exact sentence range and quote', () => {
    const d = doc('Pain pumps help many people. The pain pump sends morphine into the brain. Ask your team.');
    const [finding] = matcher.scan(d);
    expect(finding?.quote).toBe('The pain pump sends morphine into the brain.');
    expect(d.text.slice(finding?.start, finding?.end)).toBe(finding?.quote);
    expect(finding?.verdict).toBe('false');
  });

  it('resolves "the pump" and "it" through the passage topic', () => {
    expect(ids(doc('I got an intrathecal pump last year.', 'It never needs a refill.'))).toEqual([
      'no-refills-needed',
    ]);
    expect(ids(doc('I got an insulin pump last year.', 'It never needs a refill.'))).toEqual([]);
    expect(ids(doc('It never needs a refill.'))).toEqual([]);
  });

  it('presumes "the pump" is intrathecal only while the passage has named no other device', () => {
    expect(ids(doc('The pump never needs a refill.'))).toEqual(['no-refills-needed']);
    expect(ids(doc('My insulin pump broke.', 'The pump never needs a refill.'))).toEqual([]);
    expect(ids(doc('The insulin pump never needs a refill.'))).toEqual([]);
    // A claim's own veto phrase that contains "pump" is not a device name.
    expect(ids(doc('My pump is new.', 'It never needs a refill.'))).toEqual(['no-refills-needed']);
  });

  it('lets a later device mention take over the topic', () => {
    const d = doc('My mother has a morphine pump.', 'My son has an insulin pump. The pump needs no refill.');
    expect(ids(d)).toEqual([]);
  });

  it('reads negation parity: a negative claim needs one cue, a double negative cancels', () => {
    expect(ids(doc('The pain pump does not need refills.'))).toEqual(['no-refills-needed']);
    expect(ids(doc('The pain pump needs refills every few months.'))).toEqual([]);
    expect(ids(doc('The pain pump is not refill free.'))).toEqual([]);
    expect(ids(doc('The pain pump is refill free.'))).toEqual(['no-refills-needed']);
    expect(ids(doc("It's not only the pain pump that doesn't need refills."))).toEqual(['no-refills-needed']);
  });

  it('keeps negation to its clause', () => {
    expect(ids(doc('The pain pump is not cheap, but it never needs a refill.'))).toEqual([
      'no-refills-needed',
    ]);
  });

  it('allows another therapy that is part of the claim itself', () => {
    const d = doc('We talked about the intrathecal pump.', 'It is just like an epidural steroid injection.');
    expect(ids(d)).toEqual(['same-as-steroid-injection']);
    expect(ids(doc('We talked about the intrathecal pump.', 'An epidural never needs a refill.'))).toEqual(
      [],
    );
  });

  it('matches self-subject claims without an intrathecal topic', () => {
    expect(ids(doc('Baclofen is a strong painkiller.'))).toEqual(['baclofen-is-painkiller']);
  });

  it('lets "it" stand for the drug named in the previous sentence, for self-subject claims', () => {
    expect(ids(doc('My doctor switched me to ziconotide.', 'It is an opioid, just stronger.'))).toEqual([
      'ziconotide-is-opioid',
    ]);
    expect(ids(doc('My doctor switched me to ziconotide. It is not an opioid.'))).toEqual([]);
    expect(
      ids(doc('My doctor switched me to ziconotide. Then I read about morphine. It is an opioid.')),
    ).toEqual([]);
    expect(ids(doc('It is an opioid.'))).toEqual([]);
  });

  it('yields per block in scanIncrementally with the same result as scan', () => {
    const d = doc('The morphine pump is great.', 'It sends the drug into the brain.', 'Nothing else.');
    const perBlock = [...matcher.scanIncrementally(d)];
    expect(perBlock).toHaveLength(3);
    expect(perBlock.flat()).toEqual(matcher.scan(d));
  });

  it('quotes only the matched clause of a sentence without full stops', () => {
    const filler = 'and then more words about the weather '.repeat(40);
    const d = doc(`${filler}, the pain pump sends the drug into the brain, ${filler}`);
    const [finding] = matcher.scan(d);
    expect(finding?.quote).toBe('the pain pump sends the drug into the brain');
  });

  it('gives each finding its reason: the rendered rule and the words of the text', () => {
    const [finding] = matcher.scan(doc('The pain pump SENDS morphine into the brain.'));
    expect(finding?.reason).toEqual({
      rule: '[deliver | inject | send | …] + [brain] within 15 words',
      words: ['SENDS', 'brain'],
    });
  });

  it('does not read "No." before a new sentence as an abbreviation', () => {
    // "No." ended nothing, so the question and the answer's "No" made one negated claim.
    expect(ids(doc('Does the pain pump need a refill? No. It needs a refill every few months.'))).toEqual([]);
  });
});
