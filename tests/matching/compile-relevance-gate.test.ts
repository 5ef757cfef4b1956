import { describe, expect, it } from 'vitest';
import { compileRelevanceGate } from '../../lib/matching/compile-relevance-gate';
import type { CompiledPattern } from '../../lib/matching/compiled-index';

const pattern = (subject: CompiledPattern['subject'], groups: number[][]): CompiledPattern => ({
  claimId: 'c',
  verdict: 'false',
  subject,
  groups,
  none: [],
  negated: false,
  window: 10,
});

describe('compileRelevanceGate', () => {
  const terms = [
    ['baclofen'],
    ['painkil'],
    ['analges', 'drug'],
    ['ziconotid'],
    ['opioid'],
    ['cure'],
    ['all'],
  ];

  it('opens on every intrathecal term and extra, and on one group of each self pattern', () => {
    const spec = compileRelevanceGate({
      intrathecal: [['intrathecal'], ['pain', 'pump']],
      extra: [['lioresal']],
      pump: ['Pump'],
      pumpContext: [['morphin'], ['morphin']],
      otherDevice: [['breast', 'pump']],
      terms,
      entity: [0, 3],
      patterns: [
        // Drug names first or last: the group of drug names is the one taken.
        pattern('self', [[0], [1, 2]]),
        pattern('self', [[4], [3]]),
        // No group of drug names: the smallest group, since every group must be present.
        pattern('self', [[5, 4], [6]]),
        // Claims about the therapy need an intrathecal term, already open.
        pattern('intrathecal', [[1], [2]]),
      ],
    });
    expect(spec).toEqual({
      open: ['all', 'baclofen', 'intrathecal', 'lioresal', 'pain pump', 'ziconotid'],
      pump: ['pump', 'pumps'],
      pumpContext: ['morphin'],
      otherDevice: ['breast pump'],
    });
  });
});
