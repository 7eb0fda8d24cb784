import { pairedGain } from '../../metrics/paired-gain.js';
import type { CurvePoint } from '../../selection/curve-scores.js';
import { formatGain, formatPoints } from '../findings/format-points.js';

export type CurveDiagnosis = 'high-variance' | 'high-bias' | 'more-data' | 'converged' | 'inconclusive';

export interface CurveVerdict {
  readonly diagnosis: CurveDiagnosis;
  /** The finding in plain words. */
  readonly summary: string;
  /** What to do next, with the number that backs it. */
  readonly nextStep: string;
  readonly evidence: {
    /** Train minus CV score at the largest size, in percentage points. */
    readonly gapPp?: number;
    /** CV score change over the last step of sizes, in percentage points. */
    readonly lastGainPp?: number;
    readonly trainScore?: number;
    readonly testScore?: number;
  };
}

/** Thresholds in percentage points of the score; chosen for scores in [0, 1] (accuracy, F1, AUC). */
export const VERDICT_THRESHOLDS = {
  /** A train–CV gap this large means the model fits noise (high variance). */
  varianceGapPp: 5,
  /** Below this gap the two curves have met. */
  smallGapPp: 2,
  /** A last-step CV gain this large means the curve is still climbing. */
  risingGainPp: 1,
  /** Train scores below this with a small gap mean the model cannot fit the data (high bias). */
  biasTrainScore: 0.9,
} as const;

const pp = (value: number) => `${value.toFixed(1)} pp`;
/** A change in points, signed and never "0.0" or "-0.0". */
const change = (points: number) => formatPoints(points / 100);
const score = (value: number) => value.toFixed(4);

/**
 * Reads a learning curve the way a practitioner does: a wide train–CV gap is overfitting, low and close
 * curves are underfitting, a CV curve still climbing at the largest size means more data would help,
 * and close, flat curves have converged. Sizes whose fits failed are skipped.
 */
export function learningCurveVerdict(
  trainSizes: readonly number[],
  points: readonly CurvePoint[],
  scoring: string,
): CurveVerdict {
  const valid = points
    .map((point, k) => ({ size: trainSizes[k], train: point.trainMean, test: point.testMean }))
    .filter(
      (point): point is { size: number; train: number; test: number } =>
        point.train !== null && point.test !== null,
    );
  if (valid.length === 0) {
    return {
      diagnosis: 'inconclusive',
      summary: 'every fit failed, so the curve says nothing',
      nextStep:
        'read the fit errors and fix them first (a training subset with one class is the usual cause: use larger --sizes)',
      evidence: {},
    };
  }
  const last = valid[valid.length - 1];
  const previous = valid.length > 1 ? valid[valid.length - 2] : undefined;
  const gapPp = (last.train - last.test) * 100;
  const lastGainPp = previous ? (last.test - previous.test) * 100 : undefined;
  const evidence = { gapPp, lastGainPp, trainScore: last.train, testScore: last.test };
  const rising = lastGainPp !== undefined && lastGainPp >= VERDICT_THRESHOLDS.risingGainPp;
  const growth = previous
    ? `CV ${scoring} changed by ${change(lastGainPp ?? 0)} from ${previous.size} to ${last.size} training rows`
    : '';

  if (gapPp >= VERDICT_THRESHOLDS.varianceGapPp) {
    return {
      diagnosis: 'high-variance',
      summary: `high variance (overfitting): train ${scoring} ${score(last.train)} vs CV ${score(last.test)}, a gap of ${pp(gapPp)} at ${last.size} rows`,
      nextStep: rising
        ? `more data would help (${growth}); meanwhile make the model simpler or use fewer features`
        : `make the model simpler or use fewer features: the ${pp(gapPp)} gap is not closing with more rows`,
      evidence,
    };
  }
  if (rising) {
    return {
      diagnosis: 'more-data',
      summary: `the CV score is still climbing at the largest size (${growth})`,
      nextStep: `more data would help: ${growth}, and the train–CV gap is only ${pp(gapPp)}`,
      evidence,
    };
  }
  if (gapPp < VERDICT_THRESHOLDS.smallGapPp && last.train < VERDICT_THRESHOLDS.biasTrainScore) {
    return {
      diagnosis: 'high-bias',
      summary: `high bias (underfitting): train ${scoring} ${score(last.train)} and CV ${score(last.test)} are close (${pp(gapPp)}) and low`,
      nextStep: `use a more flexible model, or more or better features; more rows will not help${previous ? ` (${growth})` : ''}`,
      evidence,
    };
  }
  return {
    diagnosis: 'converged',
    summary: `converged: CV ${scoring} ${score(last.test)}, a train–CV gap of ${pp(gapPp)}${previous ? `, ${growth}` : ''}`,
    nextStep:
      'more rows of the same kind will not move the score; look at the errors (slices, labels) or new features',
    evidence,
  };
}

