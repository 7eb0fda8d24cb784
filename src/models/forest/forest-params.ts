import { z } from 'zod';
import { nJobsSchema } from '../../core/n-jobs.js';
import { parseParams } from '../../core/params.js';
import { treeGrowthShape } from '../tree/index.js';

export const RANDOM_FOREST_KIND = 'random-forest';

/** scikit-learn's RandomForestClassifier names and defaults. */
export const randomForestParamsSchema = z.strictObject({
  ...treeGrowthShape,
  n_estimators: z
    .number()
    .int()
    .positive()
    .default(100)
    .describe('how many trees vote (their probabilities are averaged)'),
  max_features: treeGrowthShape.max_features
    .unwrap()
    .unwrap()
    .nullable()
    .default('sqrt')
    .describe(
      'features tried per split: sqrt or log2 of the feature count, null (all), a count, or a fraction in (0, 1)',
    ),
  bootstrap: z
    .boolean()
    .default(true)
    .describe('grow each tree on rows drawn with replacement; false gives every tree all rows'),
  max_samples: z
    .number()
    .positive()
    .refine((value) => Number.isInteger(value) || value < 1, {
      message: 'expected a count or a fraction in (0, 1)',
    })
    .nullable()
    .default(null)
    .describe('rows drawn per tree with bootstrap: null (all n), a count, or a fraction in (0, 1)'),
  n_jobs: nJobsSchema.describe(
    'worker threads for growing trees: null or 1 builds in this thread, -1 uses every core',
  ),
});

export type RandomForestParams = z.infer<typeof randomForestParamsSchema>;

export function parseRandomForestParams(input: unknown): RandomForestParams {
  return parseParams(RANDOM_FOREST_KIND, randomForestParamsSchema, input);
}
