import type { Matrix } from '../../core/matrix.js';
import type { SuspectedLabelError } from './error-analysis-types.js';

export interface LabelIssues {
  /** t_j: the mean out-of-fold probability of class j over the rows labelled j. */
  readonly thresholds: Float64Array;
  /** Most suspicious first (lowest margin). */
  readonly suspects: SuspectedLabelError[];
}

/**
 * Confident learning (Northcutt, Jiang & Chuang 2021): a row labelled i is suspect when p(i) < t_i and some
 * other class j reaches its own threshold, p(j) ≥ t_j; its suggested label is the most probable such j.
 * Per-class thresholds make the rule fair to classes the model is systematically unsure of. Suspects rank
 * by the normalised margin p(i) − max_{j≠i} p(j), cleanlab's default ranking.
 */
export function findLabelIssues(yTrue: Int32Array, proba: Matrix, classes: readonly string[]): LabelIssues {
  const k = proba.cols;
  const sums = new Float64Array(k);
  const counts = new Float64Array(k);
  for (let i = 0; i < yTrue.length; i++) {
    sums[yTrue[i]] += proba.data[i * k + yTrue[i]];
    counts[yTrue[i]]++;
  }
  // A class with no rows can never be suggested: its threshold is unreachable.
  const thresholds = Float64Array.from(sums, (sum, j) =>
    counts[j] > 0 ? sum / counts[j] : Number.POSITIVE_INFINITY,
  );
  const suspects: SuspectedLabelError[] = [];
  for (let i = 0; i < yTrue.length; i++) {
    const given = yTrue[i];
    const offset = i * k;
    const pGiven = proba.data[offset + given];
    if (!(pGiven < thresholds[given])) continue;
    let suggested = -1;
    let bestOther = 0;
    for (let j = 0; j < k; j++) {
      if (j === given) continue;
      const p = proba.data[offset + j];
      if (p >= thresholds[j] && (suggested < 0 || p > proba.data[offset + suggested])) suggested = j;
      bestOther = Math.max(bestOther, p);
    }
    if (suggested < 0) continue;
    suspects.push({
      row: i,
      givenLabel: classes[given],
      suggestedLabel: classes[suggested],
      givenLabelProbability: pGiven,
      suggestedLabelProbability: proba.data[offset + suggested],
      margin: pGiven - bestOther,
    });
  }
  suspects.sort((a, b) => a.margin - b.margin || a.row - b.row);
  return { thresholds, suspects };
}
