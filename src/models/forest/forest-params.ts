import { z } from 'zod';
import { nJobsSchema } from '../../core/n-jobs.js';
import { parseParams } from '../../core/params.js';
import { treeGrowthShape } from '../tree/index.js';

export const RANDOM_FOREST_KIND = 'random-forest';

/** scikit-learn's RandomForestClassifier names and defaults. */
export const randomForestParamsSchema = z.strictObject({
  ...treeGrowthShape,
  n_estimators: z.number().int().positive().default(100),
  max_features: treeGrowthShape.max_features.unwrap().unwrap().nullable().default('sqrt'),
  bootstrap: z.boolean().default(true),
  /** Rows drawn per tree with bootstrap: null (all n), a count, or a fraction in (0, 1). */
  max_samples: z
    .number()
    .positive()
    .refine((value) => Number.isInteger(value) || value < 1, {
      message: 'expected a count or a fraction in (0, 1)',
    })
    .nullable()
    .default(null),
  /** Worker threads for growing trees: null or 1 builds in this thread, -1 uses every core. */
  n_jobs: nJobsSchema,
});

export type RandomForestParams = z.infer<typeof randomForestParamsSchema>;

export function parseRandomForestParams(input: unknown): RandomForestParams {
  return parseParams(RANDOM_FOREST_KIND, randomForestParamsSchema, input);
}
