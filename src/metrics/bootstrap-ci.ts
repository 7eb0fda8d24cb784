import { ModeldebugError } from '../core/errors.js';
import { createRng } from '../core/rng.js';
import { checkCodePair } from './check-inputs.js';

/** A point estimate on all rows and its percentile-bootstrap interval. */
export interface BootstrapInterval {
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
}

export interface BootstrapCis {
  readonly confidence: number;
  readonly nBoot: number;
  readonly seed: number;
  readonly accuracy: BootstrapInterval;
  readonly f1Macro: BootstrapInterval;
  readonly f1Weighted: BootstrapInterval;
}

export interface BootstrapOptions {
  /** Resamples; default 1000. */
  readonly nBoot?: number;
  /** Two-sided coverage; default 0.95. */
  readonly confidence?: number;
  readonly seed?: number;
  /**
   * Labels `macroLabels` and up are predictions that are no class (an LLM's unparseable rows): wrong in
   * accuracy and a miss in recall, but left out of the macro average, as sklearn's `labels=classes`
   * leaves them. Default: every label is a class.
   */
  readonly macroLabels?: number;
}

/** Accuracy and F1 of one set of rows (sklearn's f1_score over the labels present in it). */
export interface ResampleScores {
  readonly accuracy: number;
  readonly f1Macro: number;
  readonly f1Weighted: number;
}

/**
 * Percentile bootstrap: draw n rows with replacement `nBoot` times (seeded), score each resample and take
 * the (1 − confidence)/2 and (1 + confidence)/2 percentiles (numpy's linear interpolation). Each resample
 * reuses one confusion buffer, so the loop allocates nothing per row.
 */
export function bootstrapCi(
  yTrue: Int32Array,
  yPred: Int32Array,
  nLabels: number,
  options: BootstrapOptions = {},
): BootstrapCis {
  checkCodePair(yTrue, yPred, nLabels);
  const nBoot = options.nBoot ?? 1000;
  const confidence = options.confidence ?? 0.95;
  const seed = options.seed ?? 0;
  const macroLabels = options.macroLabels ?? nLabels;
  if (!Number.isInteger(nBoot) || nBoot < 1) {
    throw new ModeldebugError('invalid_param', `nBoot must be a positive whole number, got ${nBoot}`);
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new ModeldebugError('invalid_param', `confidence must lie in (0, 1), got ${confidence}`);
  }
  const n = yTrue.length;
  if (n === 0) throw new ModeldebugError('invalid_argument', 'cannot bootstrap an empty set of rows');
  const rng = createRng(seed);
  const confusion = new Float64Array(nLabels * nLabels);
  const accuracies = new Float64Array(nBoot);
  const macros = new Float64Array(nBoot);
  const weighteds = new Float64Array(nBoot);
  for (let b = 0; b < nBoot; b++) {
    confusion.fill(0);
    for (let r = 0; r < n; r++) {
      const i = rng.int(n);
      confusion[yTrue[i] * nLabels + yPred[i]]++;
    }
    const scores = scoresFromConfusion(confusion, nLabels, macroLabels);
    accuracies[b] = scores.accuracy;
    macros[b] = scores.f1Macro;
    weighteds[b] = scores.f1Weighted;
  }
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const estimate = resampleScores(yTrue, yPred, nLabels, all, macroLabels);
  const lowQ = ((1 - confidence) / 2) * 100;
  const highQ = ((1 + confidence) / 2) * 100;
  const interval = (point: number, values: Float64Array): BootstrapInterval => {
    values.sort();
    return { estimate: point, low: percentile(values, lowQ), high: percentile(values, highQ) };
  };
  return {
    confidence,
    nBoot,
    seed,
    accuracy: interval(estimate.accuracy, accuracies),
    f1Macro: interval(estimate.f1Macro, macros),
    f1Weighted: interval(estimate.f1Weighted, weighteds),
  };
}

/** The scores of the rows `rows` (repeats allowed): one bootstrap resample, exposed for testing. */
export function resampleScores(
  yTrue: Int32Array,
  yPred: Int32Array,
  nLabels: number,
  rows: Int32Array,
  macroLabels = nLabels,
): ResampleScores {
  const confusion = new Float64Array(nLabels * nLabels);
  for (const i of rows) confusion[yTrue[i] * nLabels + yPred[i]]++;
  return scoresFromConfusion(confusion, nLabels, macroLabels);
}

/**
 * accuracy = Σ_k C_kk / n; F1_k = 2·C_kk / (row_k + col_k), 0 when the class has no rows either way;
 * macro averages over classes present in truth or prediction, weighted by each class's true support.
 */
function scoresFromConfusion(confusion: Float64Array, nLabels: number, macroLabels: number): ResampleScores {
  let total = 0;
  let correct = 0;
  let macroSum = 0;
  let present = 0;
  let weightedSum = 0;
  for (let k = 0; k < nLabels; k++) {
    let actual = 0;
    let predicted = 0;
    for (let j = 0; j < nLabels; j++) {
      actual += confusion[k * nLabels + j];
      predicted += confusion[j * nLabels + k];
    }
    const tp = confusion[k * nLabels + k];
    total += actual;
    correct += tp;
    if (actual + predicted === 0 || k >= macroLabels) continue;
    const f1 = (2 * tp) / (actual + predicted);
    present++;
    macroSum += f1;
    weightedSum += f1 * actual;
  }
  return {
    accuracy: correct / total,
    f1Macro: present === 0 ? 0 : macroSum / present,
    f1Weighted: total === 0 ? 0 : weightedSum / total,
  };
}

/**
 * numpy's default `percentile` (linear interpolation) of an ascending array, including numpy's `_lerp`
 * trick of interpolating from the upper neighbour when the fraction is ≥ 0.5 (so results match bit for bit).
 */
export function percentile(sorted: Float64Array, q: number): number {
  const position = (q / 100) * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  const t = position - below;
  const a = sorted[below];
  const b = sorted[above];
  return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
}
