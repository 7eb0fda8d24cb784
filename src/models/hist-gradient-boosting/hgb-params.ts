import { z } from 'zod';
import { nJobsSchema } from '../../core/n-jobs.js';
import { parseParams } from '../../core/params.js';

export const HIST_GRADIENT_BOOSTING_KIND = 'hist-gradient-boosting';

/**
 * scikit-learn's HistGradientBoostingClassifier names and defaults (loss log_loss). early_stopping
 * 'auto' turns on above 10,000 rows, holding out `validation_fraction` (stratified, seeded) and
 * stopping when the validation loss has not improved by `tol` for `n_iter_no_change` iterations.
 */
export const histGradientBoostingParamsSchema = z.strictObject({
  learning_rate: z.number().positive().default(0.1),
  max_iter: z.number().int().positive().default(100),
  max_leaf_nodes: z.number().int().min(2).nullable().default(31),
  max_depth: z.number().int().positive().nullable().default(null),
  min_samples_leaf: z.number().int().positive().default(20),
  l2_regularization: z.number().nonnegative().default(0),
  max_bins: z.number().int().min(2).max(255).default(255),
  early_stopping: z.union([z.literal('auto'), z.boolean()]).default('auto'),
  validation_fraction: z.number().gt(0).lt(1).default(0.1),
  n_iter_no_change: z.number().int().positive().default(10),
  tol: z.number().nonnegative().default(1e-7),
  /**
   * Threads that build the histograms (sklearn uses every core through OpenMP); null or 1 builds them
   * in this thread, −1 uses every core. The fitted model is the same for any value.
   */
  n_jobs: nJobsSchema,
  /** Seeds the validation split and the binning subsample; null means 0. */
  random_state: z.number().int().nonnegative().nullable().default(null),
});

export type HistGradientBoostingParams = z.infer<typeof histGradientBoostingParamsSchema>;

export function parseHistGradientBoostingParams(input: unknown): HistGradientBoostingParams {
  return parseParams(HIST_GRADIENT_BOOSTING_KIND, histGradientBoostingParamsSchema, input);
}
