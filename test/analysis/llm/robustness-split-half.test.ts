import { describe, expect, it } from 'vitest';
import {
  pairedVariantBootstrap,
  splitHalfSpreads,
  stratifiedHalves,
} from '../../../src/analysis/llm/robustness/index.js';
import { createRng } from '../../../src/core/rng.js';

describe('best and worst picked on one half, measured on the other', () => {
  it('splits each class in two disjoint halves that cover every row', () => {
    const y = Int32Array.from({ length: 31 }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const { pick, measure } = stratifiedHalves(y, 5);
    expect([...pick, ...measure].sort((a, b) => a - b)).toEqual(Array.from({ length: 31 }, (_, i) => i));
    const ones = (rows: Int32Array) => rows.filter((row) => y[row] === 1).length;
    expect(Math.abs(ones(pick) - ones(measure))).toBeLessThanOrEqual(1);
    expect(Math.abs(pick.length - measure.length)).toBeLessThanOrEqual(1);
  });

  it('on a planted no-effect control (12 variants, each wrong on its own random 30 % of rows) keeps 0 in the interval', () => {
    const n = 200;
    const replicates = 40;
    let sameRowsExcludeZero = 0;
    let halvesExcludeZero = 0;
    for (let r = 0; r < replicates; r++) {
      const rng = createRng(1000 + r);
      const y = Int32Array.from({ length: n }, () => rng.int(2));
      // Every variant has the same 70 % accuracy: no variant is better than another.
      const predictions = Array.from({ length: 12 }, () =>
        Int32Array.from(y, (label) => (rng.next() < 0.3 ? 1 - label : label)),
      );
      const members = predictions.map((_, v) => v);
      const [half] = splitHalfSpreads(y, predictions, [members], stratifiedHalves(y, r), {
        nBoot: 400,
        seed: r,
      });
      if (half.spread.low > 0) halvesExcludeZero++;
      // The pick on the very rows it is measured on, for contrast: the max of noisy estimates.
      const right = (v: number) => predictions[v].filter((code, i) => code === y[i]).length;
      const best = members.reduce((a, b) => (right(b) > right(a) ? b : a));
      const worst = members.reduce((a, b) => (right(b) < right(a) ? b : a));
      const [same] = pairedVariantBootstrap(y, predictions, [[best, worst]], {
        nBoot: 400,
        seed: r,
      }).differences;
      if (same.low > 0) sameRowsExcludeZero++;
    }
    // A 95 % interval of an unbiased difference excludes 0 from above in ~2.5 % of replicates (1 of 40).
    expect(halvesExcludeZero).toBeLessThanOrEqual(4);
    // Picking on the same rows claims an effect that is not there most of the time.
    expect(sameRowsExcludeZero).toBeGreaterThan(replicates / 2);
  });
});
