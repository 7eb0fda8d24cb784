import { describe, expect, it } from 'vitest';
import {
  argmaxRows,
  encodeLabels,
  type FittedClassifier,
  isModeldebugError,
  type Matrix,
  numericFeatures,
  takeFeatureRows,
  takeLabelRows,
} from '../../src/core/index.js';
import { createPipeline, createStandardScaler, permutationImportance } from '../../src/features/index.js';
import { createLogisticRegression } from '../../src/models/logistic-regression/index.js';
import { loadCsv } from '../models/logistic-regression/fixture-data.js';

/** Predicts class 1 when column 0 is positive: every other column is provably unused. */
function firstColumnSign(): FittedClassifier {
  const proba = (X: Matrix): Matrix => {
    const data = new Float64Array(X.rows * 2);
    for (let i = 0; i < X.rows; i++) data[i * 2 + (X.data[i * X.cols] > 0 ? 1 : 0)] = 1;
    return { rows: X.rows, cols: 2, data };
  };
  return {
    kind: 'sign',
    classes: ['0', '1'],
    diagnostics: { warnings: [] },
    predict: async (X) => argmaxRows(proba(X)),
    predictProba: async (X) => proba(X),
    toJSON: () => ({
      format: 'modeldebug-model',
      version: 1,
      kind: 'sign',
      params: {},
      classes: [],
      state: {},
    }),
  };
}

const rows = 200;
const values = Float64Array.from({ length: rows * 2 }, (_, k) => Math.sin(k * 12.9898) * 3);
const X = numericFeatures({ rows, cols: 2, data: values }, ['signal', 'noise']);
const y = encodeLabels(Array.from({ length: rows }, (_, i) => (values[i * 2] > 0 ? '1' : '0')));

describe('permutationImportance', () => {
  it('gives exactly zero to a column the model never reads, and a positive drop to the one it does', async () => {
    const result = await permutationImportance(firstColumnSign(), X, y, { nRepeats: 4, seed: 3 });
    expect(result.baseline).toBe(1);
    expect(result.featureNames).toEqual(['signal', 'noise']);
    expect(result.mean[1]).toBe(0);
    expect(result.std[1]).toBe(0);
    expect(result.mean[0]).toBeGreaterThan(0.3);
    expect(result.importances[0]).toHaveLength(4);
    // mean and std are those of the per-repeat drops (population std, as numpy's np.std).
    const drops = Array.from(result.importances[0]);
    const mean = drops.reduce((a, b) => a + b, 0) / drops.length;
    expect(result.mean[0]).toBeCloseTo(mean, 15);
    expect(result.std[0]).toBeCloseTo(Math.sqrt(drops.reduce((a, b) => a + (b - mean) ** 2, 0) / 4), 15);
  });

  it('is reproducible for a seed and leaves the input untouched', async () => {
    const before = Float64Array.from(X.data);
    const a = await permutationImportance(firstColumnSign(), X, y, { seed: 7 });
    const b = await permutationImportance(firstColumnSign(), X, y, { seed: 7 });
    expect(Array.from(a.importances[0])).toEqual(Array.from(b.importances[0]));
    expect(X.data).toEqual(before);
  });

  it('scores any fitted pipeline on held-out rows with a named scorer', async () => {
    const { X: all, y: labels } = loadCsv('iris.csv', 'target');
    const train = Int32Array.from({ length: 150 }, (_, i) => i).filter((i) => i % 3 !== 0);
    const test = Int32Array.from({ length: 50 }, (_, i) => i * 3);
    const model = await createPipeline([
      ['scale', createStandardScaler()],
      ['logreg', createLogisticRegression()],
    ]).fit(takeFeatureRows(all, train), takeLabelRows(labels, train));
    const result = await permutationImportance(
      model,
      takeFeatureRows(all, test),
      takeLabelRows(labels, test),
      {
        scoring: 'neg_log_loss',
        nRepeats: 3,
      },
    );
    expect(result.scoring).toBe('neg_log_loss');
    expect(result.baseline).toBeLessThan(0);
    // Petal measurements carry iris; shuffling them hurts far more than shuffling sepal width.
    expect(result.mean[3]).toBeGreaterThan(result.mean[1]);
    expect(result.mean[2]).toBeGreaterThan(result.mean[1]);
  });

  it('rejects a repeat count below one', async () => {
    const error = await permutationImportance(firstColumnSign(), X, y, { nRepeats: 0 }).catch(
      (e: unknown) => e,
    );
    expect(isModeldebugError(error) && error.code).toBe('invalid_argument');
  });
});
