import { ModeldebugError } from '../core/errors.js';
import { checkCodePair, presentLabels, resolveLabels } from './check-inputs.js';
import { type ClassTallies, classTallies } from './class-tallies.js';
import type { MetricWarning } from './metric-warning.js';
import { mean, pairwiseSum, weightedAverage } from './pairwise-sum.js';

/** sklearn's `zero_division`: 'warn' substitutes 0 and records a warning; 0 and 1 substitute silently. */
export type ZeroDivision = 'warn' | 0 | 1;
export type PrfAverage = 'binary' | 'micro' | 'macro' | 'weighted';
export type PrfMetricName = 'precision' | 'recall' | 'f-score';

export interface PrfOptions {
  /** Codes to score, in order (sklearn's `labels=`); default every code in [0, nLabels). */
  readonly labels?: ArrayLike<number>;
  /** Weight of recall in F-beta; 1 gives F1, Infinity gives recall. */
  readonly beta?: number;
  readonly zeroDivision?: ZeroDivision;
  /** Which ill-defined metrics warn (sklearn's `warn_for`); `['f-score']` is what `f1_score` passes. */
  readonly warnFor?: readonly PrfMetricName[];
}

export interface AveragedPrfOptions extends PrfOptions {
  readonly average: PrfAverage;
  /** The positive code for average 'binary' (sklearn's `pos_label`, default 1). */
  readonly posLabel?: number;
}

export interface PerClassPrf {
  readonly labels: Int32Array;
  readonly precision: Float64Array;
  readonly recall: Float64Array;
  readonly fScore: Float64Array;
  readonly support: Float64Array;
  readonly warnings: readonly MetricWarning[];
}

export interface AveragedPrf {
  readonly precision: number;
  readonly recall: number;
  readonly fScore: number;
  readonly warnings: readonly MetricWarning[];
}

const ALL_METRICS: readonly PrfMetricName[] = ['precision', 'recall', 'f-score'];

/** Precision tp/(tp+fp), recall tp/(tp+fn), F-beta and support for each label (`average=None`). */
export function precisionRecallFScorePerClass(
  yTrue: Int32Array,
  yPred: Int32Array,
  nLabels: number,
  options: PrfOptions = {},
): PerClassPrf {
  checkCodePair(yTrue, yPred, nLabels);
  const labels = resolveLabels(options.labels, nLabels);
  const tallies = classTallies(yTrue, yPred, nLabels, labels);
  const scores = divideTallies(tallies, options);
  return { labels, ...scores, support: tallies.actual };
}

/** Averaged precision, recall and F-beta (sklearn's `precision_recall_fscore_support` with `average`). */
export function precisionRecallFScore(
  yTrue: Int32Array,
  yPred: Int32Array,
  nLabels: number,
  options: AveragedPrfOptions,
): AveragedPrf {
  checkCodePair(yTrue, yPred, nLabels);
  const { average } = options;
  const labels =
    average === 'binary'
      ? binaryLabels(yTrue, yPred, nLabels, options.posLabel ?? 1)
      : resolveLabels(options.labels, nLabels);
  let tallies = classTallies(yTrue, yPred, nLabels, labels);
  if (average === 'micro') {
    tallies = {
      truePositives: Float64Array.of(pairwiseSum(tallies.truePositives)),
      predicted: Float64Array.of(pairwiseSum(tallies.predicted)),
      actual: Float64Array.of(pairwiseSum(tallies.actual)),
    };
  }
  const scores = divideTallies(tallies, options);
  if (average === 'weighted') {
    const weights = tallies.actual;
    if (pairwiseSum(weights) === 0) return emptyWeightedResult(tallies, options, scores.warnings);
    return {
      precision: weightedAverage(scores.precision, weights),
      recall: weightedAverage(scores.recall, weights),
      fScore: weightedAverage(scores.fScore, weights),
      warnings: scores.warnings,
    };
  }
  return {
    precision: mean(scores.precision),
    recall: mean(scores.recall),
    fScore: mean(scores.fScore),
    warnings: scores.warnings,
  };
}

/** sklearn decides 'binary' from the labels present, whatever nLabels says. */
function binaryLabels(yTrue: Int32Array, yPred: Int32Array, nLabels: number, posLabel: number): Int32Array {
  const present = Array.from(presentLabels(yTrue, yPred, nLabels));
  if (present.length > 2) {
    throw new ModeldebugError(
      'invalid_argument',
      "Target is multiclass but average='binary'. Please choose another average setting, one of [None, 'micro', 'macro', 'weighted'].",
    );
  }
  if (!present.includes(posLabel) && present.length >= 2) {
    throw new ModeldebugError(
      'invalid_argument',
      `pos_label=${posLabel} is not a valid label. It should be one of [${present.join(', ')}]`,
    );
  }
  if (!Number.isInteger(posLabel) || posLabel < 0 || posLabel >= nLabels) {
    throw new ModeldebugError('unknown_label', `posLabel ${posLabel} is outside [0, ${nLabels})`);
  }
  return Int32Array.of(posLabel);
}

