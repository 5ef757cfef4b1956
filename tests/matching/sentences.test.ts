import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE_CHARS, NO_SENTENCE_RULES, splitSentences } from '../../lib/matching/sentences';
import { english } from './english';

const split = (text: string, rules = english.sentences) =>
  splitSentences(text, { start: 0, end: text.length }, rules).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it.each([
    ['One. Two! Three? Four', ['One.', 'Two!', 'Three?', 'Four']],
    ['Dr. Lee said 0.5 mg is small. It was.', ['Dr. Lee said 0.5 mg is small.', 'It was.']],
    ['The U.S. FDA warned. Pumps can stall.', ['The U.S. FDA warned.', 'Pumps can stall.']],
    ['He said "it works." Then he left.', ['He said "it works."', 'Then he left.']],
    ['Doses are small.[1][2] Compare them.', ['Doses are small.[1][2]', 'Compare them.']],
    ['e.g. morphine. i.e. not oral.', ['e.g. morphine. i.e. not oral.']],
    ['Side effects are rare\nNo trial is needed', ['Side effects are rare', 'No trial is needed']],
    ['the pump sends\nmorphine to the spine.', ['the pump sends\nmorphine to the spine.']],
    ['Wait.. What? Fine...', ['Wait..', 'What?', 'Fine...']],
    ['It stops etc.. Next one.', ['It stops etc..', 'Next one.']],
  ])('splits %j', (text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  it('ends a sentence at "No." unless a number follows', () => {
    expect(split('Do I need a trial first? No. You need a trial before the pump is implanted.')).toEqual([
      'Do I need a trial first?',
      'No.',
      'You need a trial before the pump is implanted.',
    ]);
    expect(split('Ask for form No. 5 at the desk. Bring it back.')).toEqual([
      'Ask for form No. 5 at the desk.',
      'Bring it back.',
    ]);
  });

  it('takes its abbreviations from the rules it is given', () => {
    expect(split('Dr. Lee came.', NO_SENTENCE_RULES)).toEqual(['Dr.', 'Lee came.']);
    expect(split('Dr. Lee came.')).toEqual(['Dr. Lee came.']);
  });

  it('cuts a sentence longer than MAX_SENTENCE_CHARS into pieces at spaces', () => {
    const text = 'word '.repeat(1_000).trim();
    const spans = splitSentences(text, { start: 0, end: text.length });
    expect(spans.length).toBeGreaterThan(2);
    for (const span of spans) {
      expect(span.end - span.start).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      expect(text.slice(span.start, span.end)).toMatch(/^word( word)*$/);
    }
    expect(spans.map((s) => text.slice(s.start, s.end)).join(' ')).toBe(text);
    // Without a space in reach it cuts hard, but never inside a surrogate pair.
    const emoji = '💉'.repeat(1_500);
    for (const span of splitSentences(emoji, { start: 0, end: emoji.length })) {
      expect(emoji.slice(span.start, span.end).isWellFormed()).toBe(true);
    }
  });

  it('stays within the block it is given', () => {
    const text = 'Before. Inside one. Inside two. After.';
    const start = text.indexOf('Inside');
    const end = text.indexOf(' After');
    const spans = splitSentences(text, { start, end }, english.sentences);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Inside one.', 'Inside two.']);
  });
});

/**
 * Work done by the splitter, counted as regular-expression executions (`test` calls `exec`
 * too): every character it examines in a loop goes through one. Deterministic, unlike time.
 */
function regexWork(run: () => void): number {
  const original = RegExp.prototype.exec;
  let calls = 0;
  RegExp.prototype.exec = function (this: RegExp, input: string) {
    calls++;
    return original.call(this, input);
  };
  try {
    run();
  } finally {
    RegExp.prototype.exec = original;
  }
  return calls;
}

