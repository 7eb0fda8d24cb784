import { describe, expect, it } from 'vitest';
import { createVotingClassifier, type NamedClassifier } from '../../src/ensemble/index.js';
import { createKNeighbors } from '../../src/models/knn/index.js';
import { createLogisticRegression } from '../../src/models/logistic-regression/index.js';
import { createGaussianNb } from '../../src/models/naive-bayes/index.js';
import { ensembleCases, rowsOf } from './ensemble-fixture.js';

/** VotingClassifier against scikit-learn 1.2.1 (test/fixtures/reference/ensemble.json). */
const members = (): NamedClassifier[] => [
  ['lr', createLogisticRegression({ tol: 1e-8, max_iter: 10000 })],
  ['gnb', createGaussianNb()],
  ['knn', createKNeighbors({ n_neighbors: 5 })],
];

function expectClose(actual: number[][], expected: number[][], atol: number, rtol = 0): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => {
    row.forEach((value, c) => {
      const want = expected[i][c];
      expect(Math.abs(value - want), `row ${i} class ${c}: ${value} vs ${want}`).toBeLessThanOrEqual(
        atol + rtol * Math.abs(want),
      );
    });
  });
}

describe.each(ensembleCases())('VotingClassifier parity: $fixture.id', ({ fixture, train, test }) => {
  it('members: GaussianNB and KNN exactly, logistic regression to 1e-4', async () => {
    const fitted = await Promise.all(members().map(([, estimator]) => estimator.fit(train.X, train.y)));
    const [lr, gnb, knn] = fitted;
    expect(Array.from(await gnb.predict(test.X))).toEqual(fixture.members.gnb.test_predictions);
    expectClose(
      rowsOf((await gnb.predictProba(test.X)).data, gnb.classes.length),
      fixture.members.gnb.test_predict_proba,
      1e-300,
      1e-9,
    );
    expect(Array.from(await knn.predict(test.X))).toEqual(fixture.members.knn.test_predictions);
    expect(rowsOf((await knn.predictProba(test.X)).data, knn.classes.length)).toEqual(
      fixture.members.knn.test_predict_proba,
    );
    expect(Array.from(await lr.predict(test.X))).toEqual(fixture.members.lr.test_predictions);
    expectClose(
      rowsOf((await lr.predictProba(test.X)).data, lr.classes.length),
      fixture.members.lr.test_predict_proba,
      1e-4,
    );
  });

  it.each(
    fixture.voting.map((expected) => ({
      expected,
      label: `${expected.estimator.params.voting} weights=${JSON.stringify(expected.estimator.params.weights)}`,
    })),
  )('$label', async ({ expected }) => {
    const { voting, weights } = expected.estimator.params;
    const fitted = await createVotingClassifier(members(), { voting, weights }).fit(train.X, train.y);
    const predicted = await fitted.predict(test.X);
    expect(Array.from(predicted)).toEqual(expected.test_predictions);
    const accuracy = predicted.filter((code, i) => code === fixture.test_labels[i]).length / predicted.length;
    expect(accuracy).toBe(expected.test_accuracy);
    if (expected.test_predict_proba) {
      const proba = await fitted.predictProba(test.X);
      expectClose(rowsOf(proba.data, proba.cols), expected.test_predict_proba, 1e-4);
    }
  });
});
