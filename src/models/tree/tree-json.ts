import { z } from 'zod';
import { ModeldebugError } from '../../core/errors.js';
import type { TreeArrays } from './tree-arrays.js';

/** A tree in JSON: its node arrays as plain arrays (float64s round-trip exactly). */
export const serializedTreeSchema = z.object({
  classCount: z.number().int().positive(),
  left: z.array(z.number().int()),
  right: z.array(z.number().int()),
  feature: z.array(z.number().int()),
  threshold: z.array(z.number()),
  impurity: z.array(z.number()),
  weightedSamples: z.array(z.number()),
  samples: z.array(z.number().int()),
  value: z.array(z.number()),
});

export type SerializedTree = z.infer<typeof serializedTreeSchema>;

export function serializeTree(tree: TreeArrays): SerializedTree {
  return {
    classCount: tree.classCount,
    left: Array.from(tree.left),
    right: Array.from(tree.right),
    feature: Array.from(tree.feature),
    threshold: Array.from(tree.threshold),
    impurity: Array.from(tree.impurity),
    weightedSamples: Array.from(tree.weightedSamples),
    samples: Array.from(tree.samples),
    value: Array.from(tree.value),
  };
}

/** Rebuilds node arrays, checking that every child index and feature is in range. */
export function deserializeTree(json: SerializedTree, features: number, kind: string): TreeArrays {
  const nodeCount = json.left.length;
  const K = json.classCount;
  const consistent =
    nodeCount > 0 &&
    [json.right, json.feature, json.threshold, json.impurity, json.weightedSamples, json.samples].every(
      (array) => array.length === nodeCount,
    ) &&
    json.value.length === nodeCount * K &&
    json.left.every(
      (child, k) =>
        child === -1 ||
        (child > k &&
          child < nodeCount &&
          json.right[k] > k &&
          json.right[k] < nodeCount &&
          json.feature[k] < features),
    );
  if (!consistent)
    throw new ModeldebugError('invalid_argument', `corrupt ${kind} model: inconsistent tree arrays`);
  return {
    nodeCount,
    classCount: K,
    left: Int32Array.from(json.left),
    right: Int32Array.from(json.right),
    feature: Int32Array.from(json.feature),
    threshold: Float64Array.from(json.threshold),
    impurity: Float64Array.from(json.impurity),
    weightedSamples: Float64Array.from(json.weightedSamples),
    samples: Int32Array.from(json.samples),
    value: Float64Array.from(json.value),
  };
}
