/**
 * Hyperparameter search and learning curve, ours vs scikit-learn, in one run on the synthetic
 * 100k x 50 file: grid search of impute(mean) | scale | logreg(liblinear) over C (4) x penalty (2) with
 * 5 stratified folds and refit, then a learning curve of the best pipeline at 5 sizes — both sides with
 * 2 workers (our --jobs 2, sklearn's n_jobs=2). Data loading is not timed on either side. Run directly
 * with `npx tsx bench/search.ts [--jobs N]`, or call `runSearchBench()`.
 */

import { parseModelSpec } from '../src/catalog/index.js';
import { loadDataset } from '../src/data/index.js';
import { createWorkerPool } from '../src/parallel/index.js';
import { applyParams, gridStrategy, learningCurve, search } from '../src/selection/index.js';
import { isMainModule, numberFlag } from './shared/command-line.js';
import { ensureSyntheticCsv } from './shared/data.js';
import { runPeer } from './shared/peer.js';

const ROWS = 100_000;
const FEATURES = 50;
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
  const csv = ensureSyntheticCsv(ROWS, FEATURES, log);
  const { features, labels } = await loadDataset(csv, { label: 'target' });
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
  const peer = runSklearn(csv, jobs);
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

function runSklearn(csv: string, jobs: number): { sklearn?: SearchBenchResult['ours']; skipped?: string } {
  const run = runPeer<{
    grid_seconds: number;
    curve_seconds: number;
    best_params: unknown;
    best_score: number;
  }>('search_peer.py', [csv, '--label', 'target', '--n-jobs', String(jobs)]);
  if (!run.ok) return { skipped: run.skipped };
  const out = run.output;
  return {
    sklearn: {
      gridSeconds: out.grid_seconds,
      curveSeconds: out.curve_seconds,
      bestParams: out.best_params,
      bestScore: out.best_score,
    },
  };
}

if (isMainModule(import.meta.url)) await runSearchBench({ jobs: numberFlag('--jobs') ?? 2 });
