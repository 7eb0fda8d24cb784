import { isModeldebugError } from '../../core/errors.js';
import { type Matrix, matrixToRows } from '../../core/matrix.js';
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
} from '../../metrics/index.js';

export interface AveragedScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface ConfusionSummary {
  /** Row and column order: the dataset's sorted class list; rows are true labels. */
  readonly labels: readonly string[];
  /**
   * Present only when predictions include non-answers (an LLM's `unparseable`, `refusal`, `error`): the
   * column labels, `labels` then those outcomes, each row then has this many counts.
   */
  readonly predictedLabels?: readonly string[];
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
 *
 * `nonAnswers` names predictions that are no class at all (an LLM's `unparseable`, `refusal`, `error`):
 * code `classes.length + k` in `yPred` is `nonAnswers[k]`. They are scored as sklearn scores a predicted
 * label that is never true, with `labels=classes`: wrong in accuracy, a miss in each class's recall, no
 * class's false positive, a column of its own in the confusion matrix (and in kappa and MCC). Their rows
 * of `proba` should hold the fallback distribution (an LLM's training prior) for log loss and AUC.
 */
export function summariseClassification(
  yTrue: Int32Array,
  yPred: Int32Array,
  proba: Matrix,
  classes: readonly string[],
  nonAnswers: readonly string[] = [],
): ClassificationSummary {
  const nClasses = classes.length;
  const nLabels = nClasses + nonAnswers.length;
  const classCodes = nonAnswers.length === 0 ? undefined : Int32Array.from(classes, (_, k) => k);
  const warnings: MetricWarning[] = [];
  const undefinedMetrics: { metric: string; reason: string }[] = [];
  const averaged = (average: 'micro' | 'macro' | 'weighted'): AveragedScores => {
    const result = precisionRecallFScore(yTrue, yPred, nLabels, { average, labels: classCodes });
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

  const columns = confusionColumns(yPred, nClasses, nLabels);
  const counts = classRows(confusionMatrix(yTrue, yPred, nLabels, { labels: columns }), nClasses);
  const normalised = classRows(
    confusionMatrix(yTrue, yPred, nLabels, { labels: columns, normalize: 'true' }),
    nClasses,
  );
  const binary = nClasses === 2;
  const positive = binary ? probabilityColumn(proba, 1) : undefined;
  const report = classificationReport(yTrue, yPred, nLabels, {
    labels: classCodes,
    classNames: [...classes, ...nonAnswers],
  });
  warnings.push(...report.warnings);
  const balanced = balancedAccuracy(yTrue, yPred, nLabels);
  // Non-answers are never true labels by design; sklearn's warning about that would only confuse.
  warnings.push(...(nonAnswers.length === 0 ? balanced.warnings : []));
  return {
    rows: yTrue.length,
    accuracy: accuracy(yTrue, yPred),
    balancedAccuracy: balanced.value,
    micro: averaged('micro'),
    macro: averaged('macro'),
    weighted: averaged('weighted'),
    report,
    confusion: {
      labels: classes,
      ...(columns.length > nClasses
        ? {
            predictedLabels: Array.from(columns, (code) =>
              code < nClasses ? classes[code] : nonAnswers[code - nClasses],
            ),
          }
        : {}),
      counts: matrixToRows(counts),
      rowNormalised: matrixToRows(normalised),
    },
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

/** The classes, then each non-answer that occurs in yPred (only those get a column). */
function confusionColumns(yPred: Int32Array, nClasses: number, nLabels: number): Int32Array {
  if (nLabels === nClasses) return Int32Array.from({ length: nClasses }, (_, k) => k);
  const seen = new Uint8Array(nLabels);
  for (let i = 0; i < yPred.length; i++) seen[yPred[i]] = 1;
  const columns: number[] = [];
  for (let code = 0; code < nLabels; code++) if (code < nClasses || seen[code]) columns.push(code);
  return Int32Array.from(columns);
}

/** The first `rows` rows of a square matrix: the true classes (a non-answer is never a true label). */
function classRows(matrix: Matrix, rows: number): Matrix {
  return { rows, cols: matrix.cols, data: matrix.data.subarray(0, rows * matrix.cols) };
}

function probabilityColumn(proba: Matrix, column: number): Float64Array {
  const out = new Float64Array(proba.rows);
  for (let i = 0; i < proba.rows; i++) out[i] = proba.data[i * proba.cols + column];
  return out;
}
