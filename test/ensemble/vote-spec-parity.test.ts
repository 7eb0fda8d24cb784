import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildModel, parseModelSpec } from '../../src/catalog/index.js';
import { loadDataset } from '../../src/data/index.js';
import { runCli } from '../cli/run-cli.js';

/**
 * `vote(...)` as a model spec against scikit-learn 1.2.1: Pipeline(StandardScaler, VotingClassifier of
 * LogisticRegression, GaussianNB, KNeighborsClassifier) fitted on a train file and scored on a test file
 * (test/fixtures/catalog/make_vote_reference.py).
 */
const folder = new URL('../fixtures/catalog/', import.meta.url);
const reference = JSON.parse(readFileSync(new URL('vote.json', folder), 'utf8')) as {
  cases: { voting: 'hard' | 'soft'; predict: string[]; accuracy: number }[];
};
const trainPath = new URL('wine_train.csv', folder).pathname;
const testPath = new URL('wine_test.csv', folder).pathname;

describe('vote(...) in a model spec, fitted on train and scored on test', () => {
  for (const expected of reference.cases) {
    it(`${expected.voting} voting predicts every test row as scikit-learn does`, async () => {
      const train = await loadDataset(trainPath, { label: 'target' });
      const test = await loadDataset(testPath, { label: 'target' });
      const spec = `scale | vote(logreg; gnb; knn, voting=${expected.voting})`;
      const fitted = await buildModel(parseModelSpec(spec)).fit(train.features, train.labels);
      const predicted = Array.from(await fitted.predict(test.features), (code) => fitted.classes[code]);
      expect(predicted).toEqual(expected.predict);
    });
  }

  it('modeldebug eval --test gives the test accuracy of scikit-learn (hard voting)', () => {
    const hard = reference.cases.find((entry) => entry.voting === 'hard');
    const result = runCli([
      'eval',
      trainPath,
      '--label',
      'target',
      '--test',
      testPath,
      '--model',
      'scale | vote(logreg; gnb; knn, voting=hard)',
      '--json',
    ]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).metrics.accuracy).toBe(hard?.accuracy);
  });
});
