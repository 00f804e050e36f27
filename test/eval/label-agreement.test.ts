// The label-agreement arithmetic (issue 14): stratum weights and weighted F1 must give the figure a
// full second labelling of the frame would give when the sample is the whole frame, and must weight a
// rare stratum's items less than a common one's when fewer of the common one were sampled.
import { describe, expect, it } from 'vitest';
import { f1Of, sampleWeights, stratumOf, weightedCounts } from './label-agreement.js';

const frame = [
  { id: 'c1', labels: ['covid_cip', 'finance'] },
  { id: 'c2', labels: ['covid_cip', 'procurement'] },
  { id: 'p1', labels: ['procurement'] },
  { id: 'p2', labels: ['procurement'] },
  { id: 'p3', labels: ['procurement'] },
  { id: 'p4', labels: ['procurement'] },
  { id: 'n1', labels: ['finance'] },
  { id: 'n2', labels: [] },
];

describe('label agreement', () => {
  it('puts an item in the stratum of the rarest core theme it carries', () => {
    expect(stratumOf(['procurement', 'covid_cip'])).toBe('covid_cip');
    expect(stratumOf(['stp', 'mcp'])).toBe('mcp');
    expect(stratumOf(['finance'])).toBe('none');
  });

  it('weights each sampled item by its stratum size over the number sampled from it', () => {
    const w = sampleWeights(frame, ['c1', 'c2', 'p1', 'n1']);
    expect(w.get('c1')).toBe(1);
    expect(w.get('c2')).toBe(1);
    expect(w.get('p1')).toBe(4);
    expect(w.get('n1')).toBe(2);
  });

  it('refuses an id outside the frame', () => {
    expect(() => sampleWeights(frame, ['zz'])).toThrow(/not in the sampling frame/);
  });

  it('scores weighted F1 so that a disagreement in a thinly sampled stratum counts more', () => {
    const rows = [
      { weight: 1, a: new Set(['procurement']), b: new Set(['procurement']) },
      { weight: 4, a: new Set(['procurement']), b: new Set<string>() },
      { weight: 2, a: new Set<string>(), b: new Set(['procurement']) },
    ];
    const c = weightedCounts(rows, 'procurement');
    expect(c).toEqual({ tp: 1, fp: 2, fn: 4 });
    expect(f1Of(c)).toBeCloseTo(2 / 8, 10);
    expect(f1Of({ tp: 0, fp: 0, fn: 0 })).toBe(1);
    expect(f1Of({ tp: 0, fp: 1, fn: 0 })).toBe(0);
  });
});