interface DividedScores {
  readonly precision: Float64Array;
  readonly recall: Float64Array;
  readonly fScore: Float64Array;
  readonly warnings: readonly MetricWarning[];
}

/**
 * p = tp/pred, r = tp/true, F = (1+β²)·p·r / (β²·p + r) with a zero denominator read as 1, so F of a
 * never-predicted class is 0 even when zero_division=1 gives it p = 1.
 */
function divideTallies(tallies: ClassTallies, options: PrfOptions): DividedScores {
  const zeroDivision = options.zeroDivision ?? 'warn';
  const warnFor = options.warnFor ?? ALL_METRICS;
  const beta = options.beta ?? 1;
  if (!(beta >= 0)) throw new ModeldebugError('invalid_argument', 'beta should be >=0 in the F-beta score');
  const warnings: MetricWarning[] = [];
  const { truePositives, predicted, actual } = tallies;
  const size = truePositives.length;
  const precision = divide(
    truePositives,
    predicted,
    'precision',
    'predicted',
    zeroDivision,
    warnFor,
    warnings,
  );
  const recall = divide(truePositives, actual, 'recall', 'true', zeroDivision, warnFor, warnings);
  if (zeroDivision === 'warn' && warnFor.length === 1 && warnFor[0] === 'f-score') {
    let neither = false;
    for (let k = 0; k < size; k++) if (actual[k] === 0 && predicted[k] === 0) neither = true;
    if (neither) {
      warnings.push(prfWarning('ill_defined_f_score', 'F-score is', 'true nor predicted', size));
    }
  }
  const fScore = new Float64Array(size);
  const beta2 = beta * beta;
  for (let k = 0; k < size; k++) {
    if (beta === Number.POSITIVE_INFINITY) {
      fScore[k] = recall[k];
      continue;
    }
    const denominator = beta2 * precision[k] + recall[k];
    fScore[k] = ((1 + beta2) * precision[k] * recall[k]) / (denominator === 0 ? 1 : denominator);
  }
  return { precision, recall, fScore, warnings };
}

function divide(
  numerator: Float64Array,
  denominator: Float64Array,
  metric: 'precision' | 'recall',
  modifier: 'predicted' | 'true',
  zeroDivision: ZeroDivision,
  warnFor: readonly PrfMetricName[],
  warnings: MetricWarning[],
): Float64Array {
  const result = new Float64Array(numerator.length);
  let anyZero = false;
  for (let k = 0; k < result.length; k++) {
    if (denominator[k] === 0) {
      anyZero = true;
      result[k] = zeroDivision === 1 ? 1 : 0;
    } else {
      result[k] = numerator[k] / denominator[k];
    }
  }
  if (anyZero && zeroDivision === 'warn' && warnFor.includes(metric)) {
    const title = metric === 'precision' ? 'Precision' : 'Recall';
    const start = warnFor.includes('f-score') ? `${title} and F-score are` : `${title} is`;
    const code = metric === 'precision' ? 'ill_defined_precision' : 'ill_defined_recall';
    warnings.push(prfWarning(code, start, modifier, result.length));
  }
  return result;
}

function prfWarning(
  code: MetricWarning['code'],
  start: string,
  modifier: string,
  resultSize: number,
): MetricWarning {
  // sklearn says "due to" when a single value is reported (micro, binary) and "in labels with" otherwise.
  const where = resultSize === 1 ? 'due to' : 'in labels with';
  return {
    code,
    category: 'UndefinedMetricWarning',
    message: `${start} ill-defined and being set to 0.0 ${where} no ${modifier} samples. Use \`zero_division\` parameter to control this behavior.`,
  };
}

/** sklearn's early return for average='weighted' when no label has a true row. */
function emptyWeightedResult(
  tallies: ClassTallies,
  options: PrfOptions,
  warnings: readonly MetricWarning[],
): AveragedPrf {
  const substitute = options.zeroDivision === 1 ? 1 : 0;
  if (pairwiseSum(tallies.predicted) === 0) {
    return { precision: substitute, recall: substitute, fScore: substitute, warnings };
  }
  return { precision: 0, recall: substitute, fScore: 0, warnings };
}
