import { z } from 'zod';
import { parseParams } from '../../core/params.js';

export const DUMMY_KIND = 'dummy';

/** scikit-learn's DummyClassifier names and defaults, for the strategies that need no target value. */
export const dummyParamsSchema = z.strictObject({
  strategy: z
    .enum(['most_frequent', 'prior', 'stratified'])
    .default('prior')
    .describe(
      'most_frequent: always the commonest class, probability 1; prior: the commonest class, the class frequencies as probabilities; stratified: one-hot random draws from the class frequencies',
    ),
  random_state: z
    .number()
    .int()
    .nonnegative()
    .nullable()
    .default(null)
    .describe('seed of the stratified draws (null: 0, so that predictions are reproducible)'),
});

export type DummyParams = z.infer<typeof dummyParamsSchema>;

export function parseDummyParams(input: unknown): DummyParams {
  return parseParams(DUMMY_KIND, dummyParamsSchema, input);
}
