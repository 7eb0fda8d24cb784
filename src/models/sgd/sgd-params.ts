import { z } from 'zod';
import { ModeldebugError } from '../../core/errors.js';
import { parseParams } from '../../core/params.js';
import { randomStateParam } from '../../core/random-state.js';
import { validationFractionParam } from '../../core/validation-fraction-param.js';

export const SGD_KIND = 'sgd-classifier';

/**
 * scikit-learn's SGDClassifier names and defaults (loss hinge or log_loss; one-vs-rest over more than
 * two classes). `batch_size` is ours: 1 is sklearn's per-sample update; larger averages the gradient of
 * a mini-batch per step. `random_state` null means 0 (fits are always reproducible here); `tol` null
 * turns the stopping rule off, as in sklearn.
 */
export const sgdParamsSchema = z.strictObject({
  loss: z
    .enum(['hinge', 'log_loss'])
    .default('hinge')
    .describe('hinge (a linear SVM) or log_loss (logistic regression, with probabilities)'),
  penalty: z
    .enum(['l2', 'l1', 'elasticnet', 'none'])
    .default('l2')
    .describe('the penalty on the weights: l2, l1, elasticnet (l1_ratio of each), or none'),
  alpha: z
    .number()
    .nonnegative()
    .default(1e-4)
    .describe(
      'regularization strength, also the scale of the optimal learning rate (larger is more regularized)',
    ),
  l1_ratio: z
    .number()
    .min(0)
    .max(1)
    .default(0.15)
    .describe('elasticnet only: the L1 share of the penalty, in [0, 1]'),
  fit_intercept: z
    .boolean()
    .default(true)
    .describe('fit a bias term; false forces the decision function through the origin'),
  max_iter: z
    .number()
    .int()
    .positive()
    .default(1000)
    .describe('the most passes (epochs) over the training rows'),
  tol: z
    .number()
    .nullable()
    .default(1e-3)
    .describe(
      'stop when the loss has not improved by tol for n_iter_no_change epochs; null never stops early',
    ),
  shuffle: z.boolean().default(true).describe('shuffle the training rows before every epoch'),
  random_state: randomStateParam('the shuffling and the validation split'),
  learning_rate: z
    .enum(['constant', 'optimal', 'invscaling', 'adaptive'])
    .default('optimal')
    .describe(
      'the step-size schedule: constant (eta0), optimal (1 / (alpha (t + t0))), invscaling (eta0 / t^power_t), or adaptive',
    ),
  eta0: z
    .number()
    .nonnegative()
    .default(0)
    .describe('the initial step size of the constant, invscaling and adaptive schedules'),
  power_t: z.number().default(0.5).describe('the exponent of the invscaling schedule'),
  early_stopping: z
    .boolean()
    .default(false)
    .describe('hold out validation_fraction of the rows and stop when their score stalls'),
  validation_fraction: validationFractionParam('with early stopping: the share of training rows held out'),
  n_iter_no_change: z
    .number()
    .int()
    .positive()
    .default(5)
    .describe('epochs without improvement before stopping'),
  batch_size: z
    .number()
    .int()
    .positive()
    .default(1)
    .describe('rows per weight update (not in scikit-learn, whose SGD updates on one row); 1 is plain SGD'),
});

export type SgdParams = z.infer<typeof sgdParamsSchema>;

/** Parses params and rejects the combinations sklearn rejects (a schedule without eta0, optimal without alpha). */
export function parseSgdParams(input: unknown): SgdParams {
  const params = parseParams(SGD_KIND, sgdParamsSchema, input);
  if (params.learning_rate !== 'optimal' && params.eta0 <= 0) {
    throw new ModeldebugError(
      'invalid_param',
      `${SGD_KIND}: learning_rate '${params.learning_rate}' needs eta0 > 0 (its initial step size)`,
      { where: 'param eta0', hint: 'set eta0, e.g. eta0=0.01, or use learning_rate=optimal' },
    );
  }
  if (params.learning_rate === 'optimal' && params.alpha === 0) {
    throw new ModeldebugError(
      'invalid_param',
      `${SGD_KIND}: learning_rate 'optimal' is 1 / (alpha·t) and needs alpha > 0`,
      { where: 'param alpha', hint: "set alpha > 0, or use learning_rate 'constant' with eta0" },
    );
  }
  return params;
}
