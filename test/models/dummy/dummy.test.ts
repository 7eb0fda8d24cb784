import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildModel, parseModelSpec, tagsOf } from '../../../src/catalog/index.js';
import { encodeLabels, numericFeatures } from '../../../src/core/index.js';

interface DummyCase {
  readonly strategy: string;
  readonly classes: string[];
  readonly class_prior: number[];
  readonly predict: string[];
  readonly predict_proba: number[][];
}
const reference = JSON.parse(
  readFileSync(new URL('../../fixtures/catalog/dummy.json', import.meta.url), 'utf8'),
) as { labels: string[]; cases: DummyCase[] };

const y = encodeLabels(reference.labels);
const X = numericFeatures({
  rows: reference.labels.length,
  cols: 1,
  data: Float64Array.from(reference.labels, (_, i) => i),
});

describe('dummy (sklearn DummyClassifier)', () => {
  for (const expected of reference.cases) {
    it(`${expected.strategy}: the classes, prior, predictions and probabilities of scikit-learn`, async () => {
      const fitted = await buildModel(parseModelSpec(`dummy(strategy=${expected.strategy})`)).fit(X, y);
      expect(fitted.classes).toEqual(expected.classes);
      const first = numericFeatures({ rows: 3, cols: 1, data: X.data.subarray(0, 3) });
      expect(Array.from(await fitted.predict(first), (code) => fitted.classes[code])).toEqual(
        expected.predict,
      );
      const proba = await fitted.predictProba(first);
      expect(Array.from(proba.data)).toEqual(expected.predict_proba.flat());
    });
  }

  it('stratified: one-hot draws whose frequencies approach the prior, the same on every call', async () => {
    const fitted = await buildModel(parseModelSpec('dummy(strategy=stratified, random_state=3)')).fit(X, y);
    const many = numericFeatures({ rows: 9000, cols: 1, data: new Float64Array(9000) });
    const predicted = await fitted.predict(many);
    expect(Array.from(await fitted.predict(many))).toEqual(Array.from(predicted));
    const proba = await fitted.predictProba(many);
    const counts = new Float64Array(4);
    for (let i = 0; i < predicted.length; i++) {
      expect(proba.data[i * 4 + predicted[i]]).toBe(1);
      counts[predicted[i]] += 1 / predicted.length;
    }
    // Binomial standard error at n = 9000 is at most 0.0053: four of them is a loose, failing-capable bound.
    for (const [k, prior] of [1 / 3, 1 / 3, 2 / 9, 1 / 9].entries())
      expect(Math.abs(counts[k] - prior)).toBeLessThan(0.021);
  });

  it('reads any column, so preflight lets text and missing cells through', () => {
    expect(tagsOf(parseModelSpec('dummy')).rawColumns).toBe(true);
  });
});
