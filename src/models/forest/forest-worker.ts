import { parentPort, workerData } from 'node:worker_threads';
import type { TreeArrays } from '../tree/index.js';
import { type ForestJob, growTrees } from './grow-trees.js';

/**
 * A worker thread that grows some trees of a forest: it receives the job (the data in
 * SharedArrayBuffers, not copied) and its tree indices, and posts the trees back, transferring their
 * node arrays.
 */
interface WorkerInput {
  readonly job: ForestJob;
  readonly indices: readonly number[];
}

const { job, indices } = workerData as WorkerInput;
const trees = growTrees(job, indices);
const transfer = trees.flatMap((tree: TreeArrays) =>
  [
    tree.left,
    tree.right,
    tree.feature,
    tree.threshold,
    tree.impurity,
    tree.weightedSamples,
    tree.samples,
    tree.value,
  ].map((array) => array.buffer as ArrayBuffer),
);
parentPort?.postMessage({ indices, trees }, transfer);
