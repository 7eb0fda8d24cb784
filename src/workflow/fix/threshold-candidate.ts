import type { Matrix } from '../../core/matrix.js';
import { getScorer } from '../../metrics/index.js';
import type { Fold } from '../../splits/index.js';
import type { StageInput } from './candidate-stages.js';
import type { Candidate } from './fix-types.js';

/** Candidate thresholds per choice, evenly spaced over the scores' range, as TunedThresholdClassifierCV's default. */
const THRESHOLD_POINTS = 100;

/**
 * The binary decision threshold tuned for the metric, like scikit-learn's TunedThresholdClassifierCV:
 * predict the second class when its probability is ≥ t, t the best of 100 points between the lowest and
 * highest out-of-fold probability. Its gain is measured without refits: each fold is scored with the t
 * chosen on the other folds' out-of-fold rows, so no fold's threshold saw that fold's labels.
 */
export async function thresholdCandidate(input: StageInput): Promise<Candidate[]> {
  const { train, state, folds, metric } = input;
  if (train.labels.classes.length !== 2 || state.threshold !== undefined) return [];
  if (getScorer(metric).needsProba) return [];
  const proba = await input.currentProba();
  const dropped = new Set(state.droppedRows);
  const usable = (rows: Int32Array) => rows.filter((row) => !dropped.has(row));
  const all = usable(Int32Array.from(train.labels.codes.keys()));
  const chosen = bestThreshold(proba, train.labels.codes, all, metric);
  if (chosen === 0.5) return [];
  return [
    {
      code: 'threshold_gain',
      remedy: 'threshold',
      description: `predict "${train.labels.classes[1]}" when its probability is ≥ ${chosen.toPrecision(3)} (instead of the most probable class)`,
      columns: [],
      rows: [],
      apply: (current) => ({ ...current, threshold: chosen }),
      scores: async () => foldScoresWithThreshold(proba, train.labels.codes, folds, metric, usable),
    },
  ];
}

function foldScoresWithThreshold(
  proba: Matrix,
  codes: Int32Array,
  folds: readonly Fold[],
  metric: string,
  usable: (rows: Int32Array) => Int32Array,
): number[] {
  return folds.map((fold) => {
    const t = bestThreshold(proba, codes, usable(fold.train), metric);
    return scoreAt(proba, codes, fold.test, metric, t);
  });
}

/** The threshold scoring best on `rows` (the lowest of equal bests, as numpy's argmax picks the first). */
export function bestThreshold(proba: Matrix, codes: Int32Array, rows: Int32Array, metric: string): number {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const row of rows) {
    low = Math.min(low, proba.data[row * 2 + 1]);
    high = Math.max(high, proba.data[row * 2 + 1]);
  }
  if (!(high > low)) return 0.5;
  let best = 0.5;
  let bestScore = scoreAt(proba, codes, rows, metric, 0.5);
  for (let k = 0; k < THRESHOLD_POINTS; k++) {
    const t = low + ((high - low) * k) / (THRESHOLD_POINTS - 1);
    const score = scoreAt(proba, codes, rows, metric, t);
    if (score > bestScore) {
      bestScore = score;
      best = t;
    }
  }
  return best;
}

function scoreAt(proba: Matrix, codes: Int32Array, rows: Int32Array, metric: string, t: number): number {
  const yTrue = new Int32Array(rows.length);
  const yPred = new Int32Array(rows.length);
  rows.forEach((row, i) => {
    yTrue[i] = codes[row];
    yPred[i] = proba.data[row * 2 + 1] >= t ? 1 : 0;
  });
  return getScorer(metric).score(yTrue, yPred, undefined, 2);
}
