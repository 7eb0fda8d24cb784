import { contentFreeDistribution, contextualCalibration } from './contextual-calibration.js';
import { OUTCOME_CODE } from './llm-outcome.js';
import type { LlmPrediction } from './predict-rows.js';

/**
 * A prediction with contextual calibration applied: the labelled rows' probabilities divided by the
 * content-free distribution and renormalised, and their labels re-chosen by the argmax. Rows without a
 * label keep the training prior. Vote shares (sampled answers) get half a pseudo-vote per class in the
 * content-free distribution. Unchanged, with a warning, when no content-free input got a label.
 */
export function calibratePrediction(prediction: LlmPrediction, contentFree: LlmPrediction): LlmPrediction {
  const nClasses = prediction.proba.cols;
  const answered = [...contentFree.outcomes.keys()].filter(
    (row) => contentFree.outcomes[row] === OUTCOME_CODE.label,
  );
  if (answered.length === 0) {
    return {
      ...prediction,
      warnings: [
        ...prediction.warnings,
        {
          code: 'llm_content_free_unanswered',
          message:
            'no content-free input ("N/A", "", "[MASK]") got a label, so the answers were not calibrated',
        },
      ],
    };
  }
  const rows = new Float64Array(answered.length * nClasses);
  answered.forEach((row, r) => {
    rows.set(contentFree.proba.data.subarray(row * nClasses, (row + 1) * nClasses), r * nClasses);
  });
  const fromVotes = contentFree.probabilitySource.samples > 0;
  const reference = contentFreeDistribution(
    rows,
    nClasses,
    fromVotes ? { samples: contentFree.samples, pseudoVotes: 0.5 } : undefined,
  );
  const calibrated = contextualCalibration(Float64Array.from(prediction.proba.data), reference);
  const proba = Float64Array.from(prediction.proba.data);
  const predicted = Int32Array.from(prediction.predicted);
  for (let row = 0; row < prediction.predicted.length; row++) {
    if (prediction.outcomes[row] !== OUTCOME_CODE.label) continue;
    let best = 0;
    for (let k = 0; k < nClasses; k++) {
      proba[row * nClasses + k] = calibrated[row * nClasses + k];
      if (calibrated[row * nClasses + k] > calibrated[row * nClasses + best]) best = k;
    }
    predicted[row] = best;
  }
  return {
    ...prediction,
    predicted,
    proba: { rows: prediction.proba.rows, cols: nClasses, data: proba },
    contentFreeProba: Array.from(reference),
  };
}
