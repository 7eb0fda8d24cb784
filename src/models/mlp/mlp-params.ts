import { z } from 'zod';
import { nJobsSchema } from '../../core/n-jobs.js';
import { parseParams } from '../../core/params.js';

export const MLP_KIND = 'mlp-classifier';

/**
 * scikit-learn's MLPClassifier names and defaults. `batch_size` 'auto' is min(200, rows); `max_iter`
 * counts epochs; with `early_stopping` a stratified `validation_fraction` is held out and the weights of
 * the epoch with the best validation accuracy are kept. `random_state` null means 0 (fits are always
 * reproducible here). As in sklearn, `learning_rate` and `power_t` only matter to solver 'sgd', and
 * `momentum`/`nesterovs_momentum` too; adam ignores them.
 */
export const mlpParamsSchema = z.strictObject({
  hidden_layer_sizes: z
    .union([z.number().int().positive(), z.array(z.number().int().positive())])
    .default([100]),
  activation: z.enum(['identity', 'logistic', 'tanh', 'relu']).default('relu'),
  solver: z.enum(['adam', 'sgd']).default('adam'),
  alpha: z.number().nonnegative().default(1e-4),
  batch_size: z.union([z.literal('auto'), z.number().int().positive()]).default('auto'),
  learning_rate: z.enum(['constant', 'invscaling', 'adaptive']).default('constant'),
  learning_rate_init: z.number().positive().default(1e-3),
  power_t: z.number().nonnegative().default(0.5),
  max_iter: z.number().int().positive().default(200),
  shuffle: z.boolean().default(true),
  random_state: z.number().int().nonnegative().nullable().default(null),
  tol: z.number().nonnegative().default(1e-4),
  momentum: z.number().min(0).max(1).default(0.9),
  nesterovs_momentum: z.boolean().default(true),
  early_stopping: z.boolean().default(false),
  validation_fraction: z.number().gt(0).lt(1).default(0.1),
  beta_1: z.number().min(0).lt(1).default(0.9),
  beta_2: z.number().min(0).lt(1).default(0.999),
  epsilon: z.number().positive().default(1e-8),
  n_iter_no_change: z.number().int().positive().default(10),
  /**
   * Threads per mini-batch (not in sklearn, whose BLAS threads instead): null or 1 fits in this thread,
   * -1 uses every core. Deterministic for a seed and a thread count; other counts sum in another order.
   * More threads than free cores is slow: threads spin briefly on each batch's hand-off.
   */
  n_jobs: nJobsSchema,
});

export type MlpParams = z.infer<typeof mlpParamsSchema>;

export function parseMlpParams(input: unknown): MlpParams {
  return parseParams(MLP_KIND, mlpParamsSchema, input);
}

/** The hidden layer widths as a list (a single number is one hidden layer). */
export function hiddenSizes(params: MlpParams): number[] {
  return typeof params.hidden_layer_sizes === 'number'
    ? [params.hidden_layer_sizes]
    : [...params.hidden_layer_sizes];
}
