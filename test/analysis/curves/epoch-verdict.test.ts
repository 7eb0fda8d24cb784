import { describe, expect, it } from 'vitest';
import { epochVerdict } from '../../../src/analysis/curves/epoch-verdict.js';
import { createMlpClassifier } from '../../../src/models/index.js';
import { loadBundledDatasets } from '../../helpers/datasets.js';
import { quarterSplit } from '../../models/sgd/quarter-split.js';

const decay = (n: number, from: number, rate: number) =>
  Array.from({ length: n }, (_, e) => from * Math.exp(-rate * e));

describe('epoch verdict', () => {
  it('calls a training loss that climbs past its minimum diverging, and says to lower the learning rate', () => {
    const verdict = epochVerdict({ trainLoss: [1, 0.6, 0.5, 0.9, 3, 12] });
    expect(verdict.diagnosis).toBe('diverging');
    expect(verdict.summary).toMatch(/from 0\.5000 at epoch 3 to 12\.00 at epoch 6/);
    expect(verdict.nextStep).toMatch(/lower the learning rate/);
    expect(epochVerdict({ trainLoss: [1, Number.NaN] }).diagnosis).toBe('diverging');
  });

  it('finds the epoch where overfitting starts from the validation loss', () => {
    const trainLoss = decay(30, 1, 0.15);
    const validationLoss = trainLoss.map((v, e) =>
      e < 12 ? v + 0.05 : trainLoss[11] + 0.05 + 0.02 * (e - 11),
    );
    const verdict = epochVerdict({ trainLoss, validationLoss });
    expect(verdict.diagnosis).toBe('overfitting');
    expect(verdict.evidence.bestValidationEpoch).toBe(12);
    expect(verdict.summary).toMatch(/^overfitting since epoch 12/);
  });

  it('tells a still-falling loss from a flat one', () => {
    expect(epochVerdict({ trainLoss: decay(20, 1, 0.1) }).diagnosis).toBe('still-improving');
    const flat = [...decay(10, 1, 0.5), ...Array.from({ length: 20 }, () => 0.0067)];
    expect(epochVerdict({ trainLoss: flat }).diagnosis).toBe('converged');
  });

  it('reads a real MLP fit: an unregularised wide network on few rows overfits; a stopped one has converged', async () => {
    const data = await loadBundledDatasets([{ file: 'breast_cancer.csv', label_column: 'target' }]);
    const { train } = quarterSplit(data.get('breast_cancer.csv') as NonNullable<ReturnType<typeof data.get>>);
    const overfit = await createMlpClassifier({
      hidden_layer_sizes: [200],
      alpha: 0,
      learning_rate_init: 0.01,
      early_stopping: true,
      validation_fraction: 0.3,
      n_iter_no_change: 200,
      max_iter: 150,
    }).fit(train.X, train.y);
    expect(epochVerdict(overfit.diagnostics.epochs).diagnosis).toBe('overfitting');
    const stopped = await createMlpClassifier({ learning_rate_init: 0.01 }).fit(train.X, train.y);
    expect(stopped.diagnostics.converged).toBe(true);
    expect(epochVerdict(stopped.diagnostics.epochs).diagnosis).toBe('converged');
  });
});
