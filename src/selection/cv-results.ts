import { ModeldebugError } from '../core/errors.js';
import type { Trial } from './search-types.js';

/** numpy's mean of a few values: a left-to-right sum divided by n (pairwise only starts at 8 values). */
export function meanOf(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** Population std (ddof = 0), as sklearn's `std_test_score`. */
export function stdOf(values: readonly number[]): number {
  const mean = meanOf(values);
  let sum = 0;
  for (const value of values) sum += (value - mean) ** 2;
  return Math.sqrt(sum / values.length);
}

/** Mean and std over splits, or null for both when any split failed (never a NaN posing as a score). */
export function summariseSplits(scores: readonly (number | null)[]): {
  mean: number | null;
  std: number | null;
} {
  if (scores.some((score) => score === null)) return { mean: null, std: null };
  const values = scores as readonly number[];
  return { mean: meanOf(values), std: stdOf(values) };
}

/**
 * `rank_test_score` as sklearn: `rankdata(-mean, method='min')` — equal means share the smallest rank.
 * Failed trials get no rank.
 */
export function rankTrials(trials: readonly Trial[]): (number | null)[] {
  return trials.map((trial) => {
    if (trial.meanTestScore === null) return null;
    const mean = trial.meanTestScore;
    let better = 0;
    for (const other of trials) if (other.meanTestScore !== null && other.meanTestScore > mean) better++;
    return better + 1;
  });
}

/**
 * best_index_: among the trials fitted on the most rows (all of them, except under successive halving,
 * where only the last round counts), the first of those with the highest mean — sklearn's tie rule.
 */
export function bestTrialIndex(trials: readonly Trial[]): number {
  const resourceOf = (trial: Trial) => trial.resource ?? Number.POSITIVE_INFINITY;
  const top = Math.max(...trials.filter((t) => t.meanTestScore !== null).map(resourceOf));
  let best = -1;
  for (const [k, trial] of trials.entries()) {
    if (trial.meanTestScore === null || resourceOf(trial) !== top) continue;
    if (best < 0 || trial.meanTestScore > (trials[best].meanTestScore as number)) best = k;
  }
  if (best < 0) {
    const first = trials.find((trial) => trial.error !== undefined);
    throw new ModeldebugError('invalid_argument', `every candidate failed to fit (${trials.length} tried)`, {
      hint: first ? `first error: ${first.error}` : 'check the search space',
    });
  }
  return best;
}
