import { describe, expect, it } from 'vitest';
import { numericFeatures } from '../../../src/core/features.js';
import { encodeLabels } from '../../../src/core/labels.js';
import { createRng } from '../../../src/core/rng.js';
import { createHistGradientBoosting } from '../../../src/models/hist-gradient-boosting/index.js';

/**
 * Threaded fits share each node's features out in chunks of four (node-job.ts); the best split of
 * each chunk is merged in feature order. Planted: three classes driven by features 1, 6 and 9 (three
 * different chunks, the last one partial), NaN in features 2 and 9, so merging across chunks, missing
 * directions and the partial chunk all shape the trees.
 */
function plantedProblem(rows: number) {
  const cols = 10;
  const rng = createRng(11);
  const data = Float64Array.from({ length: rows * cols }, () => rng.normal());
  const labels = Array.from({ length: rows }, (_, i) => {
    const x = (f: number) => data[i * cols + f];
    const scores = [x(1) + 0.5 * rng.normal(), x(6) + 0.5 * rng.normal(), x(9) + 0.5 * rng.normal()];
    return `c${scores.indexOf(Math.max(...scores))}`;
  });
  for (let i = 0; i < rows; i++) {
    if (i % 5 === 0) data[i * cols + 2] = Number.NaN;
    if (i % 9 === 0) data[i * cols + 9] = Number.NaN;
  }
  return { X: numericFeatures({ rows, cols, data }), y: encodeLabels(labels) };
}

describe('hist gradient boosting on worker threads (n_jobs)', () => {
  it('grows the same trees with 2 threads as with 1 on three classes, split across feature chunks', async () => {
    const { X, y } = plantedProblem(4000);
    const fitWith = (nJobs: number) =>
      createHistGradientBoosting({ max_iter: 12, n_jobs: nJobs, random_state: 0 }).fit(X, y);
    const [one, two] = [await fitWith(1), await fitWith(2)];
    const splitFeatures = new Set(one.state.trees.flat().flatMap((tree) => Array.from(tree.feature)));
    // The planted features, one per chunk, are all used: the merge across chunks is exercised.
    for (const feature of [1, 6, 9]) expect(splitFeatures.has(feature)).toBe(true);
    expect(one.state.trees).toHaveLength(12);
    expect(one.state.trees[0]).toHaveLength(3);
    expect(two.toJSON().state).toEqual(one.toJSON().state);
    const test = plantedProblem(500).X;
    expect((await two.predictProba(test)).data).toEqual((await one.predictProba(test)).data);
  }, 60_000);
});

describe('hist gradient boosting prediction', () => {
  it('scores each row as it scores it alone (rows go through the trees in blocks)', async () => {
    const { X, y } = plantedProblem(3000);
    const fitted = await createHistGradientBoosting({ max_iter: 8, early_stopping: false }).fit(X, y);
    const test = plantedProblem(2500).X;
    const together = (await fitted.predictProba(test)).data;
    const alone = new Float64Array(together.length);
    for (let i = 0; i < test.rows; i++) {
      const row = numericFeatures({ rows: 1, cols: test.cols, data: test.data.slice(i * 10, (i + 1) * 10) });
      alone.set((await fitted.predictProba(row)).data, i * 3);
    }
    expect(together).toEqual(alone);
  });
});
