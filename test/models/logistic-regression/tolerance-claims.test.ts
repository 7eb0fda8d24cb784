import { describe, expect, it } from 'vitest';
import { takeFeatureRows } from '../../../src/core/features.js';
import { takeLabelRows } from '../../../src/core/labels.js';
import { createStandardScaler } from '../../../src/features/standard-scaler.js';
import { createLogisticRegression } from '../../../src/models/logistic-regression/index.js';
import { loadParityCase } from '../../helpers/fixtures.js';
import { loadCsv } from './fixture-data.js';

interface TightL2Case {
  readonly expected: {
    readonly coef_: number[][];
    readonly objective: number;
    readonly refined_optimum: { readonly coef_: number[][]; readonly objective: number };
  };
}

interface FoldPredictions {
  readonly tol: number;
  readonly folds: readonly { readonly test_rows: number[]; readonly predict: number[] }[];
}

interface ToleranceFoldsCase {
  readonly expected: { readonly default_tol: FoldPredictions; readonly tight_tol: FoldPredictions };
}

const digits = loadCsv('digits.csv', 'target');

/** max |a − b| over the coefficients, relative to the largest |b| (the claim docs/parity.md states). */
function relativeDeviation(a: ArrayLike<number>, b: readonly number[]): number {
  let largest = 0;
  let deviation = 0;
  for (let i = 0; i < b.length; i++) {
    largest = Math.max(largest, Math.abs(b[i]));
    deviation = Math.max(deviation, Math.abs(a[i] - b[i]));
  }
  return deviation / largest;
}

describe('logistic regression: the tolerance claims of docs/parity.md (digits vs scikit-learn 1.2.1)', () => {
  it('L2 C=3 at tol=1e-8: within 5e-5 of the refined optimum, at an objective no higher than sklearn’s', async () => {
    const reference = loadParityCase<TightL2Case>('lr_l2_digits_C3_tight').expected;
    const scaled = (await createStandardScaler().fit(digits.X)).transform(digits.X);
    const model = await createLogisticRegression({ C: 3, tol: 1e-8, max_iter: 10000 }).fit(
      scaled,
      digits.y,
      {},
    );
    const coefficients = (model as unknown as { coefficients: { data: Float64Array } }).coefficients.data;
    expect(relativeDeviation(coefficients, reference.refined_optimum.coef_.flat())).toBeLessThan(5e-5);
    expect(relativeDeviation(coefficients, reference.coef_.flat())).toBeLessThan(1e-3);
    const objective = (model.diagnostics as unknown as { objective: number }).objective;
    expect(objective).toBeLessThanOrEqual(reference.objective);
    expect(objective).toBeGreaterThanOrEqual(reference.refined_optimum.objective * (1 - 1e-12));
  });

  it('5-fold predictions: identical at tol=1e-8, at most one borderline row per fold apart at the default 1e-4', async () => {
    const reference = loadParityCase<ToleranceFoldsCase>('lr_digits_cv_default_vs_tight_tol').expected;
    const differences = async ({ tol, folds }: FoldPredictions): Promise<number[]> => {
      const counts: number[] = [];
      for (const fold of folds) {
        const isTest = new Uint8Array(digits.X.rows);
        for (const i of fold.test_rows) isTest[i] = 1;
        const train = Array.from({ length: digits.X.rows }, (_, i) => i).filter((i) => isTest[i] === 0);
        const scaler = await createStandardScaler().fit(takeFeatureRows(digits.X, train));
        const model = await createLogisticRegression({ tol, max_iter: 10000 }).fit(
          scaler.transform(takeFeatureRows(digits.X, train)),
          takeLabelRows(digits.y, train),
          {},
        );
        const predicted = await model.predict(scaler.transform(takeFeatureRows(digits.X, fold.test_rows)));
        counts.push(
          Array.from(predicted).filter((code, i) => Number(digits.y.classes[code]) !== fold.predict[i])
            .length,
        );
      }
      return counts;
    };
    expect(await differences(reference.tight_tol)).toEqual([0, 0, 0, 0, 0]);
    const atDefault = await differences(reference.default_tol);
    for (const count of atDefault) expect(count).toBeLessThanOrEqual(1);
  }, 60_000);
});
