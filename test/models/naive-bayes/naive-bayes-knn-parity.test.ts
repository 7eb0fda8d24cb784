import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Features } from '../../../src/core/features.js';
import { createKNeighbors } from '../../../src/models/knn/index.js';
import { createGaussianNb, createMultinomialNb } from '../../../src/models/naive-bayes/index.js';
import { readNumericCsv } from '../numeric-csv.js';

/** MultinomialNB, GaussianNB and KNN variants against sklearn 1.2.1 (nb-knn-reference.json, make_reference.py). */
interface Case {
  readonly model: 'mnb' | 'gnb' | 'knn';
  readonly dataset: string;
  readonly params: Record<string, unknown>;
  readonly predict: number[];
  readonly predict_proba: number[][];
  readonly feature_log_prob?: number[][];
  readonly theta?: number[][];
  readonly var?: number[][];
  readonly tie_rows?: number[];
}

const reference = JSON.parse(readFileSync(new URL('./nb-knn-reference.json', import.meta.url), 'utf8')) as {
  cases: Case[];
};

function split(file: string) {
  return { train: readNumericCsv(file, (i) => i % 4 !== 0), test: readNumericCsv(file, (i) => i % 4 === 0) };
}

/** (x − mean) / population std of the training rows, as the fixture standardised. */
function standardise(train: Features, test: Features): [Features, Features] {
  const d = train.cols;
  const mean = new Float64Array(d);
  const sq = new Float64Array(d);
  for (let i = 0; i < train.rows; i++)
    for (let j = 0; j < d; j++) mean[j] += train.data[i * d + j] / train.rows;
  for (let i = 0; i < train.rows; i++)
    for (let j = 0; j < d; j++) sq[j] += (train.data[i * d + j] - mean[j]) ** 2;
  const scale = (X: Features): Features => ({
    ...X,
    data: X.data.map((value, k) => (value - mean[k % d]) / Math.sqrt(sq[k % d] / train.rows)),
  });
  return [scale(train), scale(test)];
}

function expectRowsClose(
  actual: Float64Array,
  cols: number,
  expected: number[][],
  atol: number,
  rtol: number,
): void {
  expected.forEach((row, i) => {
    row.forEach((want, c) => {
      const got = actual[i * cols + c];
      expect(Math.abs(got - want), `row ${i} col ${c}: ${got} vs ${want}`).toBeLessThanOrEqual(
        atol + rtol * Math.abs(want),
      );
    });
  });
}

describe.each(reference.cases)('$model $params on $dataset', (expected) => {
  it('matches sklearn', async () => {
    const { train, test } = split(expected.dataset);
    let [Xtrain, Xtest] = [train.X, test.X];
    if (expected.model === 'knn') [Xtrain, Xtest] = standardise(train.X, test.X);
    const estimator =
      expected.model === 'mnb'
        ? createMultinomialNb(expected.params)
        : expected.model === 'gnb'
          ? createGaussianNb(expected.params)
          : createKNeighbors(expected.params);
    const fitted = await estimator.fit(Xtrain, train.y);
    const predicted = Array.from(await fitted.predict(Xtest), (code) => Number(fitted.classes[code]));
    const proba = await fitted.predictProba(Xtest);
    const ties = new Set(expected.tie_rows ?? []);
    predicted.forEach((label, i) => {
      if (!ties.has(i)) expect(label, `row ${i}`).toBe(expected.predict[i]);
    });
    const untied = expected.predict_proba.map((row, i) =>
      ties.has(i) ? Array.from(proba.data.subarray(i * proba.cols, (i + 1) * proba.cols)) : row,
    );
    expectRowsClose(proba.data, proba.cols, untied, 1e-300, 1e-9);
    if (expected.feature_log_prob && 'state' in fitted) {
      const { featureLogProb } = (fitted as { state: { featureLogProb: Float64Array } }).state;
      expectRowsClose(featureLogProb, Xtrain.cols, expected.feature_log_prob, 0, 1e-12);
    }
    if (expected.theta && expected.var && 'state' in fitted) {
      const state = (fitted as { state: { theta: Float64Array; variance: Float64Array } }).state;
      expectRowsClose(state.theta, Xtrain.cols, expected.theta, 0, 1e-12);
      expectRowsClose(state.variance, Xtrain.cols, expected.var, 0, 1e-10);
    }
  });
});

describe('naive Bayes and KNN input checks', () => {
  it('MultinomialNB refuses negative features with a typed error', async () => {
    const { X, y } = readNumericCsv('wine.csv');
    const negative = { ...X, data: X.data.map((value) => value - 1000) };
    await expect(createMultinomialNb().fit(negative, y)).rejects.toMatchObject({ code: 'invalid_argument' });
  });

  it('KNN refuses more neighbours than training rows', async () => {
    const { X, y } = readNumericCsv('wine.csv', (i) => i < 3 || i > 170);
    await expect(createKNeighbors({ n_neighbors: 50 }).fit(X, y)).rejects.toMatchObject({
      code: 'invalid_param',
    });
  });

  it('KNN with distance weights gives a training row its own class', async () => {
    const { X, y } = readNumericCsv('wine.csv');
    const fitted = await createKNeighbors({ weights: 'distance' }).fit(X, y);
    expect(Array.from(await fitted.predict(X))).toEqual(Array.from(y.codes));
  });
});
