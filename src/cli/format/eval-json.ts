import type { Evaluation } from '../../analysis/index.js';
import type { StepSpec } from '../../catalog/index.js';
import { classificationReportDict } from '../../metrics/index.js';

export const EVAL_JSON_SCHEMA_VERSION = 1;

/**
 * The `modeldebug eval --json` document (schema in the README). Keys use scikit-learn's metric names so
 * that numbers can be compared with a Python run line by line.
 */
export function evaluationToJson(
  evaluation: Evaluation,
  modelSpec: string,
  steps: readonly StepSpec[],
): unknown {
  const { metrics } = evaluation;
  const averaged = (key: 'precision' | 'recall' | 'f1') => ({
    micro: metrics.micro[key],
    macro: metrics.macro[key],
    weighted: metrics.weighted[key],
  });
  return {
    schema: 'modeldebug.eval',
    schema_version: EVAL_JSON_SCHEMA_VERSION,
    dataset: {
      source: evaluation.dataset.source,
      rows: evaluation.dataset.rows,
      features: evaluation.dataset.features,
      classes: evaluation.dataset.classes,
      class_counts: evaluation.dataset.classCounts,
    },
    model: { spec: modelSpec, steps },
    protocol: { kind: evaluation.protocol.kind, description: evaluation.protocol.description },
    train_rows: evaluation.trainRows,
    test_rows: evaluation.testRows,
    metrics: {
      accuracy: metrics.accuracy,
      balanced_accuracy: metrics.balancedAccuracy,
      precision: averaged('precision'),
      recall: averaged('recall'),
      f1: averaged('f1'),
      cohen_kappa: metrics.cohenKappa,
      mcc: metrics.mcc,
      log_loss: metrics.logLoss,
      roc_auc:
        metrics.rocAuc.binary !== undefined
          ? { binary: metrics.rocAuc.binary }
          : { ovr_macro: metrics.rocAuc.ovrMacro, ovr_weighted: metrics.rocAuc.ovrWeighted },
      brier: metrics.brier ?? null,
    },
    classification_report: classificationReportDict(metrics.report),
    confusion_matrix: {
      labels: metrics.confusion.labels,
      ...(metrics.confusion.predictedLabels ? { predicted_labels: metrics.confusion.predictedLabels } : {}),
      matrix: metrics.confusion.counts,
      normalized_by_row: metrics.confusion.rowNormalised,
    },
    cross_validation: evaluation.crossValidation
      ? {
          scoring: evaluation.crossValidation.scoring,
          folds: evaluation.crossValidation.folds.map((fold, index) => ({
            fold: index + 1,
            fit_seconds: fold.fitSeconds,
            test: fold.test,
            train: fold.train,
          })),
          mean: Object.fromEntries(
            Object.entries(evaluation.crossValidation.test).map(([k, v]) => [k, v.mean]),
          ),
          std: Object.fromEntries(
            Object.entries(evaluation.crossValidation.test).map(([k, v]) => [k, v.std]),
          ),
        }
      : null,
    fit: evaluation.fit
      ? { iterations: evaluation.fit.iterations ?? null, converged: evaluation.fit.converged ?? null }
      : null,
    ...(evaluation.llmOutcomes
      ? {
          llm_outcomes: {
            accuracy: evaluation.llmOutcomes.accuracy,
            counts: evaluation.llmOutcomes.counts,
            confusion_matrix: {
              rows: evaluation.llmOutcomes.rowLabels,
              columns: evaluation.llmOutcomes.columnLabels,
              matrix: evaluation.llmOutcomes.rowLabels.map((_, i) =>
                Array.from(
                  evaluation.llmOutcomes!.confusion.data.subarray(
                    i * evaluation.llmOutcomes!.confusion.cols,
                    (i + 1) * evaluation.llmOutcomes!.confusion.cols,
                  ),
                ),
              ),
            },
          },
        }
      : {}),
    warnings: [
      ...metrics.warnings.map((warning) => ({ code: warning.code, message: warning.message })),
      ...evaluation.warnings.map((warning) => ({ code: warning.code, message: warning.message })),
    ],
    undefined_metrics: metrics.undefinedMetrics,
  };
}