describe('splitSentences on punctuation runs', () => {
  // Each unit repeated and then followed by a letter: before the fix the splitter restarted
  // inside the run at every character, so 20,000 dots took about 10 s.
  it.each(['.', '?!', '…', '."', '. a ', '!?" x', '.[1]', 'etc.. ', '\n\n'])(
    'does linear work on a run of %j',
    (unit) => {
      const work = (size: number) => {
        const text = `${unit.repeat(Math.ceil(size / unit.length)).slice(0, size)}x and more text.`;
        return regexWork(() => splitSentences(text, { start: 0, end: text.length }, english.sentences));
      };
      const small = work(250);
      const large = work(2_000);
      expect(large).toBeLessThanOrEqual(10 * small);
    },
  );

  it('splits a 200,000-character run of dots followed by a letter at once', () => {
    const text = `${'.'.repeat(200_000)}x`;
    const work = regexWork(() => splitSentences(text, { start: 0, end: text.length }, english.sentences));
    // A constant number of examinations per character; the old splitter needed ~2·10¹⁰.
    expect(work).toBeLessThan(4 * text.length);
    // One sentence, in pieces of the maximum length (there is no space to cut at).
    expect(split(text).join('')).toBe(text);
  });
});

/**
 * `Intl.Segmenter` (ICU's sentence rules, UAX #29) as an oracle over own-words texts. The
 * splitter agrees with it except where it deliberately knows more, listed below with reasons.
 */
describe('splitSentences against Intl.Segmenter', () => {
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  const oracle = (text: string) =>
    [...segmenter.segment(text)].map((s) => s.segment.trim()).filter((s) => s.length > 0);

  it.each([
    'The pump holds a small tank. A nurse refills it every few months.',
    'Is the pump safe in an MRI scanner? Ask your care team before any scan!',
    'Do I need a trial first? No. You need a trial before the pump is implanted.',
    'The catheter sits in the spinal fluid. It does not reach the brain.',
    'She said "the refill took ten minutes." Then she drove home.',
    'The dose was 2.5 mg per day. Later it was raised.',
    'Wait... the pump beeped again. What does that mean?!',
    'See Fig. 2 for the catheter path. The tip lies near the spine.',
    'The trial lasted three days. no problems were seen.',
    'Ziconotide is not an opioid (it blocks calcium channels). It can cause dizziness.',
    'Baclofen relaxes muscles; it is not a painkiller. Talk to your team.',
    'The U.S. agency approved the device. Many clinics offer it.',
    'Step one: the trial.\nStep two: the implant.',
    'I asked: is it safe? The answer was yes.',
    'The pump was approved in 1991. Later models added programming.',
    'Call No. 5 if the alarm sounds. Do not wait.',
    'Refills take minutes!! Most people go home the same day.',
    'Some pumps are programmable (the dose can change). Others are not.',
    'He asked "is it safe?" and left.',
  ])('agrees on %j', (text) => {
    expect(split(text)).toEqual(oracle(text));
  });

  // Documented exceptions: the oracle's answer, then ours, and why ours is intended.
  it.each([
    [
      'Dr. Patel placed the pump. It works.',
      ['Dr. Patel placed the pump.', 'It works.'],
      'title abbreviation before a capital (@abbreviation)',
    ],
    [
      'Doses are tiny, e.g. 0.5 mcg per day. Effects vary.',
      ['Doses are tiny, e.g. 0.5 mcg per day.', 'Effects vary.'],
      '"e.g." before a number (@abbreviation)',
    ],
    [
      'The U.S. FDA warned. Pumps can stall.',
      ['The U.S. FDA warned.', 'Pumps can stall.'],
      'dotted abbreviation before a capital (@abbreviation)',
    ],
    [
      'Pumps are refilled every few months… Some need it more often.',
      ['Pumps are refilled every few months…', 'Some need it more often.'],
      'the ellipsis character ends a sentence before a capital; ICU treats it as ordinary punctuation',
    ],
  ])('differs on %j as documented', (text, ours, _reason) => {
    expect(oracle(text)).not.toEqual(ours);
    expect(split(text)).toEqual(ours);
  });
});
