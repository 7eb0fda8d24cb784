import type { Labels } from '../../../core/labels.js';
import { contextualCalibration } from '../../../models/llm-classifier/contextual-calibration.js';
import { probabilitiesFromScores } from '../../../models/llm-classifier/label-scores.js';
import type { CalibrationInputs } from './calibration-out-of-fold.js';
import { fitLabelBias } from './fit-label-bias.js';

export type CalibrationMethod = 'as-configured' | 'label-scores' | 'contextual' | 'bias';

/** One way of turning the answers into labels, out of fold: codes (-1 = no label) and probabilities. */
export interface MethodPrediction {
  readonly method: CalibrationMethod;
  readonly predicted: Int32Array;
  readonly proba: Float64Array;
}

export interface CalibratedPredictions {
  readonly methods: readonly MethodPrediction[];
  /** Methods that could not run, and why. */
  readonly skipped: readonly { readonly method: CalibrationMethod; readonly reason: string }[];
  /** The bias fitted on every scored row (what `label_bias` should be set to); null without scores. */
  readonly labelBias: Float64Array | null;
  /** The bias fitted on each fold's training rows, in fold order. */
  readonly foldBias: readonly Float64Array[];
}

/**
 * The classifier's answers as configured and under each calibration, each applied out of fold: the
 * contextual one divides by the content-free distribution of the fold's own fitted prompt, and the bias
 * correction is fitted on the scored rows of the other folds only, then applied to this fold's rows.
 * Label scoring alone (the argmax of the label scores) is its own method when the classifier parses.
 */
export function calibratedPredictions(
  inputs: CalibrationInputs,
  y: Labels,
  configuredScoring: 'parse' | 'logprob',
): CalibratedPredictions {
  const nClasses = y.classes.length;
  const n = inputs.predicted.length;
  const base = (inputs.basis === 'logprob' ? scoreProbabilities(inputs) : inputs.proba).slice();
  const methods: MethodPrediction[] = [
    { method: 'as-configured', predicted: inputs.predicted, proba: inputs.proba },
  ];
  const skipped: CalibratedPredictions['skipped'][number][] = [];
  const rescaled = (method: CalibrationMethod, rowProba: (row: number) => Float64Array | null) => {
    const predicted = Int32Array.from(inputs.predicted);
    const proba = Float64Array.from(inputs.proba);
    for (let row = 0; row < n; row++) {
      const p = inputs.calibratable[row] ? rowProba(row) : null;
      if (!p) continue;
      proba.set(p, row * nClasses);
      predicted[row] = argmax(p);
    }
    methods.push({ method, predicted, proba });
  };
  const baseRow = (row: number) => base.subarray(row * nClasses, (row + 1) * nClasses);
  if (inputs.basis === 'logprob' && configuredScoring === 'parse') rescaled('label-scores', baseRow);
  if (inputs.contentFree.every((distribution) => distribution !== null)) {
    rescaled('contextual', (row) =>
      contextualCalibration(baseRow(row), inputs.contentFree[inputs.foldOf[row]]!),
    );
  } else {
    skipped.push({
      method: 'contextual',
      reason: 'no content-free input ("N/A", "", "[MASK]") got a label in some fold',
    });
  }
  if (inputs.basis !== 'logprob') {
    skipped.push({
      method: 'bias',
      reason: 'a per-class bias is fitted on label logprobs, and there are none',
    });
    return { methods, skipped, labelBias: null, foldBias: [] };
  }
  const scored = [...inputs.calibratable.keys()].filter((row) => inputs.calibratable[row] === 1);
  const nFolds = Math.max(...inputs.foldOf) + 1;
  const foldBias = Array.from({ length: nFolds }, (_, f) =>
    fitLabelBias(
      inputs.scores,
      y.codes,
      scored.filter((row) => inputs.foldOf[row] !== f),
      nClasses,
    ),
  );
  rescaled('bias', (row) => {
    const bias = foldBias[inputs.foldOf[row]];
    return probabilitiesFromScores(
      inputs.scores.subarray(row * nClasses, (row + 1) * nClasses).map((score, k) => score + bias[k]),
    );
  });
  return { methods, skipped, labelBias: fitLabelBias(inputs.scores, y.codes, scored, nClasses), foldBias };
}

function scoreProbabilities(inputs: CalibrationInputs): Float64Array {
  const nClasses = inputs.proba.length / inputs.predicted.length;
  const proba = Float64Array.from(inputs.proba);
  for (let row = 0; row < inputs.predicted.length; row++) {
    if (!inputs.calibratable[row]) continue;
    proba.set(
      probabilitiesFromScores(inputs.scores.subarray(row * nClasses, (row + 1) * nClasses)),
      row * nClasses,
    );
  }
  return proba;
}

function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let k = 1; k < values.length; k++) if (values[k] > values[best]) best = k;
  return best;
}
