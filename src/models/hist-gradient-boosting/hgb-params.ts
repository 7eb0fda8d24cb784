import { z } from 'zod';
import { maxDepthParam } from '../../core/max-depth-param.js';
import { nJobsSchema } from '../../core/n-jobs.js';
import { parseParams } from '../../core/params.js';
import { randomStateParam } from '../../core/random-state.js';
import { validationFractionParam } from '../../core/validation-fraction-param.js';

export const HIST_GRADIENT_BOOSTING_KIND = 'hist-gradient-boosting';

/**
 * scikit-learn's HistGradientBoostingClassifier names and defaults (loss log_loss). early_stopping
 * 'auto' turns on above 10,000 rows, holding out `validation_fraction` (stratified, seeded) and
 * stopping when the validation loss has not improved by `tol` for `n_iter_no_change` iterations.
 */
export const histGradientBoostingParamsSchema = z.strictObject({
  learning_rate: z
    .number()
    .positive()
    .default(0.1)
    .describe("shrinks each tree's contribution: smaller needs more iterations and overfits less"),
  max_iter: z
    .number()
    .int()
    .positive()
    .default(100)
    .describe('the most boosting iterations (trees per class)'),
  max_leaf_nodes: z
    .number()
    .int()
    .min(2)
    .nullable()
    .default(31)
    .describe('the most leaves per tree; null for no limit (larger is more complex)'),
  max_depth: maxDepthParam('the deepest a tree grows; null for no limit'),
  min_samples_leaf: z
    .number()
    .int()
    .positive()
    .default(20)
    .describe('the fewest rows a leaf keeps (larger is smoother)'),
  l2_regularization: z
    .number()
    .nonnegative()
    .default(0)
    .describe('L2 penalty on the leaf values (larger is more regularized)'),
  max_bins: z
    .number()
    .int()
    .min(2)
    .max(255)
    .default(255)
    .describe('histogram bins per feature (2 to 255; missing values get a bin of their own)'),
  early_stopping: z
    .union([z.literal('auto'), z.boolean()])
    .default('auto')
    .describe(
      'auto (on when there are more than 10000 rows), true, or false: stop when the validation score stalls',
    ),
  validation_fraction: validationFractionParam(
    'with early stopping: the share of training rows held out to score each iteration',
  ),
  n_iter_no_change: z
    .number()
    .int()
    .positive()
    .default(10)
    .describe('with early stopping: stop after this many iterations without an improvement larger than tol'),
  tol: z
    .number()
    .nonnegative()
    .default(1e-7)
    .describe('with early stopping: the smallest change of the score that counts as an improvement'),
  n_jobs: nJobsSchema.describe(
    'threads that build the histograms: null or 1 builds them in this thread, -1 uses every core; the fitted model is the same for any value',
  ),
  random_state: randomStateParam('the validation split and the binning subsample'),
});

export type HistGradientBoostingParams = z.infer<typeof histGradientBoostingParamsSchema>;

export function parseHistGradientBoostingParams(input: unknown): HistGradientBoostingParams {
  return parseParams(HIST_GRADIENT_BOOSTING_KIND, histGradientBoostingParamsSchema, input);
}
