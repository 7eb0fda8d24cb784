import type { ErrorAnalysis } from './error-analysis-types.js';
import { confidentMistakes } from './findings.js';

/** McNemar's p below which the model counts as beating the most-frequent-class baseline. */
const BEATS_BASELINE_P = 0.05;

/**
 * The analysis with no suspected label errors when its model has not shown it beats the baseline
 * (most-frequent class, same folds, McNemar): confident learning reads a label as doubtful where the
 * model confidently disagrees with it, and a model at chance — an underfit linear model on XOR-like
 * data — disagrees with a third of the rows whatever their labels. Its errors then stay errors: the
 * rows it would have suspected go back to the confident mistakes.
 */
export function withLabelErrorsGated(analysis: ErrorAnalysis): ErrorAnalysis {
  const comparison = analysis.baselineComparison;
  if (comparison === undefined || analysis.suspectedLabelErrors.length === 0) return analysis;
  const beatsBaseline =
    comparison.modelAccuracy > comparison.baselineAccuracy && comparison.mcnemar.pValue < BEATS_BASELINE_P;
  if (beatsBaseline) return analysis;
  return {
    ...analysis,
    suspectedLabelErrors: [],
    confidentMistakes: confidentMistakes(analysis.misclassified, []),
    estimatedLabelErrors: 0,
  };
}
