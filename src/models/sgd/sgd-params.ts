import { z } from 'zod';
import { ModeldebugError } from '../../core/errors.js';
import { parseParams } from '../../core/params.js';

export const SGD_KIND = 'sgd-classifier';

/**
 * scikit-learn's SGDClassifier names and defaults (loss hinge or log_loss; one-vs-rest over more than
 * two classes). `batch_size` is ours: 1 is sklearn's per-sample update; larger averages the gradient of
 * a mini-batch per step. `random_state` null means 0 (fits are always reproducible here); `tol` null
 * turns the stopping rule off, as in sklearn.
 */
export const sgdParamsSchema = z.strictObject({
  loss: z.enum(['hinge', 'log_loss']).default('hinge'),
  penalty: z.enum(['l2', 'l1', 'elasticnet', 'none']).default('l2'),
  alpha: z.number().nonnegative().default(1e-4),
  l1_ratio: z.number().min(0).max(1).default(0.15),
  fit_intercept: z.boolean().default(true),
  max_iter: z.number().int().positive().default(1000),
  tol: z.number().nullable().default(1e-3),
  shuffle: z.boolean().default(true),
  random_state: z.number().int().nonnegative().nullable().default(null),
  learning_rate: z.enum(['constant', 'optimal', 'invscaling', 'adaptive']).default('optimal'),
  eta0: z.number().nonnegative().default(0),
  power_t: z.number().default(0.5),
  early_stopping: z.boolean().default(false),
  validation_fraction: z.number().gt(0).lt(1).default(0.1),
  n_iter_no_change: z.number().int().positive().default(5),
  batch_size: z.number().int().positive().default(1),
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
