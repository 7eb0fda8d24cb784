import type { Matrix } from '../../core/matrix.js';
import type { SuspectedLabelError } from './error-analysis-types.js';

export interface LabelIssues {
  /** t_j: the mean out-of-fold probability of class j over the rows labelled j. */
  readonly thresholds: Float64Array;
  /**
   * The calibrated confident joint, row-major k × k: cell (i, j) estimates how many rows are labelled i
   * but belong to j. Its rows sum to the class counts and its off-diagonal to `estimatedErrors`.
   */
  readonly confidentJoint: Int32Array;
  /** The noise the joint estimates: its off-diagonal sum, the number of rows whose label is wrong. */
  readonly estimatedErrors: number;
  /** Most suspicious first (lowest margin). */
  readonly suspects: SuspectedLabelError[];
}

/**
 * Confident learning as cleanlab's `find_label_issues(filter_by='prune_by_noise_rate')` does it
 * (Northcutt, Jiang & Chuang 2021): per-class thresholds t_j = mean self-confidence; the confident joint
 * counts each row under (given label, the class it confidently belongs to), calibrated so that its rows
 * sum to the class counts; then for every off-diagonal cell (i, j) the C[i][j] rows labelled i with the
 * largest margin p(j) − p(i) are flagged; rows whose argmax is their given label are never flagged. The
 * number flagged therefore tracks the estimated noise instead of every row below its threshold.
 * Suspects rank by the normalised margin p(given) − max_{j≠given} p(j), cleanlab's default ranking.
 */
export function findLabelIssues(yTrue: Int32Array, proba: Matrix, classes: readonly string[]): LabelIssues {
  const k = proba.cols;
  const n = yTrue.length;
  const labelCounts = new Float64Array(k);
  for (let i = 0; i < n; i++) labelCounts[yTrue[i]]++;
  const thresholds = confidentThresholds(yTrue, proba, labelCounts);
  const confidentJoint = calibratedConfidentJoint(yTrue, proba, thresholds, labelCounts);
  const flagged = pruneByNoiseRate(yTrue, proba, confidentJoint);
  let estimatedErrors = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) if (i !== j) estimatedErrors += confidentJoint[i * k + j];
  }
  const suspects: SuspectedLabelError[] = [];
  for (let i = 0; i < n; i++) {
    if (!flagged[i]) continue;
    const given = yTrue[i];
    const offset = i * k;
    let suggested = given === 0 ? 1 : 0;
    for (let j = 0; j < k; j++) {
      if (j !== given && proba.data[offset + j] > proba.data[offset + suggested]) suggested = j;
    }
    suspects.push({
      row: i,
      givenLabel: classes[given],
      suggestedLabel: classes[suggested],
      givenLabelProbability: proba.data[offset + given],
      suggestedLabelProbability: proba.data[offset + suggested],
      margin: proba.data[offset + given] - proba.data[offset + suggested],
    });
  }
  suspects.sort((a, b) => a.margin - b.margin || a.row - b.row);
  return { thresholds, confidentJoint, estimatedErrors, suspects };
}

function confidentThresholds(yTrue: Int32Array, proba: Matrix, labelCounts: Float64Array): Float64Array {
  const k = proba.cols;
  const sums = new Float64Array(k);
  for (let i = 0; i < yTrue.length; i++) sums[yTrue[i]] += proba.data[i * k + yTrue[i]];
  // A class with no rows can never be confidently predicted: its threshold is unreachable.
  return Float64Array.from(sums, (sum, j) =>
    labelCounts[j] > 0 ? sum / labelCounts[j] : Number.POSITIVE_INFINITY,
  );
}

/**
 * cleanlab's `compute_confident_joint(calibrate=True)`: a row counts when at least one class reaches its
 * threshold (less 1e-6); its guessed class is that class, or the argmax when several do. The diagonal is
 * at least 1; each row is rescaled to its class count, the whole to n, and rounded keeping row totals.
 */
