import { describe, expect, it } from 'vitest';
import { parseModelSpec } from '../../src/catalog/index.js';
import { createWorkerPool } from '../../src/parallel/index.js';
import {
  createTransformCache,
  gridStrategy,
  inProcessExecutor,
  learningCurve,
  type SearchResult,
  search,
} from '../../src/selection/index.js';
import { loadBundledDatasets } from '../helpers/datasets.js';

const datasets = await loadBundledDatasets([{ file: 'breast_cancer.csv', label_column: 'target' }]);
const { features, labels } = datasets.get('breast_cancer.csv')!;
const steps = parseModelSpec('scale | logreg(solver=liblinear, tol=1e-8, max_iter=10000)');
const grid = { C: [0.1, 1], penalty: ['l1', 'l2'], 'scale.kind': ['standard', 'minmax'] };

/** What must not depend on the thread count: everything but timings. */
function comparable(result: SearchResult) {
  return {
    trials: result.trials.map(({ fitSeconds: _f, scoreSeconds: _s, ...trial }) => trial),
    ranks: result.ranks,
    best: [result.bestIndex, result.bestParams, result.bestScore],
  };
}

describe('worker pool', () => {
  it('gives the same search results on 1, 2 and 3 threads as in-process', async () => {
    const inProcess = await search(features, labels, { steps, strategy: gridStrategy(grid), refit: false });
    for (const jobs of [1, 2, 3]) {
      const pool = createWorkerPool(features, labels, { jobs });
      try {
        const threaded = await search(features, labels, {
          steps,
          strategy: gridStrategy(grid),
          refit: false,
          executor: pool,
        });
        expect(comparable(threaded)).toEqual(comparable(inProcess));
      } finally {
        await pool.close();
      }
    }
    expect(inProcess.trials).toHaveLength(8);
  });

  it('reuses fitted transforms per fold without changing a score', async () => {
    const uncached = inProcessExecutor({ features, labels, cache: createTransformCache(0) });
    const plain = await search(features, labels, {
      steps,
      strategy: gridStrategy(grid),
      refit: false,
      executor: uncached,
    });
    const cached = await search(features, labels, { steps, strategy: gridStrategy(grid), refit: false });
    expect(comparable(cached)).toEqual(comparable(plain));
  });

  it('runs learning-curve prefixes (subarray views) on threads with the in-process result', async () => {
    const pool = createWorkerPool(features, labels, { jobs: 2 });
    try {
      const threaded = await learningCurve(features, labels, { steps, executor: pool });
      const inProcess = await learningCurve(features, labels, { steps });
      expect(threaded.points.map((point) => point.testScores)).toEqual(
        inProcess.points.map((point) => point.testScores),
      );
    } finally {
      await pool.close();
    }
  });
});
