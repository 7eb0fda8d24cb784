import { ModeldebugError } from '../../core/errors.js';
import { publish, waitForChange, waitForValue } from '../mlp/thread-signals.js';
import type { SplitChoice } from './find-split.js';
import { childrenPart, type NodeSearch, type PartContext, rootPart } from './node-parts.js';

/**
 * A node's work shared between the fit thread and the HistGradientBoosting workers, through shared
 * memory: the job (which histograms, which rows, the nodes' sums) is cut into chunks of features that
 * the threads take from a counter until none is left, each writing its chunk's best split choices.
 * Taking rather than being assigned work balances the threads, and a worker that the machine has not
 * scheduled (a loaded machine) leaves its chunks to the others instead of stalling them.
 */
export interface NodeJob {
  /** The root (from every row), or a split's children. */
  readonly root: boolean;
  readonly start: number;
  readonly count: number;
  /** Histogram slots in the shared slab: the node built from rows, and the parent (−1 for the root). */
  readonly small: number;
  readonly parent: number;
  /** The root, or the smaller child then the larger. */
  readonly nodes: readonly { sumG: number; sumH: number; count: number; search: boolean }[];
}

/** Everything in shared memory that a chunk of a node's work reads or writes. */
export interface SharedNodeWork {
  readonly context: PartContext;
  readonly features: number;
  readonly indices: Int32Array;
  readonly gradients: Float64Array;
  readonly hessians: Float64Array;
  /** Every histogram the fit can hold at once, `histogramSize` numbers each. */
  readonly slab: Float64Array;
  readonly histogramSize: number;
  readonly control: Int32Array;
  readonly job: Float64Array;
  /** Two split choices per chunk, CHOICE numbers each. */
  readonly results: Float64Array;
}

/** The control block's slots (an Int32Array): job sequence, stop, failure, next chunk, chunks done. */
export const CONTROL = { go: 0, stop: 1, failed: 2, next: 3, done: 4, length: 5 } as const;
/** Features per chunk: the kernels sum four features per pass over the rows. */
export const CHUNK_FEATURES = 4;
export const JOB_LENGTH = 5 + 2 * 4;
/** Numbers per split choice: feature, bin, gain, missingLeft, gLeft, hLeft, gRight, hRight. */
export const CHOICE = 8;

export const chunkCount = (features: number): number => Math.ceil(features / CHUNK_FEATURES);

/** The fit thread's side: publishes the job, takes chunks with the workers, merges their choices. */
export function runNodeJob(shared: SharedNodeWork, node: NodeJob, searches: readonly NodeSearch[]): void {
  const { control, job } = shared;
  writeNodeJob(job, node);
  const chunks = chunkCount(shared.features);
  // Done first: a chunk taken after the reset of `next` is counted after the reset of `done`.
  Atomics.store(control, CONTROL.done, 0);
  Atomics.store(control, CONTROL.next, 0);
  publish(control, CONTROL.go, Atomics.load(control, CONTROL.go) + 1);
  takeChunks(shared);
  waitForValue(control, CONTROL.done, chunks);
  if (Atomics.load(control, CONTROL.failed) === 1)
    throw new ModeldebugError('internal', 'a HistGradientBoosting worker thread failed', {
      hint: 'fit with n_jobs=1',
    });
  // Chunks in feature order, each replacing the best only when strictly better: the first best
  // feature wins, as in one scan over all features.
  for (let chunk = 0; chunk < chunks; chunk++)
    searches.forEach((search, k) => {
      mergeChoice(shared.results, (chunk * 2 + k) * CHOICE, search.best);
    });
}

/** A worker's side: waits for each job, takes chunks until none is left, until stopped. */
export function serveNodeJobs(shared: SharedNodeWork, ready: () => void): void {
  const { control } = shared;
  // Read before saying ready: the fit thread may publish the first job as soon as it hears it.
  let seen = Atomics.load(control, CONTROL.go);
  ready();
  for (;;) {
    seen = waitForChange(control, CONTROL.go, seen);
    if (Atomics.load(control, CONTROL.stop) === 1) return;
    takeChunks(shared);
  }
}

