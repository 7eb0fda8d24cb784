import { describe, expect, it } from 'vitest';
import { loadModel, parseModelSpec } from '../../../src/catalog/index.js';
import { encodeLabels, type Features, numericFeatures } from '../../../src/core/index.js';
import { createRng } from '../../../src/core/rng.js';
import { createMlpClassifier } from '../../../src/models/index.js';
import { createStrategy, search } from '../../../src/selection/index.js';
import { loadBundledDatasets } from '../../helpers/datasets.js';
import { quarterSplit } from '../sgd/quarter-split.js';

const datasets = await loadBundledDatasets([{ file: 'breast_cancer.csv', label_column: 'target' }]);
const cancer = quarterSplit(
  datasets.get('breast_cancer.csv') as NonNullable<ReturnType<typeof datasets.get>>,
);

function features(rows: number[][]): Features {
  return numericFeatures({ rows: rows.length, cols: rows[0].length, data: Float64Array.from(rows.flat()) });
}

/** Two Gaussian blobs 10 standard deviations apart: separable by x0 = 0 (asserted where used). */
function blobs(n: number, seed: number) {
  const rng = createRng(seed);
  const rows: number[][] = [];
  const labels: string[] = [];
  for (let i = 0; i < n; i++) {
    const side = i % 2;
    rows.push([rng.normal() + (side ? 5 : -5), rng.normal()]);
    labels.push(side ? 'b' : 'a');
  }
  return { X: features(rows), y: encodeLabels(labels) };
}

