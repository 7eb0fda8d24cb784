import { z } from 'zod';
import { ModeldebugError } from '../../core/errors.js';
import { parseParams } from '../../core/params.js';

export const LOGISTIC_REGRESSION_KIND = 'logistic-regression';

/**
 * scikit-learn's names and defaults. Solvers: 'lbfgs' (smooth penalties), 'owlqn' (orthant-wise
 * L-BFGS: l1, elasticnet, and the multinomial model), 'liblinear' (liblinear's model: intercept as a
 * penalised weight on a constant column of value `intercept_scaling`, one-vs-rest; l1 or l2), 'auto'
 * (lbfgs for l2/none, owlqn for l1/elasticnet — so `penalty: 'l1'` alone works, unlike sklearn).
 */
export const logisticRegressionParamsSchema = z.strictObject({
  penalty: z
    .enum(['l2', 'l1', 'elasticnet', 'none'])
    .default('l2')
    .describe('the penalty on the weights: l2, l1 (sparse weights), elasticnet (l1_ratio of each), or none'),
  C: z
    .number()
    .positive()
    .default(1)
    .describe(
      'inverse regularization strength: larger C fits the training rows more closely (less regularized)',
    ),
  l1_ratio: z
    .number()
    .min(0)
    .max(1)
    .nullable()
    .default(null)
    .describe('elasticnet only: the L1 share of the penalty, in [0, 1] (0 is pure l2, 1 pure l1)'),
  solver: z
    .enum(['auto', 'lbfgs', 'owlqn', 'liblinear'])
    .default('auto')
    .describe(
      'auto (lbfgs for l2/none, owlqn for l1/elasticnet), lbfgs, owlqn (orthant-wise L-BFGS), or liblinear (one-vs-rest, penalised intercept)',
    ),
  multi_class: z
    .enum(['auto', 'ovr', 'multinomial'])
    .default('auto')
    .describe(
      'auto (multinomial unless liblinear), ovr (one binary model per class), or multinomial (one softmax model)',
    ),
  fit_intercept: z
    .boolean()
    .default(true)
    .describe('fit a bias term; false forces the decision function through the origin'),
  intercept_scaling: z
    .number()
    .positive()
    .default(1)
    .describe('liblinear only: the value of the constant column whose weight is the (penalised) intercept'),
  class_weight: z
    .union([z.null(), z.literal('balanced'), z.record(z.string(), z.number().nonnegative())])
    .default(null)
    .describe(
      'null (every row counts 1), balanced (n_rows / (n_classes * class count)), or a weight per class name',
    ),
  tol: z
    .number()
    .positive()
    .default(1e-4)
    .describe("stop when the optimisation's improvement falls below this tolerance"),
  max_iter: z
    .number()
    .int()
    .positive()
    .default(100)
    .describe('the most solver iterations; a fit that reaches it warns that it did not converge'),
});

export type LogisticRegressionParams = z.infer<typeof logisticRegressionParamsSchema>;
export type LogisticRegressionSolver = LogisticRegressionParams['solver'];

/** Parses params (unknown keys and bad values throw) and rejects combinations no solver can fit. */
export function parseLogisticRegressionParams(input: unknown): LogisticRegressionParams {
  const params = parseParams(LOGISTIC_REGRESSION_KIND, logisticRegressionParamsSchema, input);
  assertCompatible(params);
  return params;
}

function invalid(problem: string, where: string, hint: string): ModeldebugError {
  return new ModeldebugError('invalid_param', `${LOGISTIC_REGRESSION_KIND}: ${problem}`, { where, hint });
}

function assertCompatible(params: LogisticRegressionParams): void {
  const { penalty, solver } = params;
  if (penalty === 'elasticnet' && params.l1_ratio === null) {
    throw invalid(
      "penalty 'elasticnet' needs l1_ratio (the L1 share of the penalty, in [0, 1])",
      'param l1_ratio',
      'set l1_ratio, e.g. l1_ratio=0.5 (0 is pure l2, 1 is pure l1)',
    );
  }
  if (solver === 'lbfgs' && (penalty === 'l1' || penalty === 'elasticnet')) {
    throw invalid(
      `solver 'lbfgs' supports only penalty 'l2' or 'none', got '${penalty}'`,
      'param solver',
      `use solver 'auto' or 'owlqn' for penalty '${penalty}'${penalty === 'l1' ? " (or 'liblinear')" : ''}`,
    );
  }
  if (solver === 'liblinear' && (penalty === 'elasticnet' || penalty === 'none')) {
    throw invalid(
      `solver 'liblinear' supports only penalty 'l1' or 'l2', got '${penalty}'`,
      'param solver',
      `use solver 'auto' or 'owlqn' for penalty '${penalty}'`,
    );
  }
  if (solver === 'liblinear' && params.multi_class === 'multinomial') {
    throw invalid(
      "solver 'liblinear' is one-vs-rest and cannot fit multi_class 'multinomial'",
      'param multi_class',
      "use multi_class 'ovr' or 'auto' with liblinear, or solver 'auto' for the multinomial model",
    );
  }
}
