import { describe, expect, it } from 'vitest';
import { parseModelSpec } from '../../src/catalog/index.js';
import { gridStrategy, learningCurve, search, validationCurve } from '../../src/selection/index.js';
import { loadBundledDatasets } from '../helpers/datasets.js';
import { loadReference } from '../helpers/fixtures.js';

interface Case {
  id: string;
  dataset: { file: string; label_column: string };
  grid_search: {
    param_grid: Record<string, unknown[]>;
    expected: {
      params: Record<string, unknown>[];
      mean_test_score: number[];
      std_test_score: number[];
      rank_test_score: number[];
      split_test_scores: number[][];
      best_index_: number;
      best_params_: Record<string, unknown>;
      best_score_: number;
    };
  };
  learning_curve: {
    train_sizes: number[];
    expected: {
      train_sizes_abs: number[];
      train_scores: (number | null)[][];
      test_scores: (number | null)[][];
      train_scores_mean: (number | null)[];
      test_scores_mean: (number | null)[];
    };
    fit_failures: { train_size: number; fold: number }[];
  };
  validation_curve: {
    param_name: string;
    param_range: number[];
    expected: {
      train_scores: number[][];
      test_scores: number[][];
      train_scores_mean: number[];
      test_scores_mean: number[];
    };
  };
}

const reference = loadReference<{ cases: Case[] }>('model_selection');
const datasets = await loadBundledDatasets(reference.cases.map((c) => c.dataset));
/** sklearn's `lr__C` is our `logreg.C` (our step names are the spec's names). */
const ourKey = (key: string) => key.replace(/^lr__/, 'logreg.');
const LIBLINEAR = parseModelSpec('scale | logreg(solver=liblinear, tol=1e-8, max_iter=10000)');
const LBFGS = parseModelSpec('scale | logreg(solver=lbfgs, tol=1e-8, max_iter=10000)');

function expectScores(ours: readonly (number | null)[], theirs: readonly (number | null)[]): void {
  expect(ours).toHaveLength(theirs.length);
  ours.forEach((value, k) => {
    if (theirs[k] === null) expect(value).toBeNull();
    else expect(value).toBeCloseTo(theirs[k] as number, 12);
  });
}

describe.each(reference.cases)('model selection as sklearn: $id', (c) => {
  const { features, labels } = datasets.get(c.dataset.file)!;

  it('GridSearchCV: candidates, split scores, mean / std / rank, best params and score', async () => {
    const { param_grid: paramGrid, expected } = c.grid_search;
    const grid = Object.fromEntries(Object.entries(paramGrid).map(([key, values]) => [ourKey(key), values]));
    const result = await search(features, labels, { steps: LIBLINEAR, strategy: gridStrategy(grid), cv: 5 });
    expect(result.trials.map((trial) => trial.params)).toEqual(
      expected.params.map((params) =>
        Object.fromEntries(Object.entries(params).map(([key, value]) => [ourKey(key), value])),
      ),
    );
    result.trials.forEach((trial, k) => {
      expectScores(
        trial.testScores,
        expected.split_test_scores.map((split) => split[k]),
      );
      expect(trial.meanTestScore).toBeCloseTo(expected.mean_test_score[k], 12);
      expect(trial.stdTestScore).toBeCloseTo(expected.std_test_score[k], 12);
    });
    expect(result.ranks).toEqual(expected.rank_test_score);
    expect(result.bestIndex).toBe(expected.best_index_);
    expect(result.bestParams).toEqual({
      'logreg.C': expected.best_params_.lr__C,
      'logreg.penalty': expected.best_params_.lr__penalty,
    });
    expect(result.bestScore).toBeCloseTo(expected.best_score_, 12);
    expect(result.refit?.model.classes).toEqual(labels.classes);
  });

  it('learning_curve: train_sizes_abs, train and test scores per fold, NaN (null) for failed fits', async () => {
    const { train_sizes: trainSizes, expected, fit_failures: fitFailures } = c.learning_curve;
    const curve = await learningCurve(features, labels, { steps: LBFGS, trainSizes, cv: 5 });
    expect(curve.trainSizes).toEqual(expected.train_sizes_abs);
    curve.points.forEach((point, p) => {
      expectScores(point.trainScores, expected.train_scores[p]);
      expectScores(point.testScores, expected.test_scores[p]);
      expectScores([point.trainMean], [expected.train_scores_mean[p]]);
      expectScores([point.testMean], [expected.test_scores_mean[p]]);
    });
    const byFold = (a: number[], b: number[]) => a[1] - b[1] || a[0] - b[0];
    expect(
      curve.failures.map((failure) => [curve.trainSizes[failure.point], failure.fold]).sort(byFold),
    ).toEqual(fitFailures.map((failure) => [failure.train_size, failure.fold]).sort(byFold));
  });

  it('validation_curve: train and test scores per value of C', async () => {
    const { param_name: param, param_range: values, expected } = c.validation_curve;
    const curve = await validationCurve(features, labels, {
      steps: LBFGS,
      param: ourKey(param),
      values,
      cv: 5,
    });
    curve.points.forEach((point, p) => {
      expectScores(point.trainScores, expected.train_scores[p]);
      expectScores(point.testScores, expected.test_scores[p]);
      expect(point.testMean).toBeCloseTo(expected.test_scores_mean[p], 12);
    });
  });
});