describe('MLPClassifier', () => {
  it('learns XOR with one small hidden layer', async () => {
    const X = features([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    const y = encodeLabels(['0', '1', '1', '0']);
    const fitted = await createMlpClassifier({
      hidden_layer_sizes: [8],
      activation: 'tanh',
      learning_rate_init: 0.05,
      max_iter: 1000,
      random_state: 1,
    }).fit(X, y);
    expect(Array.from(await fitted.predict(X))).toEqual([0, 1, 1, 0]);
    // A linear model cannot do better than 3 of 4; the probabilities must also be confident.
    const proba = await fitted.predictProba(X);
    for (let i = 0; i < 4; i++) expect(proba.data[i * 2 + y.codes[i]]).toBeGreaterThan(0.8);
  });

  it('drives the training loss down on a separable problem and classifies it perfectly', async () => {
    const { X, y } = blobs(200, 3);
    for (let i = 0; i < X.rows; i++) expect(X.data[i * 2] > 0 ? 1 : 0).toBe(y.codes[i]);
    const fitted = await createMlpClassifier({ hidden_layer_sizes: [5], batch_size: 20, max_iter: 60 }).fit(
      X,
      y,
    );
    const loss = fitted.diagnostics.epochs.trainLoss;
    expect(loss.length).toBeGreaterThan(10);
    expect(loss[loss.length - 1]).toBeLessThan(0.25 * loss[0]);
    let rises = 0;
    for (let e = 1; e < loss.length; e++) if (loss[e] > loss[e - 1]) rises++;
    expect(rises).toBeLessThanOrEqual(loss.length / 10);
    const predicted = await fitted.predict(X);
    expect(predicted.every((code, i) => code === y.codes[i])).toBe(true);
  });

  it('gives identical weights for the same seed and different ones for another', async () => {
    const make = (seed: number) =>
      createMlpClassifier({ hidden_layer_sizes: [6, 4], max_iter: 15, random_state: seed });
    const a = await make(5).fit(cancer.train.X, cancer.train.y);
    const b = await make(5).fit(cancer.train.X, cancer.train.y);
    const c = await make(6).fit(cancer.train.X, cancer.train.y);
    for (const [l, W] of a.weights.entries()) expect(Array.from(b.weights[l])).toEqual(Array.from(W));
    for (const [l, v] of a.biases.entries()) expect(Array.from(b.biases[l])).toEqual(Array.from(v));
    expect(Array.from(c.weights[0])).not.toEqual(Array.from(a.weights[0]));
  });

  it('with early stopping records validation curves and keeps the best validation epoch', async () => {
    const fitted = await createMlpClassifier({
      early_stopping: true,
      n_iter_no_change: 5,
      max_iter: 300,
    }).fit(cancer.train.X, cancer.train.y);
    const { epochs, iterations, converged } = fitted.diagnostics;
    expect(converged).toBe(true);
    expect(iterations).toBeLessThan(300);
    expect(epochs.validationScore).toHaveLength(iterations);
    expect(epochs.validationLoss).toHaveLength(iterations);
    const scores = epochs.validationScore as number[];
    const best = epochs.bestEpoch as number;
    expect(scores[best - 1]).toBe(Math.max(...scores));
    // sklearn stops after more than n_iter_no_change epochs without a gain of tol over the best.
    expect(iterations - best).toBeGreaterThan(5);
  });

  it('trains with solver sgd (momentum, nesterov) and every schedule', async () => {
    for (const patch of [
      { learning_rate: 'constant', nesterovs_momentum: true },
      { learning_rate: 'invscaling', learning_rate_init: 0.5, nesterovs_momentum: false },
      { learning_rate: 'adaptive', momentum: 0.5 },
    ] as const) {
      const fitted = await createMlpClassifier({
        solver: 'sgd',
        max_iter: 80,
        random_state: 0,
        ...patch,
      }).fit(cancer.train.X, cancer.train.y);
      const predicted = await fitted.predict(cancer.test.X);
      const accuracy =
        predicted.filter((code, i) => code === cancer.test.y.codes[i]).length / predicted.length;
      expect(accuracy, JSON.stringify(patch)).toBeGreaterThan(0.93);
    }
  });

  it('keeps the epoch history through toJSON and loadModel', async () => {
    const fitted = await createMlpClassifier({ max_iter: 5, hidden_layer_sizes: 3 }).fit(
      cancer.train.X,
      cancer.train.y,
    );
    const restored = loadModel(JSON.parse(JSON.stringify(fitted.toJSON())));
    expect(restored.diagnostics).toEqual(fitted.diagnostics);
    expect(fitted.diagnostics.warnings.map((w) => w.code)).toContain('convergence');
  });

  // sklearn 1.2.1 trains through loss spikes and raises only on non-finite weights: on breast_cancer
  // (sgd, momentum 0.9, max_iter 20, 10 hidden units) it fits at learning_rate_init=50 and 1e6 and fails
  // at 1e12 and 1e100 ("Solver produced non-finite parameter weights").
  it('fails a fit whose weights become non-finite with code diverged, a failed candidate in a search', async () => {
    await expect(
      createMlpClassifier({ solver: 'sgd', learning_rate_init: 50, momentum: 0.9, max_iter: 20 }).fit(
        cancer.train.X,
        cancer.train.y,
      ),
    ).resolves.toBeDefined();
    await expect(
      createMlpClassifier({ solver: 'sgd', learning_rate_init: 1e100, momentum: 0.9, max_iter: 20 }).fit(
        cancer.train.X,
        cancer.train.y,
      ),
    ).rejects.toMatchObject({ code: 'diverged' });
    const result = await search(cancer.train.X, cancer.train.y, {
      steps: parseModelSpec('mlp(solver=sgd, max_iter=20, hidden_layer_sizes=10)'),
      strategy: createStrategy({ strategy: 'grid', grid: ['learning_rate_init=0.01,1e100'], space: [] }),
      cv: 3,
      refit: false,
    });
    expect(result.trials.map((t) => t.status)).toEqual(['ok', 'failed']);
    expect(result.trials[1].error).toMatch(
      /diverged at epoch \d+: the weights became non-finite with learning_rate_init=1e\+100/,
    );
    expect(result.trials[1].meanTestScore).toBeNull();
    expect(result.bestIndex).toBe(0);
  });
});
