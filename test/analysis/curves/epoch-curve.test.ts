import { describe, expect, it } from 'vitest';
import { fitEpochCurve } from '../../../src/analysis/curves/epoch-curve.js';
import { parseModelSpec } from '../../../src/catalog/index.js';
import { loadBundledDatasets } from '../../helpers/datasets.js';

const datasets = await loadBundledDatasets([{ file: 'breast_cancer.csv', label_column: 'target' }]);
const cancer = datasets.get('breast_cancer.csv') as NonNullable<ReturnType<typeof datasets.get>>;

describe('fitEpochCurve (curve --epochs)', () => {
  it('turns early stopping on through a pipeline to get validation curves', async () => {
    const curve = await fitEpochCurve(
      cancer.features,
      cancer.labels,
      parseModelSpec('scale | sgd(loss=log_loss)'),
    );
    expect(curve.earlyStoppingAdded).toBe(true);
    expect(curve.validationFraction).toBe(0.1);
    const { trainLoss, validationLoss, validationScore } = curve.history;
    expect(validationLoss).toHaveLength(trainLoss.length);
    expect(validationScore).toHaveLength(trainLoss.length);
    expect(curve.verdict.summary.length).toBeGreaterThan(0);
  });

  it('keeps an explicit early_stopping=false: training loss only', async () => {
    const curve = await fitEpochCurve(
      cancer.features,
      cancer.labels,
      parseModelSpec('scale | mlp(early_stopping=false, max_iter=10)'),
    );
    expect(curve.earlyStoppingAdded).toBe(false);
    expect(curve.history.trainLoss).toHaveLength(10);
    expect(curve.history.validationLoss).toBeUndefined();
    expect(curve.validationFraction).toBeUndefined();
  });

  it('refuses a model that does not train by epochs, naming --epochs', async () => {
    await expect(
      fitEpochCurve(cancer.features, cancer.labels, parseModelSpec('scale | logreg')),
    ).rejects.toMatchObject({
      code: 'invalid_argument',
      where: '--epochs',
    });
  });
});
