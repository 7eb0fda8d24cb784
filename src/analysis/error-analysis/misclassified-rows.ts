import type { Matrix } from '../../core/matrix.js';
import type { ConfusionPair, MisclassifiedRow } from './error-analysis-types.js';

/** Every wrong row with its confidence, the most confident mistakes first (ties by row). */
export function misclassifiedRows(
  yTrue: Int32Array,
  yPred: Int32Array,
  proba: Matrix,
  classes: readonly string[],
): MisclassifiedRow[] {
  const rows: MisclassifiedRow[] = [];
  for (let i = 0; i < yTrue.length; i++) {
    if (yTrue[i] === yPred[i]) continue;
    rows.push({
      row: i,
      trueLabel: classes[yTrue[i]],
      predicted: classes[yPred[i]],
      confidence: proba.data[i * proba.cols + yPred[i]],
      trueLabelProbability: proba.data[i * proba.cols + yTrue[i]],
    });
  }
  return rows.sort((a, b) => b.confidence - a.confidence || a.row - b.row);
}

/** Off-diagonal cells of the confusion matrix, largest first, each with its share of all errors. */
export function confusionPairs(
  yTrue: Int32Array,
  yPred: Int32Array,
  classes: readonly string[],
): ConfusionPair[] {
  const k = classes.length;
  const counts = new Int32Array(k * k);
  let errors = 0;
  for (let i = 0; i < yTrue.length; i++) {
    if (yTrue[i] === yPred[i]) continue;
    counts[yTrue[i] * k + yPred[i]]++;
    errors++;
  }
  const pairs: ConfusionPair[] = [];
  for (let t = 0; t < k; t++) {
    for (let p = 0; p < k; p++) {
      const count = counts[t * k + p];
      if (count > 0)
        pairs.push({ trueLabel: classes[t], predicted: classes[p], count, shareOfErrors: count / errors });
    }
  }
  return pairs.sort((a, b) => b.count - a.count);
}