export interface ValidationVerdict {
  readonly bestValue: unknown;
  readonly bestScore: number;
  readonly summary: string;
  readonly nextStep: string;
  /** The best value's paired gain over the current one (same folds); null when it is the current one. */
  readonly gain: { readonly mean: number; readonly low: number; readonly high: number } | null;
  /** The gain's 95 % interval lies above zero: only then does `nextStep` recommend the change. */
  readonly verified: boolean;
}

/**
 * Reads a validation curve: the value with the best CV score (ties to the first) and its paired gain over
 * the current value on the same folds. The change is recommended only when the gain's 95 % interval is
 * above zero. For C, smaller is stronger regularization.
 */
export function validationCurveVerdict(
  param: string,
  values: readonly unknown[],
  points: readonly CurvePoint[],
  scoring: string,
  current?: unknown,
): ValidationVerdict | undefined {
  let best = -1;
  for (const [k, point] of points.entries()) {
    if (point.testMean !== null && (best < 0 || point.testMean > (points[best].testMean as number))) best = k;
  }
  if (best < 0) return undefined;
  const bestPoint = points[best];
  const bestScore = bestPoint.testMean as number;
  const name = param.slice(param.lastIndexOf('.') + 1);
  const gapPp = ((bestPoint.trainMean ?? bestScore) - bestScore) * 100;
  const summary = `best ${param}=${String(values[best])}: CV ${scoring} ${score(bestScore)} (train–CV gap ${pp(gapPp)})`;
  const currentIndex = values.indexOf(current);
  const reference = currentIndex >= 0 ? currentIndex : worstIndex(points);
  const referenceScore = points[reference].testMean;
  if (reference === best || referenceScore === null) {
    return {
      bestValue: values[best],
      bestScore,
      summary,
      nextStep: `keep ${param}=${String(values[best])}: no value tried scores higher`,
      gain: null,
      verified: false,
    };
  }
  const gain = pairedGain(bestPoint.testScores, points[reference].testScores) ?? {
    mean: bestScore - referenceScore,
    low: Number.NEGATIVE_INFINITY,
    high: Number.POSITIVE_INFINITY,
  };
  const verified = Number.isFinite(gain.low) && gain.low > 0;
  const direction =
    name === 'C' && typeof values[reference] === 'number' && typeof values[best] === 'number'
      ? (values[best] as number) < (values[reference] as number)
        ? 'stronger regularization: '
        : 'weaker regularization: '
      : '';
  const versus =
    currentIndex >= 0 ? `the current ${param}=${String(current)}` : `${param}=${String(values[reference])}`;
  const measured = `${param}=${String(values[best])} changed CV ${scoring} by ${formatGain(gain)} over ${versus} (${score(referenceScore)} → ${score(bestScore)})`;
  return {
    bestValue: values[best],
    bestScore,
    summary,
    nextStep: verified
      ? `${direction}${measured}`
      : `${measured}: within fold-to-fold noise, so no value is shown to beat ${versus}`,
    gain,
    verified,
  };
}

function worstIndex(points: readonly CurvePoint[]): number {
  let worst = 0;
  for (const [k, point] of points.entries()) {
    if (
      point.testMean !== null &&
      (points[worst].testMean === null || point.testMean < (points[worst].testMean as number))
    )
      worst = k;
  }
  return worst;
}
