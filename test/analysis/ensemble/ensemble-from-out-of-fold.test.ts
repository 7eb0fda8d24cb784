import { describe, expect, it } from 'vitest';
import {
  compareEnsemble,
  compareEnsembleFromOutOfFold,
  type MemberOutOfFold,
  OUT_OF_FOLD_STACKING_NAME,
} from '../../../src/analysis/index.js';
import { type NamedClassifier, stackFeatures } from '../../../src/ensemble/index.js';
import { createDecisionTree, createGaussianNb, createLogisticRegression } from '../../../src/models/index.js';
import { crossValidate } from '../../../src/selection/index.js';
import { stratifiedKFold } from '../../../src/splits/index.js';
import { readNumericCsv } from '../../models/numeric-csv.js';

const wine = readNumericCsv('wine.csv');

const members = (): NamedClassifier[] => [
  ['logreg', createLogisticRegression({ max_iter: 2000 })],
  ['gnb', createGaussianNb()],
  ['tree', createDecisionTree({ random_state: 0, max_depth: 3 })],
];

async function outOfFold(folds: ReturnType<typeof stratifiedKFold>['folds']): Promise<MemberOutOfFold[]> {
  const outputs: MemberOutOfFold[] = [];
  for (const [name, estimator] of members()) {
    const run = await crossValidate(estimator, wine.X, wine.y, { cv: folds, returnPredictions: true });
    const oof = run.outOfFold as NonNullable<typeof run.outOfFold>;
    outputs.push({ name, foldAccuracies: run.folds.map((fold) => fold.test.accuracy), ...oof });
  }
  return outputs;
}

describe('compareEnsembleFromOutOfFold (the run step reuses the comparison instead of refitting)', () => {
  const { folds } = stratifiedKFold(wine.y.codes, 5, { shuffle: true, seed: 3 });

  it('gives exactly the members and the vote that compareEnsemble fits for, for deterministic members', async () => {
    for (const voting of ['soft', 'hard'] as const) {
      const fitted = await compareEnsemble(members(), wine.X, wine.y, {
        voting,
        weights: null,
        stack: false,
        folds,
      });
      const reused = await compareEnsembleFromOutOfFold(await outOfFold(folds), wine.y, {
        voting,
        weights: null,
        stack: false,
        folds,
      });
      expect(reused.members).toEqual(fitted.members);
      expect(reused.voting).toEqual(fitted.voting);
      expect(reused.agreement).toEqual(fitted.agreement);
      expect(reused.findings).toEqual(fitted.findings);
    }
  });

  it('scores stacking as the final logistic regression cross-validated on the out-of-fold probabilities', async () => {
    const outputs = await outOfFold(folds);
    const reused = await compareEnsembleFromOutOfFold(outputs, wine.y, {
      voting: 'soft',
      weights: null,
      stack: true,
      folds,
    });
    const meta = stackFeatures(outputs, wine.y.classes, 'predict_proba', null);
    // 3 classes: every member gives all 3 probability columns.
    expect(meta.cols).toBe(9);
    const direct = await crossValidate(createLogisticRegression(), meta, wine.y, { cv: folds });
    expect(reused.stacking?.name).toBe(OUT_OF_FOLD_STACKING_NAME);
    expect(reused.stacking?.foldAccuracies).toEqual(direct.folds.map((fold) => fold.test.accuracy));
    // Nested stacking fits every member again per outer fold; on wine both land well above chance and
    // within a few points of each other (the blended estimate is not a copy of the nested one).
    const nested = await compareEnsemble(members(), wine.X, wine.y, {
      voting: 'soft',
      weights: null,
      stack: true,
      folds,
    });
    const nestedMean = nested.stacking?.accuracy.mean ?? 0;
    expect(Math.abs((reused.stacking?.accuracy.mean ?? 0) - nestedMean)).toBeLessThan(0.05);
  });
});
