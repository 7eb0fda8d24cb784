import type { SearchResult } from '../../selection/index.js';

/**
 * sklearn's cv_results_ layout in camelCase: one array per column, indexed by trial (`meanTestScore`,
 * `rankTestScore` …; `splitTestScores[k]` is sklearn's `split{k}_test_score`), plus `status` and `error`
 * per candidate: a failed fit shows as null scores with its message, never NaN.
 */
export function cvResultsJson(result: SearchResult): Record<string, unknown> {
  const { trials } = result;
  const columns: Record<string, unknown> = { params: trials.map((trial) => trial.params) };
  columns.splitTestScores = Array.from({ length: result.nSplits }, (_, k) =>
    trials.map((trial) => trial.testScores[k]),
  );
  columns.meanTestScore = trials.map((trial) => trial.meanTestScore);
  columns.stdTestScore = trials.map((trial) => trial.stdTestScore);
  columns.rankTestScore = result.ranks;
  if (trials.some((trial) => trial.trainScores)) {
    columns.splitTrainScores = Array.from({ length: result.nSplits }, (_, k) =>
      trials.map((trial) => trial.trainScores?.[k] ?? null),
    );
    columns.meanTrainScore = trials.map((trial) => trial.meanTrainScore ?? null);
  }
  columns.meanFitTime = trials.map((trial) => mean(trial.fitSeconds));
  columns.stdFitTime = trials.map((trial) => std(trial.fitSeconds));
  columns.meanScoreTime = trials.map((trial) => mean(trial.scoreSeconds));
  columns.stdScoreTime = trials.map((trial) => std(trial.scoreSeconds));
  if (trials.some((trial) => trial.resource !== undefined)) {
    columns.iter = trials.map((trial) => trial.iteration ?? null);
    columns.nResources = trials.map((trial) => trial.resource ?? null);
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
    runId: context.runId ?? null,
    store: context.store ?? null,
    dataset: context.dataset,
    model: context.model,
    strategy: result.strategy,
    scoring: result.scoring,
    nSplits: result.nSplits,
    jobs: context.jobs,
    cvResults: cvResultsJson(result),
    bestIndex: result.bestIndex,
    bestParams: result.bestParams,
    bestScore: result.bestScore,
    refitSeconds: result.refit?.seconds ?? null,
    reusedTrials: result.reusedTrials,
    failedTrials: result.trials
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
