import type { Matrix } from '../../core/matrix.js';
import { precisionRecallCurve, rocCurve, trapezoidArea } from '../../metrics/index.js';

/** ROC and precision-recall curves of one class against the rest, from the metrics module's kernels. */
export interface ClassCurves {
  readonly label: string;
  readonly roc: { readonly fpr: Float64Array; readonly tpr: Float64Array; readonly auc: number };
  readonly pr: {
    readonly precision: Float64Array;
    readonly recall: Float64Array;
    /** Σ (R_n − R_{n+1})·P_n, sklearn's average_precision_score. */
    readonly averagePrecision: number;
  };
}

/**
 * Binary problems: the positive class (the second) only; multiclass: one-vs-rest per class. A class absent
 * from yTrue (or present everywhere) has no curve — its ROC is undefined.
 */
export function rankingCurves(yTrue: Int32Array, proba: Matrix, classes: readonly string[]): ClassCurves[] {
  const nClasses = classes.length;
  const present = new Int32Array(nClasses);
  for (const code of yTrue) present[code]++;
  const targets = nClasses === 2 ? [1] : Array.from({ length: nClasses }, (_, k) => k);
  const scores = new Float64Array(proba.rows);
  const curves: ClassCurves[] = [];
  for (const k of targets) {
    if (present[k] === 0 || present[k] === yTrue.length) continue;
    for (let i = 0; i < proba.rows; i++) scores[i] = proba.data[i * nClasses + k];
    curves.push(curvesOf(yTrue, scores, nClasses, k, classes[k]));
  }
  return curves;
}

/**
 * The micro-average of a multiclass problem: every (row, class) pair is one binary decision scored by
 * that class's probability (sklearn's `roc_curve(Y_onehot.ravel(), proba.ravel())`).
 */
export function microAverageCurves(yTrue: Int32Array, proba: Matrix, label: string): ClassCurves {
  const nClasses = proba.cols;
  const pooled = new Int32Array(proba.rows * nClasses);
  for (let i = 0; i < proba.rows; i++) pooled[i * nClasses + yTrue[i]] = 1;
  return curvesOf(pooled, Float64Array.from(proba.data), 2, 1, label);
}

function curvesOf(
  yTrue: Int32Array,
  scores: Float64Array,
  nLabels: number,
  posLabel: number,
  label: string,
): ClassCurves {
  const roc = rocCurve(yTrue, scores, nLabels, { posLabel });
  const pr = precisionRecallCurve(yTrue, scores, nLabels, { posLabel });
  let averagePrecision = 0;
  for (let i = 0; i < pr.recall.length - 1; i++) {
    averagePrecision -= (pr.recall[i + 1] - pr.recall[i]) * pr.precision[i];
  }
  return {
    label,
    roc: { fpr: roc.fpr, tpr: roc.tpr, auc: trapezoidArea(roc.fpr, roc.tpr) },
    pr: { precision: pr.precision, recall: pr.recall, averagePrecision },
  };
}
