import type { ColumnInfo, Features } from '../core/features.js';
import type { Labels } from '../core/labels.js';
import type { TaskData } from '../selection/fold-task.js';

/** The dataset as worker threads receive it: its numbers in shared memory, copied once for all trials. */
export interface SharedDataset {
  readonly rows: number;
  readonly cols: number;
  readonly data: SharedArrayBuffer;
  readonly codes: SharedArrayBuffer;
  readonly columns: readonly ColumnInfo[];
  readonly classes: readonly string[];
}

export function shareDataset(features: Features, labels: Labels): SharedDataset {
  const data = new SharedArrayBuffer(features.data.byteLength);
  new Float64Array(data).set(features.data);
  const codes = new SharedArrayBuffer(labels.codes.byteLength);
  new Int32Array(codes).set(labels.codes);
  return {
    rows: features.rows,
    cols: features.cols,
    data,
    codes,
    columns: features.columns,
    classes: labels.classes,
  };
}

/** Views over the shared memory (no copy); tasks only read them. */
export function attachDataset(shared: SharedDataset): TaskData {
  return {
    features: {
      rows: shared.rows,
      cols: shared.cols,
      data: new Float64Array(shared.data),
      columns: shared.columns,
    },
    labels: { classes: shared.classes, codes: new Int32Array(shared.codes) },
  };
}
