import { z } from 'zod';
import { type FittedClassifier, ModeldebugError, type SerializedModel } from '../core/index.js';
import { serializedModelSchema } from '../core/serialized-model-schema.js';
import { createFittedPipeline, type FittedPipeline } from './fitted-pipeline.js';
import { loadTransformer } from './load-transformer.js';
import { PIPELINE } from './pipeline.js';

const serializedPipelineSchema = serializedModelSchema.extend({
  kind: z.literal(PIPELINE),
  params: z.record(z.string(), z.unknown()),
  state: z.strictObject({
    steps: z.array(z.strictObject({ name: z.string(), transformer: z.unknown() })),
    final: z.strictObject({ name: z.string(), model: serializedModelSchema }),
  }),
});

/**
 * Restores a fitted pipeline from its `toJSON`. The final classifier is restored by `loadClassifier`
 * (the model registry, which itself may load pipelines), so features/ does not import the models.
 */
export function loadPipeline(
  json: unknown,
  loadClassifier: (model: SerializedModel) => FittedClassifier,
): FittedPipeline {
  const result = serializedPipelineSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue.path.join('.');
    throw new ModeldebugError(
      'parse_error',
      `not a saved modeldebug pipeline: ${issue.message} at "${path}"`,
      {
        where: path || undefined,
        hint: 'pass the JSON that a fitted pipeline’s toJSON() produced',
      },
    );
  }
  const { params, state } = result.data;
  const transformers = state.steps.map(
    ({ name, transformer }) => [name, loadTransformer(transformer)] as const,
  );
  const finalModel: SerializedModel = state.final.model;
  return createFittedPipeline(params, transformers, [state.final.name, loadClassifier(finalModel)]);
}
