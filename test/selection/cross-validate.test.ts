import { describe, expect, it } from 'vitest';
import { buildModel, parseModelSpec } from '../../src/catalog/index.js';
import { loadDataset } from '../../src/data/index.js';
import { crossValidate } from '../../src/selection/index.js';
import { kFold } from '../../src/splits/index.js';
import { datasetPath, loadReference } from '../helpers/fixtures.js';

interface CrossValScore {
  estimator: { steps: { name: string; estimator: { class: string; params: Record<string, unknown> } }[] };
  results: { scoring: string; fold_scores: number[]; mean: number; std: number }[];
}
interface ModelSelection {
  cases: { id: string; dataset: { file: string; label_column: string }; cross_val_score: CrossValScore }[];
}

const reference = loadReference<ModelSelection>('model_selection');

describe.each(reference.cases)('cross_val_score as sklearn: $id', ({ dataset, cross_val_score }) => {
  it('scores StandardScaler + LogisticRegression(lbfgs) on the same stratified folds', async () => {
    const [scaler, lr] = cross_val_score.estimator.steps;
    expect(scaler.estimator.class).toBe('StandardScaler');
    expect(lr.estimator.params).toMatchObject({ solver: 'lbfgs', penalty: 'l2', C: 1 });
    const { features, labels } = await loadDataset(datasetPath(dataset.file), {
      label: dataset.label_column,
    });
    const model = buildModel(
      parseModelSpec(`scale | logreg(C=1, tol=${lr.estimator.params.tol}, max_iter=10000)`),
    );
    const scoring = cross_val_score.results.map((result) => result.scoring);
    const result = await crossValidate(model, features, labels, { cv: 5, scoring });
    for (const expected of cross_val_score.results) {
      const ours = result.folds.map((fold) => fold.test[expected.scoring]);
      ours.forEach((score, f) => {
        expect(score).toBeCloseTo(expected.fold_scores[f], 12);
      });
      expect(result.test[expected.scoring].mean).toBeCloseTo(expected.mean, 12);
      expect(result.test[expected.scoring].std).toBeCloseTo(expected.std, 12);
    }
  });
});

describe('crossValidate', () => {
  it('returns train scores, out-of-fold predictions for every row and honours explicit folds', async () => {
    const { features, labels } = await loadDataset(datasetPath('iris.csv'), { label: 'target' });
    const folds = kFold(features.rows, 3, { shuffle: true, seed: 3 });
    const result = await crossValidate(buildModel(parseModelSpec('scale | logreg')), features, labels, {
      cv: folds,
      scoring: ['accuracy', 'neg_log_loss'],
      returnTrainScore: true,
      returnPredictions: true,
    });
    expect(result.folds).toHaveLength(3);
    for (const fold of result.folds) {
      expect(fold.train!.accuracy).toBeGreaterThanOrEqual(0.9);
      expect(fold.test.neg_log_loss).toBeLessThan(0);
      expect(fold.fitSeconds).toBeGreaterThanOrEqual(0);
    }
    const proba = result.outOfFold!.proba;
    for (let i = 0; i < proba.rows; i++) {
      const row = proba.data.subarray(i * 3, i * 3 + 3);
      expect(row[0] + row[1] + row[2]).toBeCloseTo(1, 12);
    }
    const pooledAccuracy =
      result.outOfFold!.predicted.filter((code, i) => code === labels.codes[i]).length / 150;
    expect(pooledAccuracy).toBeGreaterThan(0.9);
  });

  it('stops when its signal is aborted', async () => {
    const { features, labels } = await loadDataset(datasetPath('iris.csv'), { label: 'target' });
    const controller = new AbortController();
    controller.abort();
    await expect(
      crossValidate(buildModel(parseModelSpec('logreg')), features, labels, { signal: controller.signal }),
    ).rejects.toThrow();
  });
});
