import { isModeldebugError } from '../core/errors.js';
import { type Matrix, matrixToRows } from '../core/matrix.js';
import {
  accuracy,
  balancedAccuracy,
  brierScore,
  type ClassificationReport,
  classificationReport,
  cohenKappa,
  confusionMatrix,
  logLoss,
  type MetricWarning,
  matthewsCorrcoef,
  precisionRecallFScore,
  rocAuc,
  uniqueWarnings,
} from '../metrics/index.js';

export interface AveragedScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface ConfusionSummary {
  /** Row and column order: the dataset's sorted class list; rows are true labels. */
  readonly labels: readonly string[];
  readonly counts: number[][];
  /** Each row divided by its total (sklearn's normalize='true'); an empty row stays 0. */
  readonly rowNormalised: number[][];
}

/** Every headline metric of one set of predictions, as `modeldebug eval` prints and `--json` emits. */
export interface ClassificationSummary {
  readonly rows: number;
  readonly accuracy: number;
  readonly balancedAccuracy: number;
  readonly micro: AveragedScores;
  readonly macro: AveragedScores;
  readonly weighted: AveragedScores;
  readonly report: ClassificationReport;
  readonly confusion: ConfusionSummary;
  readonly cohenKappa: number;
  readonly mcc: number;
  readonly logLoss: number;
  /** Binary: the plain AUC; multiclass: one-vs-rest with macro and weighted averages. null when undefined. */
  readonly rocAuc: {
    readonly binary?: number | null;
    readonly ovrMacro?: number | null;
    readonly ovrWeighted?: number | null;
  };
  /** Binary only. */
  readonly brier?: number;
  readonly warnings: readonly MetricWarning[];
  /** Metrics that could not be computed on these rows, with sklearn's reason. */
  readonly undefinedMetrics: readonly { readonly metric: string; readonly reason: string }[];
}

/**
 * Summarises predictions in the dataset's class space (codes into `classes`, proba with one column per
 * class). The full class list is passed as sklearn's `labels=`, so a class missing from a test split still
 * has its row in the report and the confusion matrix.
 */
export function summariseClassification(
  yTrue: Int32Array,
  yPred: Int32Array,
  proba: Matrix,
  classes: readonly string[],
): ClassificationSummary {
  const nLabels = classes.length;
  const warnings: MetricWarning[] = [];
  const undefinedMetrics: { metric: string; reason: string }[] = [];
  const averaged = (average: 'micro' | 'macro' | 'weighted'): AveragedScores => {
    const result = precisionRecallFScore(yTrue, yPred, nLabels, { average });
    warnings.push(...result.warnings);
    return { precision: result.precision, recall: result.recall, f1: result.fScore };
  };
  const attempt = (metric: string, compute: () => number): number | null => {
    try {
      return compute();
    } catch (error) {
      if (!isModeldebugError(error)) throw error;
      undefinedMetrics.push({ metric, reason: error.message });
      return null;
    }
  };

  const counts = confusionMatrix(yTrue, yPred, nLabels);
  const normalised = confusionMatrix(yTrue, yPred, nLabels, { normalize: 'true' });
  const binary = nLabels === 2;
  const positive = binary ? probabilityColumn(proba, 1) : undefined;
  const report = classificationReport(yTrue, yPred, nLabels, { classNames: classes });
  warnings.push(...report.warnings);
  const balanced = balancedAccuracy(yTrue, yPred, nLabels);
  warnings.push(...balanced.warnings);
  return {
    rows: yTrue.length,
    accuracy: accuracy(yTrue, yPred),
    balancedAccuracy: balanced.value,
    micro: averaged('micro'),
    macro: averaged('macro'),
    weighted: averaged('weighted'),
    report,
    confusion: { labels: classes, counts: matrixToRows(counts), rowNormalised: matrixToRows(normalised) },
    cohenKappa: cohenKappa(yTrue, yPred, nLabels),
    mcc: matthewsCorrcoef(yTrue, yPred, nLabels),
    logLoss: logLoss(yTrue, proba),
    rocAuc: binary
      ? { binary: attempt('roc_auc', () => rocAuc(yTrue, positive!)) }
      : {
          ovrMacro: attempt('roc_auc_ovr', () =>
            rocAuc(yTrue, proba, { multiClass: 'ovr', average: 'macro' }),
          ),
          ovrWeighted: attempt('roc_auc_ovr_weighted', () =>
            rocAuc(yTrue, proba, { multiClass: 'ovr', average: 'weighted' }),
          ),
        },
    brier: binary ? (attempt('brier', () => brierScore(yTrue, positive!, nLabels)) ?? undefined) : undefined,
    warnings: uniqueWarnings(warnings),
    undefinedMetrics,
  };
}

function probabilityColumn(proba: Matrix, column: number): Float64Array {
  const out = new Float64Array(proba.rows);
  for (let i = 0; i < proba.rows; i++) out[i] = proba.data[i * proba.cols + column];
  return out;
}
