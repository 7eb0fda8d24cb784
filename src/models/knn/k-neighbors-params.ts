import { z } from 'zod';
import { parseParams } from '../../core/params.js';

export const K_NEIGHBORS_KIND = 'k-neighbors';

/**
 * scikit-learn's KNeighborsClassifier names and defaults. The search is always exact (brute force), so
 * sklearn's `algorithm` and `leaf_size` (which change speed, not results) are not params here.
 */
export const kNeighborsParamsSchema = z.strictObject({
  n_neighbors: z
    .number()
    .int()
    .positive()
    .default(5)
    .describe('how many nearest training rows vote: larger is smoother (less complex)'),
  weights: z
    .enum(['uniform', 'distance'])
    .default('uniform')
    .describe(
      'uniform (every neighbour votes 1) or distance (a vote weighs 1 / distance; an exact match wins)',
    ),
  metric: z
    .enum(['minkowski', 'euclidean', 'manhattan', 'chebyshev'])
    .default('minkowski')
    .describe('the distance: minkowski (with power p), euclidean, manhattan, or chebyshev'),
  p: z
    .number()
    .min(1)
    .default(2)
    .describe('Minkowski power, for metric minkowski only: 1 is manhattan, 2 euclidean'),
});

export type KNeighborsParams = z.infer<typeof kNeighborsParamsSchema>;

export function parseKNeighborsParams(input: unknown): KNeighborsParams {
  return parseParams(K_NEIGHBORS_KIND, kNeighborsParamsSchema, input);
}

/** The Minkowski power a metric stands for (∞ for chebyshev). */
export function minkowskiPower(params: KNeighborsParams): number {
  switch (params.metric) {
    case 'euclidean':
      return 2;
    case 'manhattan':
      return 1;
    case 'chebyshev':
      return Number.POSITIVE_INFINITY;
    default:
      return params.p;
  }
}
