import type { Evaluation } from '../../analysis/index.js';
import type { StepSpec } from '../../catalog/index.js';
import type { ClassificationReport } from '../../metrics/index.js';

export const EVAL_JSON_SCHEMA_VERSION = 2;

/**
 * The `modeldebug eval --json` document (schemas/eval.schema.json). Keys are camelCase; the metrics keep
 * scikit-learn's names in camelCase so that numbers can be compared with a Python run line by line.
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
    version: EVAL_JSON_SCHEMA_VERSION,
    dataset: {
      source: evaluation.dataset.source,
      rows: evaluation.dataset.rows,
      features: evaluation.dataset.features,
      classes: evaluation.dataset.classes,
      classCounts: evaluation.dataset.classCounts,
    },
    model: { spec: modelSpec, steps },
    protocol: { kind: evaluation.protocol.kind, description: evaluation.protocol.description },
    trainRows: evaluation.trainRows,
    testRows: evaluation.testRows,
    metrics: {
      accuracy: metrics.accuracy,
      balancedAccuracy: metrics.balancedAccuracy,
      precision: averaged('precision'),
      recall: averaged('recall'),
      f1: averaged('f1'),
      cohenKappa: metrics.cohenKappa,
      mcc: metrics.mcc,
      logLoss: metrics.logLoss,
      rocAuc:
        metrics.rocAuc.binary !== undefined
          ? { binary: metrics.rocAuc.binary }
          : { ovrMacro: metrics.rocAuc.ovrMacro, ovrWeighted: metrics.rocAuc.ovrWeighted },
      brier: metrics.brier ?? null,
    },
    classificationReport: reportToJson(metrics.report),
    confusionMatrix: {
      labels: metrics.confusion.labels,
      ...(metrics.confusion.predictedLabels ? { predictedLabels: metrics.confusion.predictedLabels } : {}),
      matrix: metrics.confusion.counts,
      normalizedByRow: metrics.confusion.rowNormalised,
    },
    crossValidation: evaluation.crossValidation
      ? {
          scoring: evaluation.crossValidation.scoring,
          folds: evaluation.crossValidation.folds.map((fold, index) => ({
            fold: index + 1,
            fitSeconds: fold.fitSeconds,
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
          llmOutcomes: {
            accuracy: evaluation.llmOutcomes.accuracy,
            counts: evaluation.llmOutcomes.counts,
            confusionMatrix: {
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
    undefinedMetrics: metrics.undefinedMetrics,
  };
}

/**
 * sklearn's classification report (`output_dict=True`) with the classes as a list: a class name is a
 * value, never a key.
 */
function reportToJson(report: ClassificationReport) {
  const row = (r: { precision: number; recall: number; f1Score: number; support: number }) => ({
    precision: r.precision,
    recall: r.recall,
    f1Score: r.f1Score,
    support: r.support,
  });
  return {
    classes: report.classes.map((r) => ({ label: r.name, ...row(r) })),
    ...(report.overall.kind === 'accuracy'
      ? { accuracy: report.overall.accuracy }
      : { microAvg: row(report.overall.row) }),
    macroAvg: row(report.macroAvg),
    weightedAvg: row(report.weightedAvg),
  };
}
