/**
 * What scikit-learn would have emitted as a Python warning, returned as data. `category` is sklearn's
 * warning class and `message` its exact text, so a report can show what a sklearn user would have seen.
 */
export interface MetricWarning {
  readonly code: MetricWarningCode;
  readonly category: 'UndefinedMetricWarning' | 'UserWarning';
  readonly message: string;
}

export type MetricWarningCode =
  | 'ill_defined_precision'
  | 'ill_defined_recall'
  | 'ill_defined_f_score'
  | 'y_pred_class_not_in_y_true'
  | 'k_covers_all_classes'
  | 'no_positive_samples'
  | 'no_negative_samples';

/** A value together with the warnings sklearn would have raised while computing it. */
export interface Scored<T = number> {
  readonly value: T;
  readonly warnings: readonly MetricWarning[];
}

/** Keeps the first of each (category, message) pair, as Python's default warning filter shows them. */
export function uniqueWarnings(warnings: Iterable<MetricWarning>): MetricWarning[] {
  const seen = new Set<string>();
  const out: MetricWarning[] = [];
  for (const warning of warnings) {
    const key = `${warning.category}\u0000${warning.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(warning);
    }
  }
  return out;
}
