import { type ErrorAnalysis, errorCommandRecords } from '../../analysis/index.js';
import type { StepSpec } from '../../catalog/index.js';
import type { BootstrapInterval } from '../../metrics/index.js';

export const ERRORS_JSON_SCHEMA_VERSION = 1;

/**
 * The `modeldebug errors --json` document: snake_case keys like `eval --json`; row numbers are 0-based
 * data-row indices (`row_index`); an empty calibration bin has null confidence and accuracy.
 */
export function errorAnalysisToJson(
  analysis: ErrorAnalysis,
  modelSpec: string,
  steps: readonly StepSpec[],
): unknown {
  const interval = (value: BootstrapInterval) => ({
    estimate: value.estimate,
    low: value.low,
    high: value.high,
  });
  const { bootstrap, calibration, baselineComparison } = analysis;
  return {
    schema: 'modeldebug.errors',
    schema_version: ERRORS_JSON_SCHEMA_VERSION,
    dataset: analysis.dataset,
    model: { spec: modelSpec, steps },
    protocol: analysis.protocol,
    error_count: analysis.errorCount,
    error_rate: analysis.errorRate,
    // Finding records: the file is analysed whole and unshuffled, so the analysis's rows are the file's.
    findings: errorCommandRecords(analysis, (row) => row),
    bootstrap: {
      confidence: bootstrap.confidence,
      n_boot: bootstrap.nBoot,
      seed: bootstrap.seed,
      accuracy: interval(bootstrap.accuracy),
      f1_macro: interval(bootstrap.f1Macro),
      f1_weighted: interval(bootstrap.f1Weighted),
    },
    baseline_comparison: baselineComparison && {
      baseline: baselineComparison.baseline,
      baseline_accuracy: baselineComparison.baselineAccuracy,
      model_accuracy: baselineComparison.modelAccuracy,
      mcnemar: {
        method: baselineComparison.mcnemar.method,
        statistic: baselineComparison.mcnemar.statistic,
        p_value: baselineComparison.mcnemar.pValue,
        only_model_correct: baselineComparison.mcnemar.onlyFirstCorrect,
        only_baseline_correct: baselineComparison.mcnemar.onlySecondCorrect,
        both_correct: baselineComparison.mcnemar.bothCorrect,
        both_wrong: baselineComparison.mcnemar.bothWrong,
      },
    },
    misclassified: analysis.misclassified.map((row) => ({
      row_index: row.row,
      true_label: row.trueLabel,
      predicted: row.predicted,
      confidence: row.confidence,
      true_label_probability: row.trueLabelProbability,
    })),
    confusion_pairs: analysis.confusionPairs.map((pair) => ({
      true_label: pair.trueLabel,
      predicted: pair.predicted,
      count: pair.count,
      share_of_errors: pair.shareOfErrors,
    })),
    weak_slices: {
      tested: analysis.slicesTested,
      significant: analysis.slicesSignificant,
      slices: analysis.weakSlices.map((slice) => ({
        conditions: slice.conditions,
        support: slice.support,
        errors: slice.errors,
        error_rate: slice.errorRate,
        ci: slice.ci,
        lift: slice.lift,
        p_value: slice.pValue,
        q_value: slice.qValue,
      })),
    },
    suspected_label_errors: {
      thresholds: analysis.labelThresholds,
      rows: analysis.suspectedLabelErrors.map((suspect) => ({
        row_index: suspect.row,
        given_label: suspect.givenLabel,
        suggested_label: suspect.suggestedLabel,
        given_label_probability: suspect.givenLabelProbability,
        suggested_label_probability: suspect.suggestedLabelProbability,
        margin: suspect.margin,
      })),
    },
    text_clusters: analysis.textClusters.map((cluster) => ({
      column: cluster.column,
      size: cluster.size,
      top_terms: cluster.topTerms,
      example_row_indices: cluster.exampleRows,
      example_texts: cluster.exampleTexts,
    })),
    curves: analysis.curves.map((curve) => ({
      label: curve.label,
      roc: { fpr: Array.from(curve.roc.fpr), tpr: Array.from(curve.roc.tpr), auc: curve.roc.auc },
      pr: {
        precision: Array.from(curve.pr.precision),
        recall: Array.from(curve.pr.recall),
        average_precision: curve.pr.averagePrecision,
      },
    })),
    calibration: {
      kind: calibration.kind,
      n_bins: calibration.nBins,
      ece: calibration.ece,
      mce: calibration.mce,
      bins: calibration.bins.map((bin) => ({
        low: bin.low,
        high: bin.high,
        count: bin.count,
        mean_confidence: bin.count === 0 ? null : bin.meanConfidence,
        accuracy: bin.count === 0 ? null : bin.accuracy,
      })),
    },
    warnings: analysis.warnings,
  };
}
