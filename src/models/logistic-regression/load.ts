import { z } from 'zod';
import { ModeldebugError } from '../../core/errors.js';
import type { SerializedModel } from '../../core/estimator.js';
import { matrixFromRows } from '../../core/matrix.js';
import { createFittedLogisticRegression, type FittedLogisticRegression } from './fitted-model.js';
import { LOGISTIC_REGRESSION_KIND, parseLogisticRegressionParams } from './params.js';

const stateSchema = z.object({
  probability: z.enum(['sigmoid', 'softmax-binary', 'softmax', 'ovr']),
  coefficients: z.array(z.array(z.number())).min(1),
  intercepts: z.array(z.number()),
  featureNames: z.array(z.string()),
  diagnostics: z.object({
    iterations: z.number(),
    converged: z.boolean(),
    solver: z.enum(['lbfgs', 'owlqn']),
    objective: z.number(),
    gradientNorm: z.number(),
    warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  }),
});

/** Restores a model written by `toJSON()`; its predictions are identical to the original's. */
export function loadLogisticRegression(serialized: SerializedModel): FittedLogisticRegression {
  if (serialized.format !== 'modeldebug-model' || serialized.kind !== LOGISTIC_REGRESSION_KIND) {
    throw new ModeldebugError(
      'invalid_argument',
      `expected a serialized ${LOGISTIC_REGRESSION_KIND} model, got kind "${String(serialized.kind)}"`,
    );
  }
  const parsed = stateSchema.safeParse(serialized.state);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ModeldebugError(
      'invalid_argument',
      `corrupt ${LOGISTIC_REGRESSION_KIND} model: ${issue.message}`,
      {
        where: `state.${issue.path.join('.')}`,
      },
    );
  }
  const state = parsed.data;
  const coefficients = matrixFromRows(state.coefficients);
  const expectedRows =
    state.probability === 'softmax' || state.probability === 'ovr' ? serialized.classes.length : 1;
  if (coefficients.rows !== expectedRows || state.intercepts.length !== expectedRows) {
    throw new ModeldebugError(
      'shape_mismatch',
      `corrupt ${LOGISTIC_REGRESSION_KIND} model: ${coefficients.rows} coefficient rows for ${serialized.classes.length} classes`,
    );
  }
  return createFittedLogisticRegression(
    parseLogisticRegressionParams(serialized.params),
    serialized.classes,
    { probability: state.probability, coefficients, intercepts: Float64Array.from(state.intercepts) },
    state.diagnostics,
    state.featureNames,
  );
}
