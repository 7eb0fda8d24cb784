import { z } from 'zod';
import { nJobsSchema } from '../../core/n-jobs.js';
import { parseParams } from '../../core/params.js';
import { randomStateParam } from '../../core/random-state.js';
import { validationFractionParam } from '../../core/validation-fraction-param.js';

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
    .default([100])
    .describe('units per hidden layer, e.g. 100 or [64, 32] (more is more complex)'),
  activation: z
    .enum(['identity', 'logistic', 'tanh', 'relu'])
    .default('relu')
    .describe("the hidden units' function: identity, logistic, tanh, or relu"),
  solver: z.enum(['adam', 'sgd']).default('adam').describe('adam or sgd (with momentum)'),
  alpha: z
    .number()
    .nonnegative()
    .default(1e-4)
    .describe('L2 penalty on the weights (larger is more regularized)'),
  batch_size: z
    .union([z.literal('auto'), z.number().int().positive()])
    .default('auto')
    .describe('rows per mini-batch; auto is min(200, rows)'),
  learning_rate: z
    .enum(['constant', 'invscaling', 'adaptive'])
    .default('constant')
    .describe("sgd's step-size schedule: constant, invscaling, or adaptive"),
  learning_rate_init: z.number().positive().default(1e-3).describe('the initial step size'),
  power_t: z.number().nonnegative().default(0.5).describe("the exponent of sgd's invscaling schedule"),
  max_iter: z
    .number()
    .int()
    .positive()
    .default(200)
    .describe('the most epochs (passes over the training rows)'),
  shuffle: z.boolean().default(true).describe('shuffle the rows before every epoch'),
  random_state: randomStateParam('the initial weights, the shuffling and the validation split'),
  tol: z
    .number()
    .nonnegative()
    .default(1e-4)
    .describe(
      'stop after n_iter_no_change epochs that improve the loss (or validation score) by less than tol',
    ),
  momentum: z.number().min(0).max(1).default(0.9).describe("sgd's momentum, in [0, 1]"),
  nesterovs_momentum: z.boolean().default(true).describe("sgd: use Nesterov's momentum"),
  early_stopping: z
    .boolean()
    .default(false)
    .describe('hold out validation_fraction of the rows and stop when their accuracy stalls'),
  validation_fraction: validationFractionParam('with early stopping: the share of training rows held out'),
  beta_1: z.number().min(0).lt(1).default(0.9).describe("adam's decay rate of the first moment estimates"),
  beta_2: z.number().min(0).lt(1).default(0.999).describe("adam's decay rate of the second moment estimates"),
  epsilon: z.number().positive().default(1e-8).describe("adam's numerical-stability constant"),
  n_iter_no_change: z
    .number()
    .int()
    .positive()
    .default(10)
    .describe('epochs without an improvement larger than tol before stopping'),
  n_jobs: nJobsSchema.describe(
    'threads per mini-batch (not in scikit-learn): null or 1 fits in this thread, -1 uses every core; other thread counts sum in another order',
  ),
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
