import { describe, expect, it } from 'vitest';
import { parseModelSpec } from '../../src/catalog/index.js';
import {
  createRemoteExecutor,
  parseRedisUrl,
  type RemoteStatus,
  startFoldWorker,
} from '../../src/distributed/index.js';
import {
  createStrategy,
  gridStrategy,
  inProcessExecutor,
  type SearchResult,
  search,
} from '../../src/selection/index.js';
import { loadBundledDatasets } from '../helpers/datasets.js';
import { useTestRedis } from './redis-server.js';

const datasets = await loadBundledDatasets([{ file: 'breast_cancer.csv', label_column: 'target' }]);
const { features, labels } = datasets.get('breast_cancer.csv')!;
// C=-1 is rejected by the model: a failed trial must travel back as a failed trial.
const steps = parseModelSpec('scale | logreg(solver=liblinear)');
const grid = { C: [-1, 0.1, 1], penalty: ['l1', 'l2'], 'scale.kind': ['standard', 'minmax'] };

function comparable(result: SearchResult) {
  return {
    trials: result.trials.map(({ fitSeconds: _f, scoreSeconds: _s, ...trial }) => trial),
    ranks: result.ranks,
    best: [result.bestIndex, result.bestParams, result.bestScore],
  };
}

const testRedis = useTestRedis();

describe('remote executor', () => {
  it('gives a local run’s exact scores and failed trials on a worker with two threads', async () => {
    const target = await testRedis.emptyTarget(1);
    const worker = await startFoldWorker({ redis: target, concurrency: 2, name: 'in-test' });
    const statuses: RemoteStatus[] = [];
    const remote = createRemoteExecutor({
      redis: target,
      features,
      labels,
      runKey: 'unit',
      statusIntervalMs: 100,
      onStatus: (status) => statuses.push(status),
    });
    try {
      const local = await search(features, labels, {
        steps,
        strategy: gridStrategy(grid),
        refit: false,
        returnTrainScore: true,
        executor: inProcessExecutor({ features, labels }),
      });
      const distributed = await search(features, labels, {
        steps,
        strategy: gridStrategy(grid),
        refit: false,
        returnTrainScore: true,
        executor: remote,
      });
      expect(comparable(distributed)).toEqual(comparable(local));
      expect(distributed.trials.filter((trial) => trial.status === 'failed')).toHaveLength(4);
      expect(worker.done).toBe(12 * 5);
      const last = remote.status();
      expect(last.polled).toBe(true);
      expect(last.workers).toEqual([{ name: 'in-test', live: true, done: 60, active: 0 }]);
      expect(statuses.length).toBeGreaterThan(0);
    } finally {
      await remote.close();
      await worker.close();
    }
  });

  it('runs successive halving (subsampled folds over several rounds) with the local result', async () => {
    const target = await testRedis.emptyTarget(7);
    const worker = await startFoldWorker({ redis: target, concurrency: 2, name: 'halving' });
    const remote = createRemoteExecutor({ redis: target, features, labels });
    const spec = {
      strategy: 'halving' as const,
      grid: [],
      space: ['logreg.C=loguniform(1e-3,1e2)'],
      trials: 9,
    };
    try {
      const options = { steps, cv: 3, seed: 7, refit: false } as const;
      const local = await search(features, labels, { ...options, strategy: createStrategy(spec) });
      const distributed = await search(features, labels, {
        ...options,
        strategy: createStrategy(spec),
        executor: remote,
      });
      expect(new Set(local.trials.map((trial) => trial.resource)).size).toBeGreaterThan(1);
      expect(comparable(distributed)).toEqual(comparable(local));
    } finally {
      await remote.close();
      await worker.close();
    }
  });

  it('says where Redis was expected when nothing answers there', async () => {
    const remote = createRemoteExecutor({
      redis: parseRedisUrl('redis://127.0.0.1:1'),
      features,
      labels,
    });
    await expect(remote.run([])).rejects.toThrow(/--redis: cannot reach Redis at redis:\/\/127\.0\.0\.1:1/);
    await remote.close();
    expect(() => parseRedisUrl('http://x')).toThrow(/not a Redis URL/);
  });
});
