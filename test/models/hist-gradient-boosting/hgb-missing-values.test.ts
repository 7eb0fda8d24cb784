import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { numericFeatures } from '../../../src/core/features.js';
import { encodeLabels } from '../../../src/core/labels.js';
import {
  createHistGradientBoosting,
  loadHistGradientBoosting,
} from '../../../src/models/hist-gradient-boosting/index.js';

/** test/fixtures/hist-gradient-boosting/reference.json, made by make_reference.py (sklearn 1.2.1). */
interface Reference {
  readonly cases: readonly {
    readonly id: string;
    readonly params: { readonly max_iter: number; readonly max_leaf_nodes?: number };
    readonly X: (number | null)[][];
    readonly y: number[];
    readonly train_rows: number;
    readonly n_iter: number;
    readonly test_predict_proba: number[][];
    readonly test_predictions: number[];
  }[];
  readonly early_stopping: {
    readonly X: (number | null)[][];
    readonly y: number[];
    readonly holdout: number;
    readonly runs: readonly { readonly n_iter: number; readonly holdout_accuracy: number }[];
  };
}

const reference = JSON.parse(
  readFileSync(new URL('../../fixtures/hist-gradient-boosting/reference.json', import.meta.url), 'utf8'),
) as Reference;

function matrix(rows: readonly (number | null)[][]) {
  const cols = rows[0].length;
  const data = Float64Array.from(rows.flatMap((row) => row.map((v) => (v === null ? Number.NaN : v))));
  return numericFeatures({ rows: rows.length, cols, data });
}

const labelsOf = (codes: readonly number[]) => encodeLabels(codes.map((code) => `c${code}`));

describe('hist gradient boosting with missing values (sklearn 1.2.1 reference)', () => {
  for (const c of reference.cases) {
    it(`${c.id}: learns where missing values go and predicts sklearn's probabilities`, async () => {
      const train = matrix(c.X.slice(0, c.train_rows));
      const test = matrix(c.X.slice(c.train_rows));
      const model = createHistGradientBoosting({ ...c.params, early_stopping: false, random_state: 0 });
      const fitted = await model.fit(train, labelsOf(c.y.slice(0, c.train_rows)));
      expect(fitted.diagnostics.iterations).toBe(c.n_iter);
      const proba = await fitted.predictProba(test);
      // Gradients rounded to float32 as sklearn's, the same sums and gains: the same trees to the last bits.
      let worst = 0;
      c.test_predict_proba.forEach((row, i) => {
        row.forEach((p, k) => {
          worst = Math.max(worst, Math.abs(proba.data[i * proba.cols + k] - p));
        });
      });
      expect(worst).toBeLessThan(1e-12);
      const predicted = Array.from(await fitted.predict(test), (code) =>
        Number(fitted.classes[code].slice(1)),
      );
      expect(predicted).toEqual(c.test_predictions);
      // The rows with a missing value are predicted too, and a saved model predicts the same.
      const testRowsWithNaN = c.X.slice(c.train_rows).filter((row) => row.includes(null)).length;
      expect(testRowsWithNaN).toBeGreaterThan(5);
      const reloaded = loadHistGradientBoosting(JSON.parse(JSON.stringify(fitted.toJSON())));
      expect((await reloaded.predictProba(test)).data).toEqual(proba.data);
    });
  }

  it('sends missing values where they help: the learned direction beats either fixed side', async () => {
    const c = reference.cases[0];
    const train = matrix(c.X.slice(0, c.train_rows));
    const y = labelsOf(c.y.slice(0, c.train_rows));
    const fitted = await createHistGradientBoosting({ early_stopping: false, max_iter: 30 }).fit(train, y);
    const directions = fitted.state.trees.flatMap((round) =>
      round.flatMap((tree) =>
        Array.from(tree.feature).flatMap((f, k) =>
          tree.left[k] >= 0 && f === 0 ? [tree.missingLeft[k]] : [],
        ),
      ),
    );
    // Splits on x0 learn both directions across the nodes (NaN rows are mostly class 1).
    expect(directions.length).toBeGreaterThan(3);
    expect(new Set(directions).size).toBe(2);
  });
});

describe('hist gradient boosting early stopping (sklearn early_stopping="auto")', () => {
  it('turns on above 10,000 rows and stops where sklearn does, within the spread of its seeds', async () => {
    const { X, y, holdout, runs } = reference.early_stopping;
    const train = matrix(X.slice(holdout));
    const test = matrix(X.slice(0, holdout));
    const labels = labelsOf(y.slice(holdout));
    const iterations: number[] = [];
    const accuracies: number[] = [];
    for (let seed = 0; seed < runs.length; seed++) {
      const fitted = await createHistGradientBoosting({ random_state: seed, max_iter: 500 }).fit(
        train,
        labels,
      );
      const { validationLoss } = fitted.diagnostics;
      iterations.push(fitted.diagnostics.iterations);
      expect(validationLoss).toHaveLength(fitted.diagnostics.iterations);
      // The stopping rule (sklearn's _should_stop with scoring 'loss'): none of the last 10 validation
      // losses is below the one 11 back by more than tol.
      const last = validationLoss.length;
      const reference11 = last > 10 ? validationLoss[last - 11] : Number.NaN;
      for (const loss of validationLoss.slice(-10)) expect(loss).toBeGreaterThanOrEqual(reference11 - 1e-7);
      const predicted = await fitted.predict(test);
      const truth = y.slice(0, holdout);
      accuracies.push(
        predicted.reduce((sum, code, i) => sum + (fitted.classes[code] === `c${truth[i]}` ? 1 : 0), 0) /
          holdout,
      );
    }
    const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const sklearnIterations = runs.map((run) => run.n_iter);
    const sklearnAccuracy = mean(runs.map((run) => run.holdout_accuracy));
    expect(Math.max(...iterations)).toBeLessThan(500);
    expect(mean(iterations)).toBeGreaterThanOrEqual(Math.min(...sklearnIterations) / 2);
    expect(mean(iterations)).toBeLessThanOrEqual(Math.max(...sklearnIterations) * 2);
    expect(Math.abs(mean(accuracies) - sklearnAccuracy)).toBeLessThan(0.01);
  }, 120_000);
});

describe('hist gradient boosting on worker threads (n_jobs)', () => {
  it('grows the same trees with 2 threads as with 1, missing values included', async () => {
    const { X, y, holdout } = reference.early_stopping;
    const rows = X.slice(0, 6000).map((row, i) => (i % 7 === 0 ? [null, ...row.slice(1)] : row));
    const features = matrix(rows);
    const labels = labelsOf(y.slice(0, 6000));
    const fitWith = (nJobs: number) =>
      createHistGradientBoosting({ max_iter: 15, n_jobs: nJobs, random_state: 0 }).fit(features, labels);
    const [one, two] = [await fitWith(1), await fitWith(2)];
    expect(two.toJSON().state).toEqual(one.toJSON().state);
    const test = matrix(X.slice(6000, 6000 + holdout));
    expect((await two.predictProba(test)).data).toEqual((await one.predictProba(test)).data);
  }, 60_000);
});
