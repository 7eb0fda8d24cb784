import { ModeldebugError } from '../core/errors.js';
import type { Matrix } from '../core/matrix.js';
import { checkCodePair, checkCodes, checkProbaRows } from './check-inputs.js';
import { resolvePosLabel } from './roc-curve.js';

/**
 * One bin of a reliability diagram: confidences in (low, high], the first bin also taking 0 — sklearn puts
 * a value on an inner edge into the lower bin.
 */
export interface ReliabilityBin {
  readonly low: number;
  readonly high: number;
  readonly count: number;
  /** Mean predicted probability (binary) or top-label confidence (multiclass) in the bin; NaN when empty. */
  readonly meanConfidence: number;
  /** Fraction of positives (binary) or of correct predictions (top-label); NaN when empty. */
  readonly accuracy: number;
}

export interface Calibration {
  /** `binary`: P(positive) against the positive rate; `top-label`: max probability against accuracy. */
  readonly kind: 'binary' | 'top-label';
  readonly nBins: number;
  /** Expected calibration error Σ_b (n_b / n)·|accuracy_b − confidence_b| over uniform bins. */
  readonly ece: number;
  /** Maximum calibration error: the largest |accuracy_b − confidence_b| over non-empty bins. */
  readonly mce: number;
  /** Every bin, empty ones included (count 0), so a diagram keeps its axis. */
  readonly bins: readonly ReliabilityBin[];
}

export interface CalibrationOptions {
  /** Uniform bins over [0, 1]; default 10. */
  readonly nBins?: number;
}

/**
 * Calibration of a binary classifier's P(positive), binned as sklearn 1.2's
 * `calibration_curve(strategy='uniform')`: a value on an inner edge falls into the lower bin.
 */
export function binaryCalibration(
  yTrue: Int32Array,
  probPositive: Float64Array,
  nLabels: number,
  options: CalibrationOptions & { readonly posLabel?: number } = {},
): Calibration {
  checkProbaRows(yTrue, probPositive);
  checkCodes(yTrue, nLabels, 'yTrue');
  const positive = resolvePosLabel(yTrue, nLabels, options.posLabel);
  const outcome = new Float64Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) outcome[i] = yTrue[i] === positive ? 1 : 0;
  return binnedCalibration('binary', outcome, probPositive, options.nBins ?? 10);
}

/**
 * Top-label calibration of any classifier: the confidence of each row is the probability of the class it
 * predicted, the outcome is whether that prediction was right.
 */
export function topLabelCalibration(
  yTrue: Int32Array,
  yPred: Int32Array,
  proba: Matrix,
  options: CalibrationOptions = {},
): Calibration {
  checkCodePair(yTrue, yPred, proba.cols);
  checkProbaRows(yTrue, proba);
  const confidence = new Float64Array(yTrue.length);
  const outcome = new Float64Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) {
    confidence[i] = proba.data[i * proba.cols + yPred[i]];
    outcome[i] = yTrue[i] === yPred[i] ? 1 : 0;
  }
  return binnedCalibration('top-label', outcome, confidence, options.nBins ?? 10);
}

function binnedCalibration(
  kind: Calibration['kind'],
  outcome: Float64Array,
  confidence: Float64Array,
  nBins: number,
): Calibration {
  if (!Number.isInteger(nBins) || nBins < 1) {
    throw new ModeldebugError('invalid_param', `nBins must be a positive whole number, got ${nBins}`);
  }
  const n = confidence.length;
  if (n === 0) throw new ModeldebugError('invalid_argument', 'calibration needs at least one row');
  const sums = new Float64Array(nBins);
  const hits = new Float64Array(nBins);
  const counts = new Int32Array(nBins);
  for (let i = 0; i < n; i++) {
    const p = confidence[i];
    if (!(p >= 0 && p <= 1)) {
      throw new ModeldebugError('invalid_argument', `probability ${p} at row ${i} is outside [0, 1]`);
    }
    const b = uniformBin(p, nBins);
    sums[b] += p;
    hits[b] += outcome[i];
    counts[b]++;
  }
  const bins: ReliabilityBin[] = [];
  let ece = 0;
  let mce = 0;
  for (let b = 0; b < nBins; b++) {
    const count = counts[b];
    const meanConfidence = count === 0 ? Number.NaN : sums[b] / count;
    const accuracy = count === 0 ? Number.NaN : hits[b] / count;
    if (count > 0) {
      const gap = Math.abs(accuracy - meanConfidence);
      ece += (count / n) * gap;
      mce = Math.max(mce, gap);
    }
    bins.push({ low: edge(b, nBins), high: edge(b + 1, nBins), count, meanConfidence, accuracy });
  }
  return { kind, nBins, ece, mce, bins };
}

/** numpy's `linspace(0, 1, nBins + 1)[b]`. */
function edge(b: number, nBins: number): number {
  return b === nBins ? 1 : b * (1 / nBins);
}

/** `searchsorted(edges[1:-1], p, side='left')`: the number of inner edges strictly below p. */
export function uniformBin(p: number, nBins: number): number {
  let b = Math.min(nBins - 1, Math.floor(p * nBins));
  while (b > 0 && edge(b, nBins) >= p) b--;
  while (b < nBins - 1 && edge(b + 1, nBins) < p) b++;
  return b;
}
