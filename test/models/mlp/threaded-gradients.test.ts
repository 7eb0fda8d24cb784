import { describe, expect, it } from 'vitest';
import { encodeLabels, numericFeatures } from '../../../src/core/index.js';
import { threadCount } from '../../../src/core/n-jobs.js';
import { createRng } from '../../../src/core/rng.js';
import { createMlpClassifier } from '../../../src/models/index.js';
import { batchSlice } from '../../../src/models/mlp/batch-gradient.js';

/** Three overlapping classes in 6 dimensions, so the fit keeps moving and rounding differences show. */
function threeClasses(n: number, seed: number) {
  const rng = createRng(seed);
  const data = new Float64Array(n * 6);
  const labels: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % 3;
    for (let j = 0; j < 6; j++) data[i * 6 + j] = rng.normal() + (j % 3 === c ? 1.5 : 0);
    labels.push(`c${c}`);
  }
  return { X: numericFeatures({ rows: n, cols: 6, data }), y: encodeLabels(labels) };
}

const settings = { hidden_layer_sizes: [16, 8], batch_size: 50, max_iter: 4, random_state: 5 };

describe('MLP fits over several threads', () => {
  it('splits a batch into contiguous slices that cover it', () => {
    for (const [m, threads] of [
      [64, 2],
      [7, 3],
      [1, 1],
      [5, 5],
    ]) {
      let next = 0;
      for (let part = 0; part < threads; part++) {
        const { from, to } = batchSlice(m, part, threads);
        expect(from).toBe(next);
        expect(to).toBeGreaterThanOrEqual(from);
        next = to;
      }
      expect(next).toBe(m);
    }
    expect(threadCount(null, 64)).toBe(1);
    expect(threadCount(8, 3)).toBe(3);
  });

  it('gives identical weights for the same seed and thread count, and nearly those of one thread', async () => {
    const { X, y } = threeClasses(403, 2);
    const single = await createMlpClassifier({ ...settings, n_jobs: 1 }).fit(X, y);
    const first = await createMlpClassifier({ ...settings, n_jobs: 2 }).fit(X, y);
    const second = await createMlpClassifier({ ...settings, n_jobs: 2 }).fit(X, y);
    const three = await createMlpClassifier({ ...settings, n_jobs: 3 }).fit(X, y);
    expect(first.diagnostics.warnings.map((w) => w.code)).not.toContain('parallel_unavailable');
    for (let l = 0; l < first.weights.length; l++) {
      expect(first.weights[l]).toEqual(second.weights[l]);
      expect(first.biases[l]).toEqual(second.biases[l]);
      // The fitted model holds ordinary arrays again, not the fit's shared memory.
      expect(first.weights[l].buffer).toBeInstanceOf(ArrayBuffer);
      // Only the summation order differs from one thread: the same weights up to rounding.
      for (const other of [single, three]) {
        for (let k = 0; k < first.weights[l].length; k++)
          expect(other.weights[l][k]).toBeCloseTo(first.weights[l][k], 8);
      }
    }
    expect(first.diagnostics.loss).toBeCloseTo(single.diagnostics.loss, 10);
    expect(Array.from(await first.predict(X))).toEqual(Array.from(await single.predict(X)));
  });

  it('keeps the best validation epoch with early stopping', async () => {
    const { X, y } = threeClasses(300, 4);
    const params = { ...settings, max_iter: 6, early_stopping: true };
    const single = await createMlpClassifier({ ...params, n_jobs: 1 }).fit(X, y);
    const threaded = await createMlpClassifier({ ...params, n_jobs: 2 }).fit(X, y);
    expect(threaded.diagnostics.epochs.bestEpoch).toBe(single.diagnostics.epochs.bestEpoch);
    expect(threaded.diagnostics.epochs.validationScore).toEqual(single.diagnostics.epochs.validationScore);
  });

  it('rejects n_jobs 0', () => {
    expect(() => createMlpClassifier({ n_jobs: 0 })).toThrow(/n_jobs/);
  });
});
