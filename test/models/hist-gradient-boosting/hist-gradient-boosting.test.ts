import { describe, expect, it } from 'vitest';
import { numericFeatures } from '../../../src/core/features.js';
import { encodeLabels } from '../../../src/core/labels.js';
import { createRng } from '../../../src/core/rng.js';
import {
  createHistGradientBoosting,
  findBinThresholds,
  mapToBins,
} from '../../../src/models/hist-gradient-boosting/index.js';
import { crossValidate } from '../../../src/selection/index.js';
import { readNumericCsv } from '../numeric-csv.js';

/**
 * HistGradientBoostingClassifier: properties and accuracy ranges. sklearn 1.2.1 with defaults,
 * cross_val_score(StratifiedKFold(5)): breast_cancer 0.9666, wine 0.9665 (see the README).
 */
describe('hist gradient boosting', () => {
  it('bins like sklearn: midpoints of distinct values, or 255 quantile bins', () => {
    const X = Float64Array.from([3, 1, 2, 2, 5]);
    const [thresholds] = findBinThresholds(X, 5, 1, 255, createRng(0));
    expect(Array.from(thresholds)).toEqual([1.5, 2.5, 4]);
    expect(Array.from(mapToBins(X, 5, 1, [thresholds]))).toEqual([2, 0, 1, 1, 3]);
    const many = Float64Array.from({ length: 1000 }, (_, i) => i);
    const [quantiles] = findBinThresholds(many, 1000, 1, 255, createRng(0));
    expect(quantiles).toHaveLength(254);
    expect(Array.from(mapToBins(many, 1000, 1, [quantiles])).every((bin) => bin <= 254)).toBe(true);
  });

  it('reaches sklearn’s cross-validated accuracy on breast_cancer and wine', async () => {
    for (const [file, floor] of [
      ['breast_cancer.csv', 0.95],
      ['wine.csv', 0.94],
    ] as const) {
      const { X, y } = readNumericCsv(file);
      const cv = await crossValidate(createHistGradientBoosting(), X, y, { cv: 5 });
      expect(cv.test.accuracy.mean).toBeGreaterThan(floor);
    }
  });

  it('lowers the training loss every iteration and stops early on a noisy problem', async () => {
    const rng = createRng(3);
    const n = 12_000;
    const data = Float64Array.from({ length: n * 3 }, () => rng.normal());
    const labels = Array.from({ length: n }, (_, i) => (data[i * 3] + 2 * rng.normal() > 0 ? 'a' : 'b'));
    const fitted = await createHistGradientBoosting({ max_iter: 200 }).fit(
      numericFeatures({ rows: n, cols: 3, data }),
      encodeLabels(labels),
    );
    const { trainLoss, validationLoss, iterations } = fitted.diagnostics;
    for (let t = 1; t < trainLoss.length; t++) expect(trainLoss[t]).toBeLessThan(trainLoss[t - 1]);
    expect(validationLoss).toHaveLength(iterations);
    expect(iterations).toBeLessThan(200);
    expect(fitted.diagnostics.converged).toBe(true);
  });
});
