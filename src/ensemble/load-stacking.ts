import { z } from 'zod';
import { ModeldebugError } from '../core/errors.js';
import type { FittedClassifier, SerializedModel } from '../core/estimator.js';
import { serializedModelSchema } from '../core/serialized-model-schema.js';
import { createFittedStacking, type FittedStacking } from './fitted-stacking.js';
import { parseStackingParams, STACKING_KIND } from './stacking-params.js';

const stateSchema = z.object({
  members: z.array(z.object({ name: z.string(), model: serializedModelSchema })).min(1),
  final: serializedModelSchema,
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});

/** Restores a fitted StackingClassifier from its `toJSON`; members and final through `loadClassifier`. */
export function loadStacking(
  serialized: SerializedModel,
  loadClassifier: (model: SerializedModel) => FittedClassifier,
): FittedStacking {
  const parsed = stateSchema.safeParse(serialized.state);
  if (serialized.kind !== STACKING_KIND || !parsed.success) {
    throw new ModeldebugError('invalid_argument', `not a saved ${STACKING_KIND} model`, {
      where: parsed.success ? 'kind' : `state.${parsed.error.issues[0].path.join('.')}`,
      hint: 'pass the JSON that a fitted StackingClassifier’s toJSON() produced',
    });
  }
  const { members, final, warnings } = parsed.data;
  return createFittedStacking(
    parseStackingParams(serialized.params),
    serialized.classes,
    members.map(({ name, model }) => [name, loadClassifier(model)] as const),
    loadClassifier(final),
    warnings,
  );
}
