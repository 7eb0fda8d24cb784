import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel, parseModelSpec } from '../../../src/catalog/index.js';
import { keptFeatures } from '../../../src/workflow/fix/fold-scores.js';
import { prepareFixData, runFix } from '../../../src/workflow/fix/index.js';
import { fixturePath } from '../../helpers/fixtures.js';

describe('the fixed model', () => {
  it('restored from its JSON predicts exactly what the fitted one does', async () => {
    const dir = fixturePath('fix');
    const data = await prepareFixData({
      train: join(dir, 'leak_train.csv'),
      test: join(dir, 'leak_test.csv'),
      label: 'y',
      testSize: 0.2,
      seed: 0,
    });
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
});
