import { parentPort, workerData } from 'node:worker_threads';
import type { Activation } from '../../linalg/activations.js';
import { type BatchData, batchSlice, rowsGradient } from './batch-gradient.js';
import { createWorkspace, type Network } from './network.js';
import { COUNT, START, serveWork } from './thread-signals.js';

/**
 * A worker thread of a threaded MLP fit: for every batch the fit thread publishes, it computes the
 * log-loss gradient of its slice of the batch (weights read from, gradients written to shared memory)
 * and reports done; see threaded-gradients.ts.
 */
export interface MlpWorkerInput {
  readonly part: number;
  readonly threads: number;
  readonly capacity: number;
  readonly sizes: readonly number[];
  readonly activation: Activation;
  readonly weights: Float64Array[];
  readonly biases: Float64Array[];
  readonly weightGrads: Float64Array[];
  readonly biasGrads: Float64Array[];
  readonly data: BatchData;
  readonly order: Int32Array;
  readonly control: Int32Array;
  readonly losses: Float64Array;
}

const input = workerData as MlpWorkerInput;
const network: Network = {
  sizes: input.sizes,
  activation: input.activation,
  weights: input.weights,
  biases: input.biases,
};
const ws = {
  ...createWorkspace(network, input.capacity),
  weightGrads: input.weightGrads,
  biasGrads: input.biasGrads,
};
const batchCodes = new Int32Array(input.capacity);
const { control, losses, part, threads } = input;
serveWork(
  control,
  part,
  () => parentPort?.postMessage('ready'),
  () => {
    const start = Atomics.load(control, START);
    const m = Atomics.load(control, COUNT);
    const { from, to } = batchSlice(m, part, threads);
    losses[part] = rowsGradient(
      network,
      ws,
      input.data,
      input.order,
      start + from,
      to - from,
      1 / m,
      batchCodes,
    );
  },
);
