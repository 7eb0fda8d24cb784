import { z } from 'zod';
import { ModeldebugError } from '../../core/errors.js';
import type { SerializedModel } from '../../core/estimator.js';
import { createMatrix } from '../../core/matrix.js';
import { epochHistorySchema } from '../epoch-history.js';
import { fromNestedRows, parseSerializedState } from '../training-checks/index.js';
import { createFittedSgd, type FittedSgd } from './fitted-sgd.js';
import { parseSgdParams, SGD_KIND } from './sgd-params.js';

const numbers = z.array(z.number());
const stateSchema = z.object({
  coefficients: z.array(numbers).min(1),
  intercepts: numbers,
  featureNames: z.array(z.string()),
  diagnostics: z.object({
    iterations: z.number(),
    converged: z.boolean(),
    epochs: epochHistorySchema,
    warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  }),
});

/** Restores a model written by `toJSON()`; its predictions are identical to the original's. */
export function loadSgd(serialized: SerializedModel): FittedSgd {
  const state = parseSerializedState(serialized, SGD_KIND, stateSchema);
  const rows = serialized.classes.length === 2 ? 1 : serialized.classes.length;
  const cols = state.featureNames.length;
  if (state.coefficients.length !== rows || state.intercepts.length !== rows) {
    throw new ModeldebugError(
      'shape_mismatch',
      `corrupt ${SGD_KIND} model: ${state.coefficients.length} coefficient rows for ${serialized.classes.length} classes`,
    );
  }
  return createFittedSgd(
    parseSgdParams(serialized.params),
    serialized.classes,
    {
      coefficients: createMatrix(rows, cols, fromNestedRows(state.coefficients, cols, SGD_KIND)),
      intercepts: Float64Array.from(state.intercepts),
    },
    state.diagnostics,
    state.featureNames,
  );
}
