import type { Worker } from 'node:worker_threads';
import { ModeldebugError } from '../../core/errors.js';
import { locateWorkerScript, startWorker, type WorkerScript } from '../../core/worker-script.js';
import { type BatchData, type BatchGradients, batchSlice, rowsGradient } from './batch-gradient.js';
import type { MlpWorkerInput } from './mlp-worker.js';
import type { Network, Workspace } from './network.js';
import {
  COUNT,
  controlLength,
  doneSlot,
  FAILED,
  GO,
  publish,
  START,
  STOP,
  waitForValue,
} from './thread-signals.js';

/**
 * Data-parallel mini-batches: this thread and `threads − 1` workers each take a fixed slice of every
 * batch (batchSlice) and sum its gradient with the batch's 1 / m weight; this thread then adds the
 * workers' parts to its own, in part order. The weights and the workers' gradients live in
 * SharedArrayBuffers (the network's arrays are swapped for shared copies until `close`), so a batch
 * moves no data, only a counter. The result is deterministic for a seed and a thread count, but the
 * sums run in another order than in one thread, so weights differ from n_jobs=1 in the last bits.
 * Undefined when no worker script can be found (the caller then fits in this thread).
 */
export async function startThreadedGradients(
  network: Network,
  ws: Workspace,
  data: BatchData,
  rows: Int32Array,
  threads: number,
): Promise<BatchGradients | undefined> {
  const script = workerSource();
  if (!script) return undefined;
  const original = { weights: [...network.weights], biases: [...network.biases] };
  share(network.weights);
  share(network.biases);
  const shared: BatchData = {
    X: sharedCopy(data.X),
    cols: data.cols,
    codes: sharedCopy(data.codes),
  };
  const order = sharedCopy(rows);
  const control = new Int32Array(new SharedArrayBuffer(controlLength(threads) * 4));
  const losses = new Float64Array(new SharedArrayBuffer(threads * 8));
  const parts: { weightGrads: Float64Array[]; biasGrads: Float64Array[] }[] = [];
  const workers: Worker[] = [];
  const close = async () => {
    publish(control, STOP, 1);
    publish(control, GO, Atomics.load(control, GO) + 1);
    await Promise.all(workers.map((worker) => worker.terminate()));
    unshare(network.weights, original.weights);
    unshare(network.biases, original.biases);
  };
  try {
    await Promise.all(
      Array.from({ length: threads - 1 }, (_, w) => {
        const part = {
          weightGrads: ws.weightGrads.map((g) => sharedArray(g.length)),
          biasGrads: ws.biasGrads.map((g) => sharedArray(g.length)),
        };
        parts.push(part);
        const input: MlpWorkerInput = {
          part: w + 1,
          threads,
          capacity: ws.capacity,
          sizes: network.sizes,
          activation: network.activation,
          weights: network.weights,
          biases: network.biases,
          ...part,
          data: shared,
          order,
          control,
          losses,
        };
        const worker = startWorker(script, { ...input });
        workers.push(worker);
        return new Promise<void>((resolve, reject) => {
          worker.once('message', () => resolve());
          worker.once('error', reject);
          worker.once('exit', (code) => reject(new Error(`MLP worker exited with code ${code}`)));
        });
      }),
    );
  } catch (error) {
    await close();
    throw new ModeldebugError('internal', 'an MLP worker thread failed to start', {
      hint: 'fit with n_jobs=1',
      cause: error,
    });
  }
  const batchCodes = new Int32Array(ws.capacity);
  let sequence = Atomics.load(control, GO);
  return {
    order,
    compute(start, m) {
      control[START] = start;
      control[COUNT] = m;
      publish(control, GO, ++sequence);
      const { to } = batchSlice(m, 0, threads);
      let logLoss = rowsGradient(network, ws, shared, order, start, to, 1 / m, batchCodes);
      for (let part = 1; part < threads; part++) {
        waitForValue(control, doneSlot(part), sequence);
        if (Atomics.load(control, FAILED) === 1)
          throw new ModeldebugError('internal', 'an MLP worker thread failed during a batch', {
            hint: 'fit with n_jobs=1',
          });
        logLoss += losses[part];
        addInto(ws.weightGrads, parts[part - 1].weightGrads);
        addInto(ws.biasGrads, parts[part - 1].biasGrads);
      }
      return logLoss;
    },
    close,
  };
}

function addInto(targets: readonly Float64Array[], sources: readonly Float64Array[]): void {
  for (let a = 0; a < targets.length; a++) {
    const target = targets[a];
    const source = sources[a];
    for (let k = 0; k < target.length; k++) target[k] += source[k];
  }
}

function sharedArray(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(length * 8));
}

function sharedCopy<T extends Float64Array | Int32Array>(array: T): T {
  if (array.buffer instanceof SharedArrayBuffer) return array;
  const copy =
    array instanceof Float64Array
      ? new Float64Array(new SharedArrayBuffer(array.byteLength))
      : new Int32Array(new SharedArrayBuffer(array.byteLength));
  copy.set(array);
  return copy as T;
}

/** Replaces each array of `list` by a shared copy (same values). */
function share(list: Float64Array[]): void {
  for (let a = 0; a < list.length; a++) list[a] = sharedCopy(list[a]);
}

/** Copies the shared arrays' values back into the original ones and puts those back in `list`. */
function unshare(list: Float64Array[], originals: readonly Float64Array[]): void {
  for (let a = 0; a < list.length; a++) {
    originals[a].set(list[a]);
    list[a] = originals[a];
  }
}

/** The built `mlp-worker.js` beside this module's bundle, or `mlp-worker.ts` from the sources. */
function workerSource(moduleUrl: string = import.meta.url): WorkerScript | undefined {
  return locateWorkerScript(moduleUrl, './mlp-worker.ts', ['./mlp-worker.js', './models/mlp/mlp-worker.js']);
}
