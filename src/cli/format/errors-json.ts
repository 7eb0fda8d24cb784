import { type ErrorAnalysis, errorCommandRecords } from '../../analysis/index.js';
import type { StepSpec } from '../../catalog/index.js';
import type { BootstrapInterval } from '../../metrics/index.js';

export const ERRORS_JSON_SCHEMA_VERSION = 2;

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
    version: ERRORS_JSON_SCHEMA_VERSION,
    dataset: analysis.dataset,
    model: { spec: modelSpec, steps },
    protocol: analysis.protocol,
    errorCount: analysis.errorCount,
    errorRate: analysis.errorRate,
    // Finding records: the file is analysed whole and unshuffled, so the analysis's rows are the file's.
    findings: errorCommandRecords(analysis, (row) => row),
    bootstrap: {
      confidence: bootstrap.confidence,
      nBoot: bootstrap.nBoot,
      seed: bootstrap.seed,
      accuracy: interval(bootstrap.accuracy),
      f1Macro: interval(bootstrap.f1Macro),
      f1Weighted: interval(bootstrap.f1Weighted),
    },
    baselineComparison: baselineComparison && {
      baseline: baselineComparison.baseline,
      baselineAccuracy: baselineComparison.baselineAccuracy,
      modelAccuracy: baselineComparison.modelAccuracy,
      mcnemar: {
        method: baselineComparison.mcnemar.method,
        statistic: baselineComparison.mcnemar.statistic,
        pValue: baselineComparison.mcnemar.pValue,
        onlyModelCorrect: baselineComparison.mcnemar.onlyFirstCorrect,
        onlyBaselineCorrect: baselineComparison.mcnemar.onlySecondCorrect,
        bothCorrect: baselineComparison.mcnemar.bothCorrect,
        bothWrong: baselineComparison.mcnemar.bothWrong,
      },
    },
    misclassified: analysis.misclassified.map((row) => ({
      rowIndex: row.row,
      trueLabel: row.trueLabel,
      predicted: row.predicted,
      confidence: row.confidence,
      trueLabelProbability: row.trueLabelProbability,
    })),
    confusionPairs: analysis.confusionPairs.map((pair) => ({
      trueLabel: pair.trueLabel,
      predicted: pair.predicted,
      count: pair.count,
      shareOfErrors: pair.shareOfErrors,
    })),
    weakSlices: {
      tested: analysis.slicesTested,
      significant: analysis.slicesSignificant,
      slices: analysis.weakSlices.map((slice) => ({
        conditions: slice.conditions,
        support: slice.support,
        errors: slice.errors,
        errorRate: slice.errorRate,
        ci: slice.ci,
        lift: slice.lift,
        pValue: slice.pValue,
        qValue: slice.qValue,
      })),
    },
    suspectedLabelErrors: {
      thresholds: analysis.labelThresholds,
      rows: analysis.suspectedLabelErrors.map((suspect) => ({
        rowIndex: suspect.row,
        givenLabel: suspect.givenLabel,
        suggestedLabel: suspect.suggestedLabel,
        givenLabelProbability: suspect.givenLabelProbability,
        suggestedLabelProbability: suspect.suggestedLabelProbability,
        margin: suspect.margin,
      })),
    },
    textClusters: analysis.textClusters.map((cluster) => ({
      column: cluster.column,
      size: cluster.size,
      topTerms: cluster.topTerms,
      exampleRowIndices: cluster.exampleRows,
      exampleTexts: cluster.exampleTexts,
    })),
    curves: analysis.curves.map((curve) => ({
      label: curve.label,
      roc: { fpr: Array.from(curve.roc.fpr), tpr: Array.from(curve.roc.tpr), auc: curve.roc.auc },
      pr: {
        precision: Array.from(curve.pr.precision),
        recall: Array.from(curve.pr.recall),
        averagePrecision: curve.pr.averagePrecision,
      },
    })),
    calibration: {
      kind: calibration.kind,
      nBins: calibration.nBins,
      ece: calibration.ece,
      mce: calibration.mce,
      bins: calibration.bins.map((bin) => ({
        low: bin.low,
        high: bin.high,
        count: bin.count,
        meanConfidence: bin.count === 0 ? null : bin.meanConfidence,
        accuracy: bin.count === 0 ? null : bin.accuracy,
      })),
    },
    warnings: analysis.warnings,
  };
}
