/**
 * Hyperparameter search and learning curve, ours vs scikit-learn, in one run on the synthetic
 * 100k x 50 file: grid search of impute(mean) | scale | logreg(liblinear) over C (4) x penalty (2) with
 * 5 stratified folds and refit, then a learning curve of the best pipeline at 5 sizes — both sides with
 * 2 workers (our --jobs 2, sklearn's n_jobs=2). Data loading is not timed on either side. Run directly
 * with `npx tsx bench/search.ts [--jobs N]`, or call `runSearchBench()`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadDataset } from '../src/data/index.js';
import { parseModelSpec } from '../src/models/index.js';
import { createWorkerPool } from '../src/parallel/index.js';
import { applyParams, gridStrategy, learningCurve, search } from '../src/selection/index.js';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const PYTHON = '/usr/bin/python3';
const CSV = `${benchDir}data/synth_100k_50.csv`;
const GRID = { C: [0.01, 0.1, 1, 10], penalty: ['l1', 'l2'] };

export interface SearchBenchResult {
  readonly jobs: number;
  readonly ours: { gridSeconds: number; curveSeconds: number; bestParams: unknown; bestScore: number };
  readonly sklearn?: { gridSeconds: number; curveSeconds: number; bestParams: unknown; bestScore: number };
  /** (ours grid + curve) / (sklearn grid + curve). */
  readonly ratio?: number;
  readonly sameBestParams?: boolean;
  readonly sklearnSkipped?: string;
}

export async function runSearchBench(
  options: { jobs?: number; log?: (line: string) => void } = {},
): Promise<SearchBenchResult> {
  const jobs = options.jobs ?? 2;
  const log = options.log ?? ((line: string) => console.log(line));
  ensureData(log);
  const { features, labels } = await loadDataset(CSV, { label: 'target' });
  const steps = parseModelSpec('impute(strategy=mean) | scale | logreg(solver=liblinear)');
  const pool = createWorkerPool(features, labels, { jobs });
  let ours: SearchBenchResult['ours'];
  try {
    let start = performance.now();
    const result = await search(features, labels, {
      steps,
      strategy: gridStrategy(GRID),
      cv: 5,
      executor: pool,
    });
    const gridSeconds = (performance.now() - start) / 1000;
    start = performance.now();
    await learningCurve(features, labels, {
      steps: applyParams(steps, result.bestParams),
      cv: 5,
      executor: pool,
    });
    const curveSeconds = (performance.now() - start) / 1000;
    ours = { gridSeconds, curveSeconds, bestParams: result.bestParams, bestScore: result.bestScore };
  } finally {
    await pool.close();
  }
  const peer = runPeer(jobs);
  const line = (side: string, r: SearchBenchResult['ours']) =>
    `  ${side.padEnd(8)} grid ${r.gridSeconds.toFixed(1)}s + curve ${r.curveSeconds.toFixed(1)}s = ${(r.gridSeconds + r.curveSeconds).toFixed(1)}s  best ${JSON.stringify(r.bestParams)} (${r.bestScore.toFixed(4)})`;
  log(
    `search bench: ${features.rows} x ${features.cols}, 8 candidates x 5 folds + refit, learning curve 5 sizes x 5 folds, ${jobs} workers`,
  );
  log(line('ours', ours));
  if (!peer.sklearn) {
    log(`  sklearn skipped (${peer.skipped})`);
    return { jobs, ours, sklearnSkipped: peer.skipped };
  }
  log(line('sklearn', peer.sklearn));
  const ratio =
    (ours.gridSeconds + ours.curveSeconds) / (peer.sklearn.gridSeconds + peer.sklearn.curveSeconds);
  const sameBestParams = JSON.stringify(ours.bestParams) === JSON.stringify(peer.sklearn.bestParams);
  log(
    `  ratio ours/sklearn ${ratio.toFixed(2)}x (grid ${(ours.gridSeconds / peer.sklearn.gridSeconds).toFixed(2)}x, curve ${(ours.curveSeconds / peer.sklearn.curveSeconds).toFixed(2)}x); same best params: ${sameBestParams}`,
  );
  return { jobs, ours, sklearn: peer.sklearn, ratio, sameBestParams };
}

function ensureData(log: (line: string) => void): void {
  if (existsSync(CSV)) return;
  mkdirSync(`${benchDir}data`, { recursive: true });
  log(`making ${CSV} with ${PYTHON} bench/make_data.py …`);
  const made = spawnSync(
    PYTHON,
    [`${benchDir}make_data.py`, '--rows', '100000', '--features', '50', '--out', CSV],
    {
      encoding: 'utf8',
    },
  );
  if (made.status !== 0) throw new Error(`make_data.py failed: ${made.stderr || made.error?.message}`);
}

function runPeer(jobs: number): { sklearn?: SearchBenchResult['ours']; skipped?: string } {
  if (!existsSync(PYTHON)) return { skipped: `${PYTHON} not found` };
  const run = spawnSync(
    PYTHON,
    [`${benchDir}search_peer.py`, CSV, '--label', 'target', '--n-jobs', String(jobs)],
    {
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) return { skipped: `search_peer.py failed: ${run.stderr.trim().split('\n').pop()}` };
  const out = JSON.parse(run.stdout) as {
    grid_seconds: number;
    curve_seconds: number;
    best_params: unknown;
    best_score: number;
  };
  return {
    sklearn: {
      gridSeconds: out.grid_seconds,
      curveSeconds: out.curve_seconds,
      bestParams: out.best_params,
      bestScore: out.best_score,
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const at = process.argv.indexOf('--jobs');
  await runSearchBench({ jobs: at > 0 ? Number(process.argv[at + 1]) : 2 });
}
