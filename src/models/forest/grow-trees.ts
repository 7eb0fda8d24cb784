import { createRng } from '../../core/rng.js';
import { buildTree, type PresortedColumns, type TreeArrays, type TreeGrowth } from '../tree/index.js';

/** Everything needed to grow any tree of a forest, in plain data (it crosses to worker threads). */
export interface ForestJob {
  readonly data: PresortedColumns;
  readonly codes: Int32Array;
  readonly classCount: number;
  readonly growth: TreeGrowth;
  /** One seed per tree: tree t depends on seeds[t] only, whichever thread grows it. */
  readonly seeds: Uint32Array;
  /** Rows drawn with replacement per tree; 0 for no bootstrap (every tree sees every row once). */
  readonly bootstrapSize: number;
}

/**
 * Grows the trees `indices` of a forest. Tree t draws its bootstrap sample as per-row counts from
 * createRng(seeds[t]) (sklearn's sample_weight = bincount of the draws), then splits with the same RNG.
 */
export function growTrees(job: ForestJob, indices: readonly number[], signal?: AbortSignal): TreeArrays[] {
  const n = job.data.rows;
  const trees: TreeArrays[] = [];
  const counts = job.bootstrapSize > 0 ? new Float64Array(n) : null;
  for (const t of indices) {
    signal?.throwIfAborted();
    const rng = createRng(job.seeds[t]);
    if (counts) {
      counts.fill(0);
      for (let draw = 0; draw < job.bootstrapSize; draw++) counts[rng.int(n)]++;
    }
    trees.push(
      buildTree(job.data, { codes: job.codes, classCount: job.classCount, weights: counts }, job.growth, rng),
    );
  }
  return trees;
}

/** The trees a worker of `workers` grows: round robin, so each gets a similar share. */
export function treesForWorker(treeCount: number, worker: number, workers: number): number[] {
  const indices: number[] = [];
  for (let t = worker; t < treeCount; t += workers) indices.push(t);
  return indices;
}
