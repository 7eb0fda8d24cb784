import { z } from 'zod';
import { ModeldebugError } from '../../core/errors.js';
import type { SerializedModel } from '../../core/estimator.js';
import { createFittedLlmClassifier, type FittedLlmClassifier } from './fitted-model.js';
import { LLM_CLASSIFIER_KIND, parseLlmClassifierParams } from './params.js';
import { cacheFromParam, engineFor, type LlmRuntime } from './runtime.js';

const stateSchema = z.object({
  prior: z.array(z.number().nonnegative()).min(2),
  pool: z.object({ inputs: z.array(z.string()), labels: z.array(z.number().int().nonnegative()) }),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});

/** Restores a model written by `toJSON()`; the key is read again from the named variable when it calls. */
export function loadLlmClassifier(
  serialized: SerializedModel,
  runtime: LlmRuntime = {},
): FittedLlmClassifier {
  if (serialized.format !== 'modeldebug-model' || serialized.kind !== LLM_CLASSIFIER_KIND) {
    throw new ModeldebugError(
      'invalid_argument',
      `expected a serialized ${LLM_CLASSIFIER_KIND} model, got kind "${String(serialized.kind)}"`,
    );
  }
  const parsed = stateSchema.safeParse(serialized.state);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ModeldebugError('invalid_argument', `corrupt ${LLM_CLASSIFIER_KIND} model: ${issue.message}`, {
      where: `state.${issue.path.join('.')}`,
    });
  }
  const { prior, pool, warnings } = parsed.data;
  const classes = serialized.classes;
  if (prior.length !== classes.length || pool.labels.some((label) => label >= classes.length)) {
    throw new ModeldebugError(
      'shape_mismatch',
      `corrupt ${LLM_CLASSIFIER_KIND} model: state does not match its classes`,
    );
  }
  const params = parseLlmClassifierParams(serialized.params);
  const cache = runtime.cache === null ? undefined : (runtime.cache ?? cacheFromParam(params.cache));
  return createFittedLlmClassifier(
    params,
    { classes, prior, pool },
    warnings,
    runtime,
    engineFor(params, runtime, cache),
  );
}
