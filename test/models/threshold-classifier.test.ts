import { describe, expect, it } from 'vitest';
import { buildModel, loadModel, parseModelSpec } from '../../src/catalog/index.js';
import { numericFeatures } from '../../src/core/features.js';
import { encodeLabels } from '../../src/core/labels.js';
import { createCalibratedClassifier, createThresholdClassifier } from '../../src/models/index.js';

describe('threshold classifier', () => {
  const x = [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6, 6.5, 7, 7.5, 8, 8.5, 9, 9.5];
  const X = numericFeatures({ rows: x.length, cols: 1, data: Float64Array.from(x) });
  const y = encodeLabels(x.map((v, i) => (v > 4.7 || i === 3 ? 'b' : 'a')));

  it('predicts the second class exactly when its probability reaches the threshold, and round-trips', async () => {
    const inner = createCalibratedClassifier(buildModel(parseModelSpec('scale | logreg')), { cv: 2 });
    const fitted = await createThresholdClassifier(inner, { threshold: 0.3 }).fit(X, y);
    const proba = await fitted.predictProba(X);
    const predicted = await fitted.predict(X);
    predicted.forEach((code, i) => {
      expect(code).toBe(proba.data[i * 2 + 1] >= 0.3 ? 1 : 0);
    });
    // A threshold below 0.5 predicts the second class on more rows than the argmax does.
    const argmax = Array.from({ length: X.rows }, (_, i) =>
      proba.data[i * 2 + 1] > proba.data[i * 2] ? 1 : 0,
    );
    expect(predicted.reduce((s, v) => s + v, 0)).toBeGreaterThanOrEqual(
      argmax.reduce((s: number, v) => s + v, 0),
    );
    const restored = loadModel(JSON.parse(JSON.stringify(fitted.toJSON())));
    expect(Array.from(await restored.predict(X))).toEqual(Array.from(predicted));
    expect(Array.from((await restored.predictProba(X)).data)).toEqual(Array.from(proba.data));
  });
});
