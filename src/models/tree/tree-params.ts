import { z } from 'zod';
import { maxDepthParam } from '../../core/max-depth-param.js';
import { parseParams } from '../../core/params.js';
import { randomStateParam } from '../../core/random-state.js';
import type { TreeGrowth } from './build-tree.js';

export const DECISION_TREE_KIND = 'decision-tree';

/**
 * Integers are counts and fractions in (0, 1) are shares of the training rows, as in sklearn (which
 * tells them apart by type; in JavaScript 1 is always the integer 1).
 */
const countOrFraction = (minimumCount: number) =>
  z
    .number()
    .positive()
    .refine((value) => (Number.isInteger(value) ? value >= minimumCount : value < 1), {
      message: `expected an integer >= ${minimumCount} or a fraction in (0, 1)`,
    });

/** The growth params trees and forests share (sklearn's names and DecisionTreeClassifier's defaults). */
export const treeGrowthShape = {
  criterion: z
    .enum(['gini', 'entropy', 'log_loss'])
    .default('gini')
    .describe('the split quality: gini impurity, or entropy / log_loss (information gain; the same splits)'),
  max_depth: maxDepthParam(
    'the deepest a tree grows; null grows until leaves are pure or too small (larger is more complex)',
  ),
  min_samples_split: countOrFraction(2)
    .default(2)
    .describe('the fewest rows a node needs to be split: a count, or a fraction of the training rows'),
  min_samples_leaf: countOrFraction(1)
    .default(1)
    .describe(
      'the fewest rows each leaf keeps: a count, or a fraction of the training rows (larger is smoother)',
    ),
  max_features: z
    .union([z.literal('sqrt'), z.literal('log2'), countOrFraction(1)])
    .nullable()
    .default(null)
    .describe(
      'features tried per split: null (all), sqrt or log2 of the feature count, a count, or a fraction in (0, 1)',
    ),
  min_impurity_decrease: z
    .number()
    .nonnegative()
    .default(0)
    .describe('split only when the weighted impurity falls by at least this much'),
  random_state: randomStateParam('the feature order at each node'),
};

export const decisionTreeParamsSchema = z.strictObject(treeGrowthShape);

export type DecisionTreeParams = z.infer<typeof decisionTreeParamsSchema>;
export type TreeGrowthParams = Pick<
  DecisionTreeParams,
  | 'criterion'
  | 'max_depth'
  | 'min_samples_split'
  | 'min_samples_leaf'
  | 'max_features'
  | 'min_impurity_decrease'
>;

export function parseDecisionTreeParams(input: unknown): DecisionTreeParams {
  return parseParams(DECISION_TREE_KIND, decisionTreeParamsSchema, input);
}

/** Resolves fractions and names to counts for `rows` training rows of `features` features (as sklearn). */
export function resolveGrowth(params: TreeGrowthParams, rows: number, features: number): TreeGrowth {
  const leaf = params.min_samples_leaf;
  const minSamplesLeaf = Number.isInteger(leaf) ? leaf : Math.ceil(leaf * rows);
  const split = params.min_samples_split;
  const minSamplesSplit = Math.max(
    Number.isInteger(split) ? split : Math.ceil(split * rows),
    2 * minSamplesLeaf,
  );
  return {
    criterion: params.criterion === 'gini' ? 'gini' : 'entropy',
    maxDepth: params.max_depth ?? Number.POSITIVE_INFINITY,
    minSamplesSplit,
    minSamplesLeaf,
    maxFeatures: resolveMaxFeatures(params.max_features, features),
    minImpurityDecrease: params.min_impurity_decrease,
  };
}

function resolveMaxFeatures(maxFeatures: DecisionTreeParams['max_features'], features: number): number {
  if (maxFeatures === null) return features;
  if (maxFeatures === 'sqrt') return Math.max(1, Math.floor(Math.sqrt(features)));
  if (maxFeatures === 'log2') return Math.max(1, Math.floor(Math.log2(features)));
  if (Number.isInteger(maxFeatures)) return Math.min(maxFeatures, features);
  return Math.max(1, Math.floor(maxFeatures * features));
}
