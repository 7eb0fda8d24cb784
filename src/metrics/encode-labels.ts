import { ModeldebugError } from '../core/errors.js';
import { sortLabelValues } from '../core/labels.js';

/** Raw labels turned into codes for the kernels, with the label list the codes index. */
export interface EncodedLabelPair {
  /** The label each code stands for. */
  readonly classes: readonly string[];
  readonly yTrue: Int32Array;
  readonly yPred: Int32Array;
  /**
   * The codes to report on (pass as `labels` to the kernels): all of them without `labels`, else the
   * codes of the given labels, which come first in `classes`.
   */
  readonly labels: Int32Array;
}

/**
 * Codes for a (y_true, y_pred) pair in sklearn's `unique_labels` order: the sorted union, numbers by
 * value and strings by code unit. With `labels` (sklearn's `labels=`) those come first in the order
 * given, so a label with no rows still gets a code; labels present but not listed follow, sorted, and
 * are left out of `labels`.
 */
export function encodeLabelPair(
  yTrue: readonly (string | number)[],
  yPred: readonly (string | number)[],
  labels?: readonly (string | number)[],
): EncodedLabelPair {
  if (yTrue.length !== yPred.length) {
    throw new ModeldebugError(
      'shape_mismatch',
      `yTrue has ${yTrue.length} labels but yPred has ${yPred.length}`,
    );
  }
  const present = sortLabelValues([...yTrue.map(String), ...yPred.map(String)]);
  const given = labels?.map(String) ?? present;
  if (new Set(given).size !== given.length) {
    throw new ModeldebugError('invalid_argument', 'labels must not repeat a label');
  }
  const listed = new Set(given);
  const classes = [...given, ...present.filter((label) => !listed.has(label))];
  const index = new Map(classes.map((label, code) => [label, code]));
  const encode = (values: readonly (string | number)[]) =>
    Int32Array.from(values, (v) => index.get(String(v))!);
  return {
    classes,
    yTrue: encode(yTrue),
    yPred: encode(yPred),
    labels: Int32Array.from(given, (_, code) => code),
  };
}
