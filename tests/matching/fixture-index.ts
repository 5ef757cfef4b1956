import type { Claim, Lexicon } from '../../lib/claims/schema';
import { compileIndex } from '../../lib/matching/compile-index';
import { englishConcepts } from './english';

/**
 * A small hand-written claim list for the matcher's unit tests, so they test the matcher's rules
 * and do not move whenever the real claim list is tuned.
 */
const lexicon: Lexicon = {
  concepts: {
    intrathecal: ['intrathecal', 'pain pump', 'morphine pump', 'ziconotide'],
    relevance: ['intrathecal', 'pump', 'ziconotide', 'baclofen'],
    'other-device': ['insulin pump', 'insulin', 'spinal cord stimulator', 'shoulder pain pump'],
    'other-therapy': ['epidural', 'steroid injection'],
    negation: ['not', 'no', 'never', 'without'],
    'negation-exception': ['not only'],
    correction: ['myth', 'not true'],
    referent: ['it', 'this drug'],
    'bare-pump': ['pump'],
    deliver: ['deliver', 'inject', 'send', 'put'],
    // The shipped English lists: abbreviations, contractions and clause words are not claim rules.
    ...englishConcepts,
  },
};

const base = {
  statement: 'A statement long enough.',
  correction: 'A correction long enough.',
  explanation: 'An explanation that is long enough to pass the schema check here.',
  sources: ['src'],
  reviewed: '2026-11-25',
  examples: { positive: [], negative: [] },
} as const;

const claims: Claim[] = [
  {
    ...base,
    examples: { positive: [], negative: [] },
    sources: ['src'],
    id: 'delivers-into-brain',
    verdict: 'false',
    match: {
      subject: 'intrathecal',
      patterns: [{ all: [['@deliver'], ['brain']], none: ['ventricle', 'my pump'] }],
    },
  },
  {
    ...base,
    examples: { positive: [], negative: [] },
    sources: ['src'],
    id: 'no-refills-needed',
    verdict: 'false',
    match: {
      subject: 'intrathecal',
      patterns: [{ all: [['need', 'require'], ['refill']], negated: true }, { all: [['refill free']] }],
    },
  },
  {
    ...base,
    examples: { positive: [], negative: [] },
    sources: ['src'],
    id: 'same-as-steroid-injection',
    verdict: 'false',
    match: {
      subject: 'intrathecal',
      patterns: [
        {
          all: [
            ['same as', 'just like'],
            ['steroid injection', 'epidural'],
          ],
        },
      ],
    },
  },
  {
    ...base,
    examples: { positive: [], negative: [] },
    sources: ['src'],
    id: 'baclofen-is-painkiller',
    verdict: 'misleading',
    match: { subject: 'self', patterns: [{ all: [['baclofen'], ['painkiller']], window: 6 }] },
  },
  {
    ...base,
    examples: { positive: [], negative: [] },
    sources: ['src'],
    id: 'ziconotide-is-opioid',
    verdict: 'false',
    match: { subject: 'self', patterns: [{ all: [['ziconotide'], ['opioid']], window: 6 }] },
  },
];

/** The compiled test index. */
export const fixtureIndex = compileIndex({ version: 'test', claims, lexicon });
