import { describe, expect, it } from 'vitest';
import { takeFeatureRows } from '../../../src/core/features.js';
import { takeLabelRows } from '../../../src/core/labels.js';
import { createStandardScaler } from '../../../src/features/standard-scaler.js';
import { createLogisticRegression } from '../../../src/models/logistic-regression/index.js';
import { loadParityCase } from '../../helpers/fixtures.js';
import { loadCsv } from './fixture-data.js';

interface EqualInterceptsCase {
  readonly expected: {
    readonly n_nonzero_coef: number;
    readonly intercept_: number[];
    readonly train_counts: number[];
    readonly test_rows: number[];
    readonly predict: number[];
    readonly correct: number;
    readonly n_test: number;
  };
}

const reference = loadParityCase<EqualInterceptsCase>('liblinear_l1_equal_intercepts_digits_fold3').expected;

/**
 * digits, StratifiedKFold(5) fold 3, scale | liblinear L1 at C=0.003: every coefficient is 0, and the
 * one-vs-rest problems of classes 3 and 5 (146 positives each) are the same problem, so their intercepts
 * must be bit-identical for the argmax tie to go to class 3 as in scikit-learn 1.2.1.
 */
describe('identical one-vs-rest problems give identical solutions (liblinear L1, digits fold 3)', () => {
  it('ties classes 3 and 5 exactly and predicts as scikit-learn (37/359 right)', async () => {
    const { X, y } = loadCsv('digits.csv', 'target');
    const isTest = new Uint8Array(X.rows);
    for (const i of reference.test_rows) isTest[i] = 1;
    const train = Array.from({ length: X.rows }, (_, i) => i).filter((i) => isTest[i] === 0);
    const scaler = await createStandardScaler().fit(takeFeatureRows(X, train));
    const model = await createLogisticRegression({
      solver: 'liblinear',
      penalty: 'l1',
      C: 0.003,
      tol: 1e-8,
      max_iter: 10000,
    }).fit(scaler.transform(takeFeatureRows(X, train)), takeLabelRows(y, train), {});

    const { coefficients, intercepts } = model as unknown as {
      coefficients: { data: Float64Array };
      intercepts: Float64Array;
    };
    expect(coefficients.data.filter((value) => value !== 0).length).toBe(reference.n_nonzero_coef);
    expect(reference.train_counts[3]).toBe(reference.train_counts[5]);
    expect(intercepts[3]).toBe(intercepts[5]);
    expect(Array.from(intercepts)).toEqual(reference.intercept_.map((value) => expect.closeTo(value, 6)));

    const predicted = await model.predict(scaler.transform(takeFeatureRows(X, reference.test_rows)));
    const predictedLabels = Array.from(predicted, (code) => Number(y.classes[code]));
    expect(predictedLabels).toEqual(reference.predict);
    const truth = Array.from(takeLabelRows(y, reference.test_rows).codes, (code) => Number(y.classes[code]));
    expect(predictedLabels.filter((label, i) => label === truth[i]).length).toBe(reference.correct);
  });
});
