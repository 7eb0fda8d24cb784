import { z } from 'zod';

/** The runtime check of a `SerializedModel` envelope (core/estimator.ts); `state` is each kind's own. */
export const serializedModelSchema = z.object({
  format: z.literal('modeldebug-model'),
  version: z.literal(1),
  kind: z.string(),
  params: z.unknown(),
  classes: z.array(z.string()),
  state: z.unknown(),
});
