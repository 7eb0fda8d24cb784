import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel, parseModelSpec } from '../../../src/catalog/index.js';
import { fitState } from '../../../src/workflow/fix/final-comparison.js';
import { keptFeatures } from '../../../src/workflow/fix/fold-scores.js';
import { prepareFixData, runFix } from '../../../src/workflow/fix/index.js';
import { fixturePath } from '../../helpers/fixtures.js';

/** A planted-defect training file and its test file (test/fixtures/fix). */
function planted(train: string, test: string) {
  const dir = fixturePath('fix');
  return prepareFixData({
    train: join(dir, train),
    test: join(dir, test),
    label: 'y',
    testSize: 0.2,
    seed: 0,
  });
}

describe('the fixed model', () => {
  it('restored from its JSON predicts exactly what the fitted one does', async () => {
    const data = await planted('leak_train.csv', 'leak_test.csv');
    const result = await runFix(data, parseModelSpec('scale | logreg'), {
      metric: 'accuracy',
      cv: 3,
      seed: 0,
      nBoot: 100,
      remedies: ['drop-columns', 'model'],
    });
    const restored = loadModel(JSON.parse(JSON.stringify(result.model.toJSON())));
    const X = keptFeatures(data.test.features, result.final);
    expect(Array.from(await restored.predict(X))).toEqual(Array.from(await result.model.predict(X)));
    expect(Array.from((await restored.predictProba(X)).data)).toEqual(
      Array.from((await result.model.predictProba(X)).data),
    );
    // The restored model is the fixed one: its test accuracy is the "after" of the comparison.
    const predicted = await restored.predict(X);
    const correct = data.test.labels.codes.filter(
      (code, i) => restored.classes[predicted[i]] === data.test.labels.classes[code],
    ).length;
    expect(correct / data.test.labels.codes.length).toBeCloseTo(result.test.after.metrics.accuracy, 12);
  }, 60_000);

  it('round-trips a soft vote, calibrated and thresholded, with identical predictions', async () => {
    const data = await planted('clean_train.csv', 'clean_test.csv');
    const state = {
      droppedRows: [0, 1, 2],
      droppedColumns: ['f5'],
      steps: parseModelSpec('vote(scale | logreg; gnb, voting=soft)'),
      calibration: 'sigmoid' as const,
      threshold: 0.4,
    };
    const fitted = await fitState(data.train, state);
    const X = keptFeatures(data.test.features, state);
    const restored = loadModel(JSON.parse(JSON.stringify(fitted.toJSON())));
    const predicted = await fitted.predict(X);
    expect(Array.from(await restored.predict(X))).toEqual(Array.from(predicted));
    const proba = await fitted.predictProba(X);
    predicted.forEach((code, i) => {
      expect(code).toBe(proba.data[i * 2 + 1] >= 0.4 ? 1 : 0);
    });
  }, 60_000);
});
