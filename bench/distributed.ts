/**
 * Distributed search: the same CPU-bound grid (random forests on the synthetic 100k x 50 file, 6
 * candidates x 3 folds = 18 fits of about equal cost) on one `modeldebug worker` process and on two,
 * each worker with one thread, through a throwaway local Redis (or MODELDEBUG_BENCH_REDIS_URL).
 * Prints the throughput ratio (2 workers / 1 worker; at most 2.0 on a two-core machine) and checks
 * that both give exactly the scores of a local run (local threads, --jobs 2). Both workers load the
 * data before timing starts. Run directly with `npx tsx bench/distributed.ts`, or call
 * `runDistributedBench()`.
 */
import { loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { parseModelSpec } from '../src/catalog/index.js';
import { type Features, numericFeatures } from '../src/core/features.js';
import type { Labels } from '../src/core/labels.js';
import { createMatrix } from '../src/core/matrix.js';
import { createRemoteExecutor, parseRedisUrl } from '../src/distributed/index.js';
import { createWorkerPool } from '../src/parallel/index.js';
import { gridStrategy, type SearchResult, search, type TaskExecutor } from '../src/selection/index.js';
// The tests' helpers: a throwaway redis-server, and `modeldebug worker` as a child process.
import { type CliProcess, startWorkerProcess, stopProcess } from '../test/distributed/cli-processes.js';
import { flushDb, startTestRedis } from '../test/distributed/redis-server.js';
import { isMainModule } from './shared/command-line.js';
import { ensureSyntheticCsv, imputeAndStandardise, readNumericCsv } from './shared/data.js';

const ROWS = 100_000;
const FEATURES = 50;
const MODEL = 'forest(n_estimators=8, max_depth=10)';
const GRID = { criterion: ['gini', 'entropy'], random_state: [0, 1, 2] };
const CV = 3;

export interface DistributedBenchResult {
  readonly fits: number;
  readonly localSeconds: number;
  readonly oneWorkerSeconds: number;
  readonly twoWorkersSeconds: number;
  /** Throughput with two workers over throughput with one (= one-worker time / two-worker time). */
  readonly ratio: number;
  readonly identicalToLocal: boolean;
  readonly loadAverage: readonly number[];
  /** What two busy threads get done here now, over one: the ceiling of `ratio` on a shared machine. */
  readonly machineParallelism: number;
}

export async function runDistributedBench(
  options: { log?: (line: string) => void } = {},
): Promise<DistributedBenchResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const { X, y } = loadMatrix(log);
  const steps = parseModelSpec(MODEL);
  const fits = GRID.criterion.length * GRID.random_state.length * CV;
  const timed = async (executor: TaskExecutor) => {
    const start = performance.now();
    const result = await search(X, y, {
      steps,
      strategy: gridStrategy(GRID),
      cv: CV,
      refit: false,
      executor,
    });
    return { result, seconds: (performance.now() - start) / 1000 };
  };

  const pool = createWorkerPool(X, y, { jobs: 2 });
  const local = await timed(pool).finally(() => pool.close());
  log(
    `distributed bench: ${MODEL}, ${ROWS} x ${FEATURES}, ${fits} fits; local 2 threads ${local.seconds.toFixed(1)}s, load average now ${load()}`,
  );

  const redis = await startTestRedis();
  const workers: CliProcess[] = [];
  try {
    const url = redis.url(4);
    await flushDb(url);
    const target = parseRedisUrl(url);
    workers.push(await startWorkerProcess(url, 'bench-1'), await startWorkerProcess(url, 'bench-2'));
    const remote = (runKey: string) =>
      createRemoteExecutor({ redis: target, features: X, labels: y, runKey });
    // Warm-up: one short job per worker, so both hold the dataset before anything is timed.
    const warm = remote('warm-up');
    await search(X, y, {
      steps: parseModelSpec('tree(max_depth=1)'),
      strategy: gridStrategy({ random_state: [0] }),
      cv: 4,
      refit: false,
      executor: warm,
    }).finally(() => warm.close());

    const run = async (runKey: string) => {
      const executor = remote(runKey);
      try {
        return await timed(executor);
      } finally {
        await executor.close();
      }
    };
    const two = await run('two-workers');
    log(
      `  2 workers: ${two.seconds.toFixed(1)}s (${(fits / two.seconds).toFixed(2)} fits/s), load average now ${load()}`,
    );
    await stopProcess(workers[1]);
    const one = await run('one-worker');
    log(
      `  1 worker:  ${one.seconds.toFixed(1)}s (${(fits / one.seconds).toFixed(2)} fits/s), load average now ${load()}`,
    );
    const ratio = one.seconds / two.seconds;
    const identicalToLocal =
      JSON.stringify(scores(one.result)) === JSON.stringify(scores(local.result)) &&
      JSON.stringify(scores(two.result)) === JSON.stringify(scores(local.result));
    const loadAverage = loadavg().map((value) => Number(value.toFixed(2)));
    const machineParallelism = await probeParallelism();
    log(
      `  throughput 2 workers / 1 worker: ${ratio.toFixed(2)}x (goal >= 1.8); scores identical to the local run: ${identicalToLocal}; load average ${loadAverage.join(', ')}`,
    );
    log(
      `  this machine now: two spinning threads do ${machineParallelism.toFixed(2)}x the work of one (the ceiling of the ratio above)`,
    );
    return {
      fits,
      localSeconds: local.seconds,
      oneWorkerSeconds: one.seconds,
      twoWorkersSeconds: two.seconds,
      ratio,
      identicalToLocal,
      loadAverage,
      machineParallelism,
    };
  } finally {
    for (const worker of workers) await stopProcess(worker);
    await redis.stop();
  }
}

const SPIN = `const { parentPort } = require('node:worker_threads');
let x = 0;
const start = Date.now();
for (let i = 0; i < 4e8; i++) x += i % 7;
parentPort.postMessage([Date.now() - start, x]);`;

/**
 * Throughput of two threads over one on a fixed integer loop: 2 on two idle cores, less when other
 * processes hold them (the cores of this machine are shared with other jobs).
 */
async function probeParallelism(): Promise<number> {
  const spin = () =>
    new Promise<number>((resolve, reject) => {
      const worker = new Worker(SPIN, { eval: true });
      worker.once('message', ([ms]: [number, number]) => {
        void worker.terminate();
        resolve(ms);
      });
      worker.once('error', reject);
    });
  const alone = await spin();
  const together = Math.max(...(await Promise.all([spin(), spin()])));
  return (2 * alone) / together;
}

/** Other processes share the cores: a ratio means little unless the load stayed put. */
function load(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
}

/** Everything of a search's trials but their timings. */
function scores(result: SearchResult) {
  return result.trials.map((trial) => [trial.params, trial.status, trial.testScores, trial.error ?? null]);
}

function loadMatrix(log: (line: string) => void): { X: Features; y: Labels } {
  const raw = readNumericCsv(ensureSyntheticCsv(ROWS, FEATURES, log), 'target');
  imputeAndStandardise(raw.data, raw.rows, raw.names.length);
  const codes = Int32Array.from(raw.labels, Number);
  const classes = Array.from({ length: Math.max(...codes) + 1 }, (_, k) => String(k));
  return {
    X: numericFeatures(createMatrix(raw.rows, raw.names.length, raw.data), raw.names),
    y: { classes, codes },
  };
}

if (isMainModule(import.meta.url)) await runDistributedBench();
