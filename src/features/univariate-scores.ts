import { ModeldebugError } from '../core/errors.js';
import type { Features } from '../core/features.js';
import type { Labels } from '../core/labels.js';
import { chiSquaredSurvival, fSurvival } from '../linalg/special-functions.js';

/** One score per feature (higher means more related to the label) and its p-value where defined. */
export interface UnivariateScores {
  readonly scores: Float64Array;
  readonly pValues: Float64Array | null;
}

/**
 * sklearn's f_classif, the one-way ANOVA F per feature, computed as sklearn does (sums of squares from
 * class sums): F = (SSB / (K − 1)) / (SSW / (n − K)); p = P(F(K − 1, n − K) > F). A feature constant
 * within every class gives SSW = 0, so F = inf (or NaN when also constant overall), as in sklearn.
 */
export function fClassif(X: Features, y: Labels): UnivariateScores {
  checkShapes(X, y);
  const { rows: n, cols: d, data } = X;
  const K = y.classes.length;
  const classSums = new Float64Array(K * d);
  const counts = new Float64Array(K);
  const squares = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const k = y.codes[i];
    counts[k]++;
    for (let j = 0; j < d; j++) {
      const x = data[i * d + j];
      classSums[k * d + j] += x;
      squares[j] += x * x;
    }
  }
  const present = counts.filter((count) => count > 0).length;
  const scores = new Float64Array(d);
  const pValues = new Float64Array(d);
  const dfBetween = present - 1;
  const dfWithin = n - present;
  for (let j = 0; j < d; j++) {
    let total = 0;
    let between = 0;
    for (let k = 0; k < K; k++) {
      if (counts[k] === 0) continue;
      const sum = classSums[k * d + j];
      total += sum;
      between += (sum * sum) / counts[k];
    }
    const correction = (total * total) / n;
    const ssTotal = squares[j] - correction;
    const ssBetween = between - correction;
    const ssWithin = ssTotal - ssBetween;
    scores[j] = ssBetween / dfBetween / (ssWithin / dfWithin);
    pValues[j] = fSurvival(scores[j], dfBetween, dfWithin);
  }
  return { scores, pValues };
}

/**
 * sklearn's chi2 for non-negative features (counts, frequencies, one-hot): observed = per-class sums of
 * each feature, expected = class share × feature total; χ² = Σ (O − E)² / E, p with K − 1 degrees of
 * freedom.
 */
export function chi2(X: Features, y: Labels): UnivariateScores {
  checkShapes(X, y);
  const { rows: n, cols: d, data } = X;
  const K = y.classes.length;
  const observed = new Float64Array(K * d);
  const counts = new Float64Array(K);
  for (let k = 0; k < data.length; k++) {
    if (data[k] < 0) {
      const name = X.columns[k % d].name;
      throw new ModeldebugError(
        'invalid_argument',
        `chi2 needs non-negative features; "${name}" has ${data[k]}`,
        {
          where: `column "${name}"`,
          hint: 'use f_classif for signed features, or scale to [0, 1] with minmax first',
        },
      );
    }
  }
  for (let i = 0; i < n; i++) {
    const k = y.codes[i];
    counts[k]++;
    for (let j = 0; j < d; j++) observed[k * d + j] += data[i * d + j];
  }
  // sklearn's one-hot label matrix has a column only per class present in y.
  const present = Array.from(counts.keys()).filter((k) => counts[k] > 0);
  const scores = new Float64Array(d);
  const pValues = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    let total = 0;
    for (const k of present) total += observed[k * d + j];
    let statistic = 0;
    for (const k of present) {
      const expected = (counts[k] / n) * total;
      statistic += (observed[k * d + j] - expected) ** 2 / expected;
    }
    scores[j] = statistic;
    pValues[j] = chiSquaredSurvival(statistic, present.length - 1);
  }
  return { scores, pValues };
}

export function checkShapes(X: Features, y: Labels): void {
  if (X.rows !== y.codes.length) {
    throw new ModeldebugError('shape_mismatch', `X has ${X.rows} rows but y has ${y.codes.length} labels`);
  }
}
