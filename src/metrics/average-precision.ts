import { ModeldebugError } from '../core/errors.js';
import { binaryClfCurve, positiveMask } from './binary-clf-curve.js';
import { checkCodes, checkProbaRows, presentLabels } from './check-inputs.js';
import type { MetricWarning, Scored } from './metric-warning.js';
import { pairwiseSum } from './pairwise-sum.js';
import { resolvePosLabel } from './roc-curve.js';

export interface PrecisionRecallCurve {
  /** Ends with 1 (recall 0), as sklearn's. */
  readonly precision: Float64Array;
  /** Decreasing, ends with 0. */
  readonly recall: Float64Array;
  /** Increasing distinct scores; one shorter than precision and recall. */
  readonly thresholds: Float64Array;
  readonly warnings: readonly MetricWarning[];
}

export function precisionRecallCurve(
  yTrue: Int32Array,
  scores: Float64Array,
  nLabels: number,
  options: { readonly posLabel?: number } = {},
): PrecisionRecallCurve {
  checkProbaRows(yTrue, scores);
  checkCodes(yTrue, nLabels, 'yTrue');
  const positive = resolvePosLabel(yTrue, nLabels, options.posLabel);
  const { fps, tps, thresholds } = binaryClfCurve(positiveMask(yTrue, positive), scores);
  const m = tps.length;
  const precision = new Float64Array(m + 1);
  const recall = new Float64Array(m + 1);
  const reversedThresholds = new Float64Array(m);
  const positives = tps[m - 1];
  const warnings: MetricWarning[] = [];
  if (positives === 0) {
    warnings.push({
      code: 'no_positive_samples',
      category: 'UserWarning',
      message: 'No positive class found in y_true, recall is set to one for all thresholds.',
    });
  }
  for (let i = 0; i < m; i++) {
    const from = m - 1 - i;
    const predicted = tps[from] + fps[from];
    precision[i] = predicted === 0 ? 0 : tps[from] / predicted;
    recall[i] = positives === 0 ? 1 : tps[from] / positives;
    reversedThresholds[i] = thresholds[from];
  }
  precision[m] = 1;
  recall[m] = 0;
  return { precision, recall, thresholds: reversedThresholds, warnings };
}

/**
 * AP = Σ_n (R_{n} − R_{n+1}) · P_n over the precision-recall curve (no interpolation), sklearn's
 * `average_precision_score` for a binary problem; `scores` rank the positive code.
 */
export function averagePrecision(
  yTrue: Int32Array,
  scores: Float64Array,
  nLabels: number,
  options: { readonly posLabel?: number } = {},
): Scored {
  checkCodes(yTrue, nLabels, 'yTrue');
  const present = presentLabels(yTrue, undefined, nLabels);
  if (present.length > 2) throw new ModeldebugError('invalid_argument', 'multiclass format is not supported');
  const posLabel = options.posLabel ?? 1;
  if (present.length === 2 && !present.includes(posLabel)) {
    throw new ModeldebugError(
      'invalid_argument',
      `pos_label=${posLabel} is not a valid label. It should be one of [${Array.from(present).join(', ')}]`,
    );
  }
  const curve = precisionRecallCurve(yTrue, scores, nLabels, { posLabel });
  const { precision, recall } = curve;
  const steps = new Float64Array(recall.length - 1);
  for (let i = 0; i < steps.length; i++) steps[i] = (recall[i + 1] - recall[i]) * precision[i];
  return { value: -pairwiseSum(steps), warnings: curve.warnings };
}
