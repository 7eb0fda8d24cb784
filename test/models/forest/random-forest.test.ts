import { describe, expect, it } from 'vitest';
import { takeFeatureRows } from '../../../src/core/features.js';
import { takeLabelRows } from '../../../src/core/labels.js';
import { createRandomForest } from '../../../src/models/forest/index.js';
import { readNumericCsv } from '../numeric-csv.js';

/**
 * RandomForestClassifier: our RNG is not numpy's, so these test properties and accuracy ranges
 * (sklearn's 5-fold accuracy on breast_cancer with defaults is about 0.96).
 */
const { X, y } = readNumericCsv('breast_cancer.csv');
const half = (predicate: (i: number) => boolean) =>
  Int32Array.from({ length: X.rows }, (_, i) => i).filter(predicate);

describe('random forest', () => {
  it('generalises: held-out accuracy in sklearn’s range', async () => {
    const train = half((i) => i % 3 !== 0);
    const test = half((i) => i % 3 === 0);
    const fitted = await createRandomForest({ n_estimators: 50, random_state: 1 }).fit(
      takeFeatureRows(X, train),
      takeLabelRows(y, train),
    );
    const predicted = await fitted.predict(takeFeatureRows(X, test));
    const truth = takeLabelRows(y, test).codes;
    const accuracy = predicted.filter((code, i) => code === truth[i]).length / test.length;
    expect(accuracy).toBeGreaterThan(0.93);
    expect(fitted.trees).toHaveLength(50);
    const importances = Array.from(fitted.featureImportances);
    expect(importances.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('grows the same trees on worker threads as in one thread', async () => {
    const forest = createRandomForest({ n_estimators: 6, random_state: 5, max_depth: 6 });
    const [single, parallel] = await Promise.all([
      forest.fit(X, y),
      forest.withParams({ n_jobs: 2 }).fit(X, y),
    ]);
    expect(parallel.diagnostics.warnings).toEqual([]);
    parallel.trees.forEach((tree, t) => {
      expect(Array.from(tree.threshold)).toEqual(Array.from(single.trees[t].threshold));
      expect(Array.from(tree.value)).toEqual(Array.from(single.trees[t].value));
    });
  });

  it('bootstraps: each tree sees about 63% of the distinct rows, every row without bootstrap', async () => {
    const fitted = await createRandomForest({ n_estimators: 3, bootstrap: false, max_depth: 3 }).fit(X, y);
    for (const tree of fitted.trees)
      expect([tree.samples[0], tree.weightedSamples[0]]).toEqual([X.rows, X.rows]);
    const bootstrapped = await createRandomForest({ n_estimators: 2, max_depth: 3 }).fit(X, y);
    expect(bootstrapped.trees[0].weightedSamples[0]).toBe(X.rows);
    const share = bootstrapped.trees[0].samples[0] / X.rows;
    expect(share).toBeGreaterThan(0.55);
    expect(share).toBeLessThan(0.7);
  });
});
