import { describe, expect, it } from 'vitest';
import { parseModelSpec } from '../../src/catalog/index.js';
import { createRng } from '../../src/core/index.js';
import {
  type CandidateParams,
  createStrategy,
  type EvaluateCandidates,
  halvingStrategy,
  parameterGrid,
  parseDistribution,
  randomStrategy,
  type SearchSpace,
  type SearchStrategy,
  search,
  type Trial,
  tpeStrategy,
} from '../../src/selection/index.js';
import { loadBundledDatasets } from '../helpers/datasets.js';

const datasets = await loadBundledDatasets([{ file: 'iris.csv', label_column: 'target' }]);
const iris = datasets.get('iris.csv')!;

/** Drives a strategy with a known objective instead of model fits: the hook is all a strategy sees. */
async function drive(
  strategy: SearchStrategy,
  objective: (params: CandidateParams) => number,
  seed = 0,
): Promise<Trial[]> {
  const trials: Trial[] = [];
  const evaluate: EvaluateCandidates = async (candidates, options = {}) => {
    const batch = candidates.map((params, k): Trial => {
      const score = objective(params);
      return {
        index: trials.length + k,
        params,
        status: 'ok',
        testScores: [score],
        meanTestScore: score,
        stdTestScore: 0,
        fitSeconds: [0],
        scoreSeconds: [0],
        resource: options.resource,
        iteration: options.iteration,
      };
    });
    trials.push(...batch);
    return batch;
  };
  await strategy.run(evaluate, { rng: createRng(seed), maxResource: 1000, nClasses: 3 });
  return trials;
}

describe('parameter grid and distributions', () => {
  it('enumerates keys sorted, the last key fastest (ParameterGrid)', () => {
    expect(parameterGrid({ penalty: ['l1', 'l2'], C: [1, 10] })).toEqual([
      { C: 1, penalty: 'l1' },
      { C: 1, penalty: 'l2' },
      { C: 10, penalty: 'l1' },
      { C: 10, penalty: 'l2' },
    ]);
  });

  it('reads distributions and samples inside their bounds, reproducibly for a seed', async () => {
    const space: SearchSpace = {
      C: parseDistribution('loguniform(1e-3, 1e2)', 'test'),
      l1_ratio: parseDistribution('uniform(0,1)', 'test'),
      max_iter: parseDistribution('int(50, 60)', 'test'),
      penalty: parseDistribution('l1,l2', 'test'),
    };
    const draw = async (seed: number) =>
      (await drive(randomStrategy(space, 50), () => 0, seed)).map((t) => t.params);
    const sampled = await draw(7);
    for (const params of sampled) {
      expect(params.C).toBeGreaterThanOrEqual(1e-3);
      expect(params.C).toBeLessThanOrEqual(1e2);
      expect(Number.isInteger(params.max_iter)).toBe(true);
      expect(params.max_iter as number).toBeGreaterThanOrEqual(50);
      expect(params.max_iter as number).toBeLessThanOrEqual(60);
      expect(['l1', 'l2']).toContain(params.penalty);
    }
    expect(new Set(sampled.map((p) => p.max_iter)).size).toBeGreaterThan(5);
    expect(await draw(7)).toEqual(sampled);
    expect(await draw(8)).not.toEqual(sampled);
    expect(() => parseDistribution('loguniform(0, 1)', 'test')).toThrow(/positive lower bound/);
    expect(() => createStrategy({ strategy: 'grid', grid: [], space: [] })).toThrow(/nothing to search/);
  });
});

describe('successive halving', () => {
  it('keeps the best third each round on three times the rows, ending on the full folds', async () => {
    const candidates = parameterGrid({ C: [0.001, 0.01, 0.1, 1, 10, 100, 1000, 3, 30] });
    const trials = await drive(
      halvingStrategy(candidates.length, () => candidates),
      (params) => -Math.abs(Math.log10(params.C as number) - 0.5),
    );
    const rounds = [...new Set(trials.map((trial) => trial.iteration))];
    expect(rounds).toEqual([0, 1, 2]);
    expect(trials.filter((t) => t.iteration === 0)).toHaveLength(9);
    expect(trials.filter((t) => t.iteration === 1)).toHaveLength(3);
    const last = trials.filter((t) => t.iteration === 2);
    expect(last).toHaveLength(1);
    expect(last[0].resource).toBeUndefined();
    expect(last[0].params.C).toBe(3);
    expect(trials[0].resource).toBe(111);
    expect(trials[9].resource).toBe(333);
  });

  it('runs on real folds and picks the best of the last round', async () => {
    const result = await search(iris.features, iris.labels, {
      steps: parseModelSpec('scale | logreg'),
      strategy: createStrategy({ strategy: 'halving', grid: ['C=0.001,0.01,0.1,1,10,100'], space: [] }),
      refit: false,
    });
    const lastRound = Math.max(...result.trials.map((t) => t.iteration ?? 0));
    expect(result.trials[result.bestIndex].iteration).toBe(lastRound);
    expect(result.trials[result.bestIndex].resource).toBeUndefined();
  });
});

