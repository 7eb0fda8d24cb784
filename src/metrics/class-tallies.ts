import { countCodes } from './check-inputs.js';

/** Per-label sufficient statistics of precision/recall (one entry per requested label). */
export interface ClassTallies {
  readonly truePositives: Float64Array;
  /** Rows predicted as the label (tp + fp). */
  readonly predicted: Float64Array;
  /** Rows truly of the label (tp + fn), sklearn's `support`. */
  readonly actual: Float64Array;
}

/** Counts over all codes, then picks `labels` in order (sklearn's multilabel_confusion_matrix path). */
export function classTallies(
  yTrue: Int32Array,
  yPred: Int32Array,
  nLabels: number,
  labels: Int32Array,
): ClassTallies {
  const tp = new Float64Array(nLabels);
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) tp[yTrue[i]]++;
  const predictedAll = countCodes(yPred, nLabels);
  const actualAll = countCodes(yTrue, nLabels);
  const pick = (all: Float64Array) => Float64Array.from(labels, (code) => all[code]);
  return { truePositives: pick(tp), predicted: pick(predictedAll), actual: pick(actualAll) };
}