function calibratedConfidentJoint(
  yTrue: Int32Array,
  proba: Matrix,
  thresholds: Float64Array,
  labelCounts: Float64Array,
): Int32Array {
  const k = proba.cols;
  const joint = new Float64Array(k * k);
  for (let i = 0; i < yTrue.length; i++) {
    const offset = i * k;
    let confident = 0;
    let firstConfident = -1;
    let argmax = 0;
    for (let j = 0; j < k; j++) {
      const p = proba.data[offset + j];
      if (p > proba.data[offset + argmax]) argmax = j;
      if (p >= thresholds[j] - 1e-6) {
        confident++;
        if (firstConfident < 0) firstConfident = j;
      }
    }
    if (confident === 0) continue;
    joint[yTrue[i] * k + (confident > 1 ? argmax : firstConfident)]++;
  }
  for (let j = 0; j < k; j++) joint[j * k + j] = Math.max(joint[j * k + j], 1);
  let total = 0;
  for (let i = 0; i < k; i++) {
    let rowSum = 0;
    for (let j = 0; j < k; j++) rowSum += joint[i * k + j];
    for (let j = 0; j < k; j++) {
      joint[i * k + j] = (joint[i * k + j] / Math.max(rowSum, 1e-16)) * labelCounts[i];
      total += joint[i * k + j];
    }
  }
  const n = yTrue.length;
  for (let c = 0; c < k * k; c++) joint[c] = (joint[c] / Math.max(total, 1e-16)) * n;
  const rounded = new Int32Array(k * k);
  for (let i = 0; i < k; i++) rounded.set(roundPreservingSum(joint.subarray(i * k, (i + 1) * k)), i * k);
  return rounded;
}

/**
 * cleanlab's `round_preserving_sum`: round half to even (numpy), then move the rounding remainder onto
 * the entries that lost the most to rounding.
 */
export function roundPreservingSum(values: ArrayLike<number>): Int32Array {
  const floats = Array.from(values);
  const ints = floats.map(roundHalfEven);
  const target = roundHalfEven(floats.reduce((a, b) => a + b, 0));
  let sum = ints.reduce((a, b) => a + b, 0);
  while (Math.abs(sum - target) > 1e-6) {
    const diff = target - sum;
    const increment = diff < 0 ? -1 : 1;
    const changes = Math.min(Math.abs(diff), floats.length);
    const order = floats
      .map((_, i) => i)
      .sort((a, b) => floats[b] - ints[b] - (floats[a] - ints[a]) || a - b);
    for (const i of order.slice(0, changes)) ints[i] += increment;
    sum = ints.reduce((a, b) => a + b, 0);
  }
  return Int32Array.from(ints);
}

function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const rest = x - floor;
  if (Math.abs(rest - 0.5) > 1e-12) return Math.round(x);
  return floor % 2 === 0 ? floor : floor + 1;
}

/**
 * cleanlab's `_prune_by_count` with `min_examples_per_class=1`: for the rows labelled i and every other
 * class j, flag the C[i][j] rows with the largest p(j) − p(i) (a class with a single row keeps it);
 * then unflag rows the model predicts as their given label.
 */
function pruneByNoiseRate(yTrue: Int32Array, proba: Matrix, joint: Int32Array): Uint8Array {
  const k = proba.cols;
  const n = yTrue.length;
  const flagged = new Uint8Array(n);
  const byClass: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < n; i++) byClass[yTrue[i]].push(i);
  for (let given = 0; given < k; given++) {
    const rows = byClass[given];
    if (rows.length <= 1) continue;
    for (let j = 0; j < k; j++) {
      const count = joint[given * k + j];
      if (j === given || count <= 0) continue;
      const margin = (row: number) => proba.data[row * k + j] - proba.data[row * k + given];
      const ranked = [...rows].sort((a, b) => margin(b) - margin(a) || a - b);
      for (const row of ranked.slice(0, count)) flagged[row] = 1;
    }
  }
  for (let i = 0; i < n; i++) {
    const offset = i * k;
    let argmax = 0;
    for (let j = 1; j < k; j++) if (proba.data[offset + j] > proba.data[offset + argmax]) argmax = j;
    if (argmax === yTrue[i]) flagged[i] = 0;
  }
  return flagged;
}
