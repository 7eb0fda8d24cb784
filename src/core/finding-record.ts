import { z } from 'zod';

/**
 * The stable vocabulary of finding codes. A user's scripts and CI gates key on these, so a code is
 * never renamed or reused for another meaning; new codes are appended. docs/findings.md explains each.
 */
export const FINDING_CODES = [
  // data
  'missing_values',
  'duplicate_rows',
  'conflicting_labels',
  'mixed_types',
  'constant_column',
  'id_column',
  'date_column',
  'high_cardinality',
  'number_format',
  'non_finite_values',
  'target_leak',
  'outliers',
  'class_imbalance',
  'text_duplicates',
  // train vs test
  'train_test_overlap',
  'feature_drift',
  'label_drift',
  'new_categories',
  // rows the model gets wrong
  'label_errors',
  'confident_errors',
  'confusion_pair',
  'weak_slice',
  // curves and complexity
  'more_data_helps',
  'overfitting',
  'underfitting',
  'order_dependent',
  // what was tried
  'tuning_gain',
  'useless_features',
  'ensemble_gain',
  'better_model',
  'miscalibrated',
  'threshold_gain',
  // LLM classifiers
  'llm_unanswered',
  'llm_cost',
  'llm_format_sensitive',
  'llm_calibration_gain',
  'llm_instruction_gain',
  // appended
  'text_length',
  'model_failed',
  'baseline_not_beaten',
  'training_diverged',
  'llm_miscalibrated',
  'llm_perturbation_sensitive',
  'llm_unstable_answers',
] as const;

export const findingCodeSchema = z.enum(FINDING_CODES);
export type FindingCode = z.infer<typeof findingCodeSchema>;

/**
 * The measured effect of a change that was tried: the paired gain in `metric` (new − current, in the
 * metric's own units, e.g. 0.031 = +3.1 points of accuracy) with its 95 % interval. `verified` is true
 * only when `ciLow > 0`: a finding recommends a change only then.
 */
export const findingImpactSchema = z.strictObject({
  metric: z.string(),
  gain: z.number(),
  ciLow: z.number(),
  ciHigh: z.number(),
  verified: z.boolean(),
});
export type FindingImpact = z.infer<typeof findingImpactSchema>;

/**
 * A finding as data: a claim a user will act on. `rows` are 0-based indexes of the data rows of the
 * user's `--data` file (header excluded, before any split or shuffle); `testRows` the same for the
 * `--test` file. `columns` are the file's own column names.
 */
export const findingRecordSchema = z.strictObject({
  code: findingCodeSchema,
  level: z.enum(['fail', 'warn', 'info']),
  message: z.string(),
  suggestion: z.string(),
  columns: z.array(z.string()),
  rows: z.array(z.number().int().nonnegative()),
  testRows: z.array(z.number().int().nonnegative()).optional(),
  impact: findingImpactSchema.optional(),
});
export type FindingRecord = z.infer<typeof findingRecordSchema>;

/** True when a measured change may be recommended: its paired gain's 95 % lower bound is above zero. */
export function isVerifiedGain(ciLow: number): boolean {
  return Number.isFinite(ciLow) && ciLow > 0;
}
