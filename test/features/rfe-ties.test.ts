import { describe, expect, it } from 'vitest';
import { featureImportance, recursiveFeatureElimination } from '../../src/features/index.js';
import { numpyArgsort } from '../../src/features/numpy-argsort.js';
import { createStandardScaler } from '../../src/features/standard-scaler.js';
import { createLogisticRegression } from '../../src/models/logistic-regression/index.js';
import { loadParityCase } from '../helpers/fixtures.js';
import { loadCsv } from '../models/logistic-regression/fixture-data.js';

interface RfeTiesCase {
  readonly constant_columns: number[];
  readonly expected: {
    readonly first_importance_argsort_head: number[];
    readonly ranking_: number[];
    readonly support_: boolean[];
  };
}

const reference = loadParityCase<RfeTiesCase>('rfe_digits_constant_columns');

/**
 * digits' constant columns 0, 32 and 39 have importance exactly 0 under a linear model, so which is
 * eliminated first is decided by numpy's (unstable) introsort argsort, not by the data.
 */
describe('RFE breaks importance ties as numpy 1.24 argsort does (digits vs scikit-learn 1.2.1)', () => {
  it('removes the constant columns in scikit-learn order and ranks them the same', async () => {
    const { X, y } = loadCsv('digits.csv', 'target');
    const scaled = (await createStandardScaler().fit(X)).transform(X);
    const estimator = createLogisticRegression({ tol: 1e-8, max_iter: 10000 });

    const first = await estimator.fit(scaled, y, {});
    const importance = featureImportance(first, scaled.cols);
    for (const j of reference.constant_columns) expect(importance[j]).toBe(0);
    expect(Array.from(numpyArgsort(importance).subarray(0, 4))).toEqual(
      reference.expected.first_importance_argsort_head,
    );

    const result = await recursiveFeatureElimination(estimator, scaled, y, {
      nFeaturesToSelect: 60,
      step: 2,
    });
    expect(Array.from(result.ranking)).toEqual(reference.expected.ranking_);
    expect(result.support).toEqual(reference.expected.support_);
    expect([0, 32, 39].map((j) => result.ranking[j])).toEqual([3, 2, 3]);
  });
});
