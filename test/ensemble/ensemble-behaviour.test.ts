import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/catalog/index.js';
import type { Classifier, FittedClassifier } from '../../src/core/estimator.js';
import { type Features, takeFeatureRows } from '../../src/core/features.js';
import { type Labels, takeLabelRows } from '../../src/core/labels.js';
import {
  createStackingClassifier,
  createVotingClassifier,
  loadStacking,
  loadVoting,
  type NamedClassifier,
} from '../../src/ensemble/index.js';
import { createGaussianNb, createKNeighbors, createLogisticRegression } from '../../src/models/index.js';
import { stratifiedKFold } from '../../src/splits/index.js';
import { readNumericCsv } from '../models/numeric-csv.js';

const wine = readNumericCsv('wine.csv');
const cancer = readNumericCsv('breast_cancer.csv');

/**
 * A member that answers only after a timer, like a remote or LLM classifier: the ensembles must await
 * it and never assume a synchronous or in-process member.
 */
function delayed(inner: Classifier): Classifier {
  const later = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 2));
  return {
    kind: `delayed-${inner.kind}`,
    params: inner.params,
    withParams: (patch) => delayed(inner.withParams(patch)),
    async fit(X, y, context): Promise<FittedClassifier> {
      const fitted = await later(await inner.fit(X, y, context));
      return {
        ...fitted,
        predict: async (Z) => later(await fitted.predict(Z)),
        predictProba: async (Z) => later(await fitted.predictProba(Z)),
      };
    },
  };
}

const members = (): NamedClassifier[] => [
  ['gnb', createGaussianNb()],
  ['knn', delayed(createKNeighbors({ n_neighbors: 7 }))],
  ['tree_like', createGaussianNb({ var_smoothing: 1e-2 })],
];

function accuracy(predicted: Int32Array, y: Labels): number {
  return predicted.filter((code, i) => code === y.codes[i]).length / predicted.length;
}

describe('VotingClassifier behaviour', () => {
  it('withParams routes member params and validates its own', () => {
    const voting = createVotingClassifier(members(), { voting: 'soft' });
    const changed = voting.withParams({ 'gnb.var_smoothing': 1e-5, weights: [1, 2, 3] });
    expect(changed.params['gnb.var_smoothing']).toBe(1e-5);
    expect(changed.own.weights).toEqual([1, 2, 3]);
    expect(voting.params['gnb.var_smoothing']).toBe(1e-9);
    expect(() => voting.withParams({ nope: 1 })).toThrow(expect.objectContaining({ code: 'unknown_param' }));
    expect(() => voting.withParams({ weights: [1, 2] })).toThrow(
      expect.objectContaining({ code: 'invalid_param' }),
    );
  });

  it('awaits asynchronous members, and hard vote shares sum to 1 with predict their argmax', async () => {
    const fitted = await createVotingClassifier(members()).fit(wine.X, wine.y);
    const proba = await fitted.predictProba(wine.X);
    const predicted = await fitted.predict(wine.X);
    for (let i = 0; i < proba.rows; i++) {
      const row = Array.from(proba.data.subarray(i * 3, i * 3 + 3));
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(row[predicted[i]]).toBe(Math.max(...row));
    }
    expect(accuracy(predicted, wine.y)).toBeGreaterThan(0.8);
  });

  it('breaks hard-vote ties towards the first class', async () => {
    const fixed = (code: number): Classifier => ({
      kind: 'fixed',
      params: {},
      withParams: () => fixed(code),
      fit: async (_X, y) => ({
        kind: 'fixed',
        classes: y.classes,
        diagnostics: { warnings: [] },
        predict: async (X) => new Int32Array(X.rows).fill(code),
        predictProba: async (X) => {
          const data = new Float64Array(X.rows * y.classes.length);
          for (let i = 0; i < X.rows; i++) data[i * y.classes.length + code] = 1;
          return { rows: X.rows, cols: y.classes.length, data };
        },
        toJSON: () => {
          throw new Error('not serialisable');
        },
      }),
    });
    const fitted = await createVotingClassifier([
      ['a', fixed(2)],
      ['b', fixed(1)],
    ]).fit(wine.X, wine.y);
    expect(Array.from(await fitted.predict(takeFeatureRows(wine.X, [0, 1])))).toEqual([1, 1]);
  });

  it('serialises and loads back through the registry loader', async () => {
    const fitted = await createVotingClassifier(
      [
        ['gnb', createGaussianNb()],
        ['lr', createLogisticRegression({ max_iter: 500 })],
      ],
      { voting: 'soft', weights: [1, 3] },
    ).fit(wine.X, wine.y);
    const restored = loadVoting(JSON.parse(JSON.stringify(fitted.toJSON())), loadModel);
    expect(Array.from((await restored.predictProba(wine.X)).data)).toEqual(
      Array.from((await fitted.predictProba(wine.X)).data),
    );
  });
});

describe('StackingClassifier', () => {
  const X: Features = cancer.X;
  const y: Labels = cancer.y;

  it('trains the final estimator on out-of-fold probabilities (one column per member for two classes)', async () => {
    const stacking = createStackingClassifier(members(), { cv: 4 });
    const fitted = await stacking.fit(X, y);
    const meta = await fitted.transform(X);
    expect(meta.cols).toBe(3);
    expect(meta.columns.map((column) => column.name)).toEqual(['gnb_1', 'knn_1', 'tree_like_1']);
    // The out-of-fold column of gnb for the rows of fold 0 is a gnb fitted without them.
    const { folds } = stratifiedKFold(y.codes, 4);
    const fold = folds[0];
    const gnb = await createGaussianNb().fit(takeFeatureRows(X, fold.train), takeLabelRows(y, fold.train));
    const expected = await gnb.predictProba(takeFeatureRows(X, fold.test));
    const { outOfFoldPredictions } = await import('../../src/ensemble/index.js');
    const oof = await outOfFoldPredictions([['gnb', createGaussianNb()]], X, y, 4, {});
    fold.test.forEach((row, i) => {
      expect(oof.members[0].proba.data[row * 2 + 1]).toBe(expected.data[i * 2 + 1]);
    });
    expect(accuracy(await fitted.predict(X), y)).toBeGreaterThan(0.93);
  });

  it('passes the features through when asked, and three classes give three columns per member', async () => {
    const fitted = await createStackingClassifier(members(), { passthrough: true, cv: 3 }).fit(
      wine.X,
      wine.y,
    );
    expect((await fitted.transform(wine.X)).cols).toBe(3 * 3 + wine.X.cols);
  });

  it('routes final_estimator params and round-trips through JSON', async () => {
    const stacking = createStackingClassifier([
      ['gnb', createGaussianNb()],
      ['knn', createKNeighbors()],
    ]).withParams({ 'final_estimator.C': 0.5 });
    expect(stacking.finalEstimator.params).toMatchObject({ C: 0.5 });
    const fitted = await stacking.fit(wine.X, wine.y);
    const restored = loadStacking(JSON.parse(JSON.stringify(fitted.toJSON())), loadModel);
    expect(Array.from((await restored.predictProba(wine.X)).data)).toEqual(
      Array.from((await fitted.predictProba(wine.X)).data),
    );
  });
});
