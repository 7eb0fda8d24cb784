import { z } from 'zod';
import { ModeldebugError } from '../../core/errors.js';
import type { SerializedModel } from '../../core/estimator.js';
import { fromNestedRows, parseSerializedState } from '../training-checks/index.js';
import { createFittedMlp, type FittedMlp } from './fitted-mlp.js';
import { MLP_KIND, parseMlpParams } from './mlp-params.js';

const numbers = z.array(z.number());
const stateSchema = z.object({
  sizes: z.array(z.number().int().positive()).min(2),
  weights: z.array(z.array(numbers)),
  biases: z.array(numbers),
  featureNames: z.array(z.string()),
  diagnostics: z.object({
    iterations: z.number(),
    converged: z.boolean(),
    loss: z.number(),
    epochs: z.object({
      trainLoss: numbers,
      validationLoss: numbers.optional(),
      validationScore: numbers.optional(),
      bestEpoch: z.number().optional(),
    }),
    warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  }),
});

/** Restores a model written by `toJSON()`; its predictions are identical to the original's. */
export function loadMlp(serialized: SerializedModel): FittedMlp {
  const state = parseSerializedState(serialized, MLP_KIND, stateSchema);
  const { sizes } = state;
  const layers = sizes.length - 1;
  const outputs = serialized.classes.length === 2 ? 1 : serialized.classes.length;
  if (state.weights.length !== layers || state.biases.length !== layers || sizes[layers] !== outputs) {
    throw new ModeldebugError('shape_mismatch', `corrupt ${MLP_KIND} model: layers do not match sizes`);
  }
  const weights = state.weights.map((rows, l) => {
    if (rows.length !== sizes[l + 1])
      throw new ModeldebugError(
        'shape_mismatch',
        `corrupt ${MLP_KIND} model: layer ${l} has ${rows.length} units`,
      );
    return fromNestedRows(rows, sizes[l], MLP_KIND);
  });
  const biases = state.biases.map((b) => Float64Array.from(b));
  const params = parseMlpParams(serialized.params);
  return createFittedMlp(
    params,
    serialized.classes,
    { sizes, activation: params.activation, weights, biases },
    state.diagnostics,
    state.featureNames,
  );
}