export function stopNodeJobs(control: Int32Array): void {
  publish(control, CONTROL.stop, 1);
  publish(control, CONTROL.go, Atomics.load(control, CONTROL.go) + 1);
}

/**
 * Takes chunks until the counter passes the last. A worker late for a job finds the counter spent (the
 * job cannot finish before each taken chunk is done, nor the next start before that), or, past the
 * next job's reset, takes a chunk of that job, whose data was written before the reset.
 */
function takeChunks(shared: SharedNodeWork): void {
  const { control } = shared;
  const chunks = chunkCount(shared.features);
  for (;;) {
    const chunk = Atomics.add(control, CONTROL.next, 1);
    if (chunk >= chunks) return;
    try {
      runChunk(shared, chunk);
    } catch {
      Atomics.store(control, CONTROL.failed, 1);
    }
    Atomics.add(control, CONTROL.done, 1);
    Atomics.notify(control, CONTROL.done);
  }
}

function runChunk(shared: SharedNodeWork, chunk: number): void {
  const { slab, histogramSize, results } = shared;
  const node = readNodeJob(shared.job);
  const from = chunk * CHUNK_FEATURES;
  const to = Math.min(shared.features, from + CHUNK_FEATURES);
  const histogram = (slot: number) => slab.subarray(slot * histogramSize, (slot + 1) * histogramSize);
  const searches = node.nodes.map((stats) => ({ ...stats, best: emptyChoice() }));
  const { gradients: g, hessians: h } = shared;
  if (node.root) rootPart(shared.context, g, h, histogram(node.small), searches[0], from, to);
  else {
    const [smallNode, largeNode] = searches;
    const { start, count } = node;
    const small = histogram(node.small);
    const parent = histogram(node.parent);
    const work = { indices: shared.indices, start, count, g, h, small, parent, smallNode, largeNode };
    childrenPart(shared.context, work, from, to);
  }
  searches.forEach((search, k) => {
    writeChoice(results, (chunk * 2 + k) * CHOICE, search.best);
  });
}

function writeNodeJob(job: Float64Array, node: NodeJob): void {
  job[0] = node.root ? 1 : 0;
  job[1] = node.start;
  job[2] = node.count;
  job[3] = node.small;
  job[4] = node.parent;
  node.nodes.forEach((n, k) => {
    job[5 + 4 * k] = n.sumG;
    job[6 + 4 * k] = n.sumH;
    job[7 + 4 * k] = n.count;
    job[8 + 4 * k] = n.search ? 1 : 0;
  });
}

function readNodeJob(job: Float64Array): NodeJob {
  const root = job[0] === 1;
  const nodes = Array.from({ length: root ? 1 : 2 }, (_, k) => ({
    sumG: job[5 + 4 * k],
    sumH: job[6 + 4 * k],
    count: job[7 + 4 * k],
    search: job[8 + 4 * k] === 1,
  }));
  return { root, start: job[1], count: job[2], small: job[3], parent: job[4], nodes };
}

function writeChoice(results: Float64Array, at: number, choice: SplitChoice): void {
  results[at] = choice.feature;
  results[at + 1] = choice.bin;
  results[at + 2] = choice.gain;
  results[at + 3] = choice.missingLeft ? 1 : 0;
  results[at + 4] = choice.gLeft;
  results[at + 5] = choice.hLeft;
  results[at + 6] = choice.gRight;
  results[at + 7] = choice.hRight;
}

/** Reads the split choice at results[at …] into `best` when its gain is strictly higher. */
function mergeChoice(results: Float64Array, at: number, best: SplitChoice): void {
  if (!(results[at + 2] > best.gain)) return;
  best.feature = results[at];
  best.bin = results[at + 1];
  best.gain = results[at + 2];
  best.missingLeft = results[at + 3] === 1;
  best.gLeft = results[at + 4];
  best.hLeft = results[at + 5];
  best.gRight = results[at + 6];
  best.hRight = results[at + 7];
}

/** No split yet: gain 0, so only a cut that gains something is recorded (as a node's search starts). */
export function emptyChoice(): SplitChoice {
  return { feature: -1, bin: 0, gain: 0, missingLeft: false, gLeft: 0, hLeft: 0, gRight: 0, hRight: 0 };
}
