import { z } from 'zod';
import { ModeldebugError } from '../../core/errors.js';
import type { SerializedModel } from '../../core/estimator.js';
import { parseSerializedState } from '../training-checks/index.js';
import type { BoostedTree } from './boosted-tree.js';
import {
  createFittedHistGradientBoosting,
  type FittedHistGradientBoosting,
} from './fitted-hist-gradient-boosting.js';
import { HIST_GRADIENT_BOOSTING_KIND, parseHistGradientBoostingParams } from './hgb-params.js';

const treeSchema = z.object({
  left: z.array(z.number().int()),
  right: z.array(z.number().int()),
  feature: z.array(z.number().int()),
  /** null: +Infinity, a split of missing against present values (JSON has no Infinity). */
  threshold: z.array(z.number().nullable()),
  binThreshold: z.array(z.number().int().min(0).max(255)),
  /** Absent in models saved before missing-value support: every missing value then went right. */
  missingLeft: z.array(z.number().int().min(0).max(1)).optional(),
  value: z.array(z.number()),
});

const stateSchema = z.object({
  baseline: z.array(z.number()).min(1),
  trees: z.array(z.array(treeSchema)),
  featureNames: z.array(z.string()),
  diagnostics: z.object({
    iterations: z.number(),
    converged: z.boolean(),
    warnings: z.array(z.object({ code: z.string(), message: z.string() })),
    trainLoss: z.array(z.number()),
    validationLoss: z.array(z.number()),
  }),
});

/** Restores a model written by `toJSON()`; its predictions are identical to the original's. */
export function loadHistGradientBoosting(serialized: SerializedModel): FittedHistGradientBoosting {
  const state = parseSerializedState(serialized, HIST_GRADIENT_BOOSTING_KIND, stateSchema);
  const d = state.featureNames.length;
  const trees = state.trees.map((round) => round.map((tree) => toTree(tree, d)));
  if (trees.some((round) => round.length !== state.baseline.length)) {
    throw new ModeldebugError(
      'shape_mismatch',
      `corrupt ${HIST_GRADIENT_BOOSTING_KIND} model: trees per iteration`,
    );
  }
  return createFittedHistGradientBoosting(
    parseHistGradientBoostingParams(serialized.params),
    serialized.classes,
    { baseline: Float64Array.from(state.baseline), trees },
    state.featureNames,
    state.diagnostics,
  );
}

function toTree(json: z.infer<typeof treeSchema>, d: number): BoostedTree {
  const nodeCount = json.left.length;
  const valid = json.left.every(
    (child, k) =>
      child === -1 ||
      (child > k &&
        child < nodeCount &&
        json.right[k] > k &&
        json.right[k] < nodeCount &&
        json.feature[k] < d),
  );
  if (!valid)
    throw new ModeldebugError(
      'invalid_argument',
      `corrupt ${HIST_GRADIENT_BOOSTING_KIND} model: tree arrays`,
    );
  return {
    nodeCount,
    left: Int32Array.from(json.left),
    right: Int32Array.from(json.right),
    feature: Int32Array.from(json.feature),
    threshold: Float64Array.from(json.threshold, (t) => t ?? Number.POSITIVE_INFINITY),
    binThreshold: Uint8Array.from(json.binThreshold),
    missingLeft: json.missingLeft ? Uint8Array.from(json.missingLeft) : new Uint8Array(nodeCount),
    value: Float64Array.from(json.value),
  };
}
