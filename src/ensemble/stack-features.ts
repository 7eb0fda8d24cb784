import type { ColumnInfo, Features } from '../core/features.js';
import type { Matrix } from '../core/matrix.js';

/** One member's out-of-fold or test-time output, in the ensemble's class space. */
export interface MemberColumns {
  readonly name: string;
  readonly predicted: Int32Array;
  readonly proba: Matrix;
}

/**
 * The final estimator's input, as sklearn's `_concatenate_predictions`: per member its probability
 * columns — only the second one for two classes, since the first is 1 minus it — or, with
 * stack_method 'predict', one column of predicted class codes; then X itself with passthrough.
 */
export function stackFeatures(
  members: readonly MemberColumns[],
  classes: readonly string[],
  method: 'predict_proba' | 'predict',
  passthrough: Features | null,
): Features {
  const rows = members[0].predicted.length;
  const K = classes.length;
  const columns: ColumnInfo[] = [];
  const sources: { member: number; column: number }[] = [];
  members.forEach((member, m) => {
    if (method === 'predict') {
      columns.push({ name: member.name, kind: 'numeric' });
      sources.push({ member: m, column: -1 });
      return;
    }
    for (let c = K === 2 ? 1 : 0; c < K; c++) {
      columns.push({ name: `${member.name}_${classes[c]}`, kind: 'numeric' });
      sources.push({ member: m, column: c });
    }
  });
  const extra = passthrough?.cols ?? 0;
  const width = columns.length + extra;
  const data = new Float64Array(rows * width);
  sources.forEach(({ member, column }, j) => {
    const { predicted, proba } = members[member];
    for (let i = 0; i < rows; i++) {
      data[i * width + j] = column < 0 ? predicted[i] : proba.data[i * K + column];
    }
  });
  if (passthrough) {
    for (let i = 0; i < rows; i++) {
      data.set(passthrough.data.subarray(i * extra, (i + 1) * extra), i * width + sources.length);
    }
    columns.push(...passthrough.columns);
  }
  return { rows, cols: width, data, columns };
}
