import type { SearchResult } from '../../selection/index.js';

/**
 * sklearn's cv_results_ layout (one array per column, `splitK_test_score`, `rank_test_score` …) plus
 * `status` and `error` per candidate: a failed fit shows as null scores with its message, never NaN.
 */
export function cvResultsJson(result: SearchResult): Record<string, unknown> {
  const { trials } = result;
  const columns: Record<string, unknown> = { params: trials.map((trial) => trial.params) };
  for (let k = 0; k < result.nSplits; k++)
    columns[`split${k}_test_score`] = trials.map((trial) => trial.testScores[k]);
  columns.mean_test_score = trials.map((trial) => trial.meanTestScore);
  columns.std_test_score = trials.map((trial) => trial.stdTestScore);
  columns.rank_test_score = result.ranks;
  if (trials.some((trial) => trial.trainScores)) {
    for (let k = 0; k < result.nSplits; k++)
      columns[`split${k}_train_score`] = trials.map((trial) => trial.trainScores?.[k] ?? null);
    columns.mean_train_score = trials.map((trial) => trial.meanTrainScore ?? null);
  }
  columns.mean_fit_time = trials.map((trial) => mean(trial.fitSeconds));
  columns.std_fit_time = trials.map((trial) => std(trial.fitSeconds));
  columns.mean_score_time = trials.map((trial) => mean(trial.scoreSeconds));
  columns.std_score_time = trials.map((trial) => std(trial.scoreSeconds));
  if (trials.some((trial) => trial.resource !== undefined)) {
    columns.iter = trials.map((trial) => trial.iteration ?? null);
    columns.n_resources = trials.map((trial) => trial.resource ?? null);
  }
  columns.status = trials.map((trial) => trial.status);
  columns.error = trials.map((trial) => trial.error ?? null);
  return columns;
}

export function searchJson(
  result: SearchResult,
  context: { runId?: string; store?: string; dataset: Record<string, unknown>; model: string; jobs: number },
): Record<string, unknown> {
  return {
    run_id: context.runId ?? null,
    store: context.store ?? null,
    dataset: context.dataset,
    model: context.model,
    strategy: result.strategy,
    scoring: result.scoring,
    n_splits: result.nSplits,
    jobs: context.jobs,
    cv_results: cvResultsJson(result),
    best_index: result.bestIndex,
    best_params: result.bestParams,
    best_score: result.bestScore,
    refit_seconds: result.refit?.seconds ?? null,
    reused_trials: result.reusedTrials,
    failed_trials: result.trials
      .filter((trial) => trial.status === 'failed')
      .map((trial) => ({ index: trial.index, params: trial.params, error: trial.error })),
  };
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
}

function std(values: readonly number[]): number {
  const m = mean(values);
  return Math.sqrt(values.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, values.length));
}
