import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng.js';
import { findBinThresholds, mapToBins } from '../../../src/models/hist-gradient-boosting/bin-mapper.js';

/** The definition: a value's bin is the number of thresholds strictly below it; NaN gets length + 1. */
function binByDefinition(t: Float64Array, x: number): number {
  if (Number.isNaN(x)) return t.length + 1;
  return t.filter((threshold) => threshold < x).length;
}

describe('mapToBins', () => {
  it('puts every value in the bin its thresholds define, in both layouts, on awkward columns', () => {
    const rng = createRng(7);
    const rows = 3000;
    const columns: ((i: number) => number)[] = [
      () => rng.next() * 2 - 1, // uniform
      () => Math.exp(8 * rng.next()) - 1, // heavy-tailed: thresholds crowd the bottom of the range
      (i) => i % 5, // few distinct values: midpoint thresholds, values on either side
      () => 3, // constant: no threshold
      (i) => (i % 2 === 0 ? 1 : 2), // one threshold
      (i) => (i % 97 === 0 ? Number.NaN : i % 13 === 0 ? 1e300 : rng.next()), // NaN and a far outlier
    ];
    const d = columns.length;
    const X = new Float64Array(rows * d);
    for (let i = 0; i < rows; i++) for (let f = 0; f < d; f++) X[i * d + f] = columns[f](i);
    const thresholds = findBinThresholds(X, rows, d, 255, createRng(0));
    // Values exactly on thresholds, and beyond both ends, are binned too.
    const probes = thresholds.flatMap((t) => [...t, -Infinity, Infinity, t[0] ?? 0]);
    const extra = new Float64Array(probes.length * d);
    probes.forEach((x, i) => extra.fill(x, i * d, (i + 1) * d));
    for (const [data, n] of [
      [X, rows],
      [extra, probes.length],
    ] as const) {
      const byRows = mapToBins(data, n, d, thresholds);
      const byColumns = mapToBins(data, n, d, thresholds, 'columns');
      let mismatches = 0;
      for (let i = 0; i < n; i++) {
        for (let f = 0; f < d; f++) {
          const expected = binByDefinition(thresholds[f], data[i * d + f]);
          if (byRows[i * d + f] !== expected || byColumns[f * n + i] !== expected) mismatches++;
        }
      }
      expect(mismatches).toBe(0);
    }
    expect(thresholds[3]).toHaveLength(0);
    expect(thresholds[4]).toHaveLength(1);
  });
});
