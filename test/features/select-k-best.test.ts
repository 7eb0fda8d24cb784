import { describe, expect, it } from 'vitest';
import { buildModel, parseModelSpec } from '../../src/catalog/index.js';
import { encodeLabels, isModeldebugError, numericFeatures } from '../../src/core/index.js';
import { createSelectKBest, type FittedSelectKBest, loadTransformer } from '../../src/features/index.js';
import { loadCsv } from '../models/logistic-regression/fixture-data.js';

const { X, y } = loadCsv('wine.csv', 'target');

describe('SelectKBest', () => {
  it("keeps every feature with k='all' and none with k=0", async () => {
    const all = (await createSelectKBest({ k: 'all' }).fit(X, y)) as FittedSelectKBest;
    expect(all.support.every(Boolean)).toBe(true);
    const none = (await createSelectKBest({ k: 0 }).fit(X, y)) as FittedSelectKBest;
    expect(none.transform(X).cols).toBe(0);
  });

  it('ranks a constant feature (NaN F) last and breaks ties towards later columns, as sklearn', async () => {
    const data = Float64Array.from([1, 5, 1, 1, 1.5, 5, 2, 1.5, 3, 5, 1.5, 3, 3.5, 5, 2.5, 3.5]);
    const features = numericFeatures({ rows: 4, cols: 4, data }, ['a', 'const', 'b', 'a2']);
    const labels = encodeLabels(['x', 'x', 'y', 'y']);
    const fitted = (await createSelectKBest({ k: 1 }).fit(features, labels)) as FittedSelectKBest;
    expect(Number.isNaN(fitted.scores[1])).toBe(true);
    expect(fitted.scores[0]).toBe(fitted.scores[3]);
    expect(fitted.featureNamesOut).toEqual(['a2']);
  });

  it('round-trips through JSON and works inside a model spec', async () => {
    const fitted = await createSelectKBest({ k: 3, score_func: 'mutual_info_classif' }).fit(X, y);
    const reloaded = loadTransformer(JSON.parse(JSON.stringify(fitted.toJSON())));
    expect(reloaded.transform(X).columns).toEqual(fitted.transform(X).columns);
    const model = buildModel(parseModelSpec('scale | kbest(k=4) | logreg'));
    const trained = await model.fit(X, y);
    expect((await trained.predict(X)).length).toBe(X.rows);
  });

  it('needs y, k within the feature count, and non-negative data for chi2', async () => {
    const errors = await Promise.all([
      createSelectKBest()
        .fit(X)
        .catch((error: unknown) => error),
      createSelectKBest({ k: 14 })
        .fit(X, y)
        .catch((error: unknown) => error),
      createSelectKBest({ score_func: 'chi2', k: 1 })
        .fit(numericFeatures({ rows: 2, cols: 1, data: Float64Array.of(-1, 1) }), encodeLabels(['a', 'b']))
        .catch((error: unknown) => error),
    ]);
    expect(errors.map((error) => isModeldebugError(error) && error.code)).toEqual([
      'invalid_argument',
      'invalid_param',
      'invalid_argument',
    ]);
  });
});