describe('TPE', () => {
  /** A narrow optimum in log C, plus a categorical key that matters. */
  const objective = (params: CandidateParams) =>
    -((Math.log10(params.C as number) - 1.3) ** 2) - (params.penalty === 'l1' ? 0 : 0.5);
  const space: SearchSpace = {
    C: parseDistribution('loguniform(1e-4, 1e4)', 'test'),
    penalty: parseDistribution('l1,l2', 'test'),
  };
  /** Trials needed to reach a score (n + 1 when never). */
  const trialsToReach = (trials: readonly Trial[], target: number) => {
    const hit = trials.findIndex((trial) => (trial.meanTestScore as number) >= target);
    return hit < 0 ? trials.length + 1 : hit + 1;
  };

  it('reaches a target score in fewer trials than random search (median over 15 seeds)', async () => {
    const n = 60;
    const target = -0.05;
    const tpe: number[] = [];
    const random: number[] = [];
    for (let seed = 0; seed < 15; seed++) {
      tpe.push(trialsToReach(await drive(tpeStrategy(space, n), objective, seed), target));
      random.push(trialsToReach(await drive(randomStrategy(space, n), objective, seed), target));
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
    expect(median(tpe)).toBeLessThan(median(random));
  });

  it('is deterministic for a seed', async () => {
    const a = await drive(tpeStrategy(space, 20), objective, 3);
    const b = await drive(tpeStrategy(space, 20), objective, 3);
    expect(a.map((t) => t.params)).toEqual(b.map((t) => t.params));
  });
});

describe('search core', () => {
  it('records a failed fit with its error, unranked, and never as a score', async () => {
    const result = await search(iris.features, iris.labels, {
      steps: parseModelSpec('scale | logreg(solver=lbfgs)'),
      strategy: createStrategy({ strategy: 'grid', grid: ['penalty=l1,l2'], space: [] }),
      refit: false,
    });
    const failed = result.trials[0];
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/lbfgs/);
    expect(failed.meanTestScore).toBeNull();
    expect(failed.testScores.every((score) => score === null)).toBe(true);
    expect(result.ranks).toEqual([null, 1]);
    expect(result.bestIndex).toBe(1);
  });

  it('stops on a key no step has, before fitting anything', async () => {
    await expect(
      search(iris.features, iris.labels, {
        steps: parseModelSpec('scale | logreg'),
        strategy: createStrategy({ strategy: 'grid', grid: ['logreg.Cee=1,2'], space: [] }),
      }),
    ).rejects.toThrow(/unknown param "Cee"/);
  });

  it('searches a pipeline step param that picks the implementation (scale.kind)', async () => {
    const result = await search(iris.features, iris.labels, {
      steps: parseModelSpec('scale | logreg'),
      strategy: createStrategy({
        strategy: 'grid',
        grid: ['scale.kind=standard,minmax', 'logreg.C=1'],
        space: [],
      }),
      refit: false,
    });
    expect(result.trials.map((t) => t.status)).toEqual(['ok', 'ok']);
    expect(result.trials[0].meanTestScore).not.toBe(result.trials[1].meanTestScore);
  });

  it('breaks ties to the first candidate and shares the smallest rank', async () => {
    const result = await search(iris.features, iris.labels, {
      steps: parseModelSpec('scale | logreg'),
      strategy: createStrategy({ strategy: 'grid', grid: ['logreg.max_iter=100,200'], space: [] }),
      refit: false,
    });
    expect(result.ranks).toEqual([1, 1]);
    expect(result.bestIndex).toBe(0);
  });
});
