import { ModeldebugError } from './errors.js';

/** Class labels as codes into `classes`; `classes` is sorted the way numpy's `np.unique` sorts them. */
export interface Labels {
  readonly classes: readonly string[];
  readonly codes: Int32Array;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Numeric labels sort by value (so 2 < 10, as sklearn sees integer targets); anything else sorts by
 * UTF-16 code unit, which equals numpy's code-point order for the BMP.
 */
export function sortLabelValues(values: Iterable<string>): string[] {
  const unique = [...new Set(values)];
  if (unique.every((value) => NUMBER.test(value.trim()))) {
    return unique.sort((a, b) => Number(a) - Number(b));
  }
  return unique.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function encodeLabels(values: readonly (string | number)[], classes?: readonly string[]): Labels {
  const asText = values.map(String);
  const order = classes ?? sortLabelValues(asText);
  const index = new Map(order.map((name, i) => [name, i]));
  const codes = new Int32Array(asText.length);
  asText.forEach((value, i) => {
    const code = index.get(value);
    if (code === undefined) {
      throw new ModeldebugError(
        'unknown_label',
        `label "${value}" at row ${i + 1} is not one of ${order.join(', ')}`,
      );
    }
    codes[i] = code;
  });
  return { classes: order, codes };
}

export function takeLabelRows(labels: Labels, indices: ArrayLike<number>): Labels {
  const codes = new Int32Array(indices.length);
  for (let i = 0; i < indices.length; i++) codes[i] = labels.codes[indices[i]];
  return { classes: labels.classes, codes };
}

export function classCounts(labels: Labels): Int32Array {
  const counts = new Int32Array(labels.classes.length);
  for (const code of labels.codes) counts[code]++;
  return counts;
}

/**
 * The classes that actually occur, re-coded densely: what a fitted model's `classes` are (sklearn's
 * `classes_ = unique(y)`), since a training fold may lack a class of the whole dataset.
 */
export function compactLabels(labels: Labels): Labels {
  const counts = classCounts(labels);
  const remap = new Int32Array(counts.length).fill(-1);
  const classes: string[] = [];
  counts.forEach((count, k) => {
    if (count > 0) {
      remap[k] = classes.length;
      classes.push(labels.classes[k]);
    }
  });
  const codes = new Int32Array(labels.codes.length);
  for (let i = 0; i < codes.length; i++) codes[i] = remap[labels.codes[i]];
  return { classes, codes };
}
