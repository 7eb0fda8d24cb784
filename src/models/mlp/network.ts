import type { Rng } from '../../core/rng.js';
import type { Activation } from '../../linalg/activations.js';
import { columnSums } from '../../linalg/dense-layers.js';
import { log1pExp } from '../../linalg/stable.js';
import {
  createWasmDenseKernels,
  type DenseKernels,
  jsDenseKernels,
} from '../../linalg/wasm/wasm-dense-layers.js';

/**
 * A multilayer perceptron: layer l maps `sizes[l]` inputs to `sizes[l + 1]` units, its weights stored
 * `out x in` (sklearn's `coefs_[l]` transposed). Hidden layers use `activation`; the output is one
 * logistic unit for two classes and a softmax over the classes otherwise, as in sklearn.
 */
export interface Network {
  readonly sizes: readonly number[];
  readonly activation: Activation;
  readonly weights: Float64Array[];
  readonly biases: Float64Array[];
}

/** Buffers for one batch of up to `capacity` rows, allocated once per fit. */
export interface Workspace {
  readonly capacity: number;
  /** acts[0] holds the batch's inputs; acts[l] the activations of layer l (the last: probabilities). */
  readonly acts: Float64Array[];
  /** deltas[l]: ∂loss/∂(pre-activation) of layer l + 1's units, per row. */
  readonly deltas: Float64Array[];
  readonly weightGrads: Float64Array[];
  readonly biasGrads: Float64Array[];
  /** The layer products: WebAssembly SIMD where the runtime has it (same sums as the JS ones). */
  readonly kernels: DenseKernels;
}

/**
 * sklearn's Glorot-uniform initialisation: weights and biases of each layer uniform in ±√(f / (in +
 * out)), f = 2 for logistic hidden units and 6 otherwise, drawn from the seeded `rng`.
 */
export function initNetwork(sizes: readonly number[], activation: Activation, rng: Rng): Network {
  const factor = activation === 'logistic' ? 2 : 6;
  const weights: Float64Array[] = [];
  const biases: Float64Array[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const bound = Math.sqrt(factor / (sizes[l] + sizes[l + 1]));
    const W = new Float64Array(sizes[l + 1] * sizes[l]);
    const b = new Float64Array(sizes[l + 1]);
    for (let k = 0; k < W.length; k++) W[k] = (2 * rng.next() - 1) * bound;
    for (let k = 0; k < b.length; k++) b[k] = (2 * rng.next() - 1) * bound;
    weights.push(W);
    biases.push(b);
  }
  return { sizes, activation, weights, biases };
}

export function createWorkspace(network: Network, capacity: number): Workspace {
  const { sizes } = network;
  const layers = sizes.length - 1;
  return {
    capacity,
    acts: sizes.map((width) => new Float64Array(capacity * width)),
    deltas: Array.from({ length: layers }, (_, l) => new Float64Array(capacity * sizes[l + 1])),
    weightGrads: network.weights.map((W) => new Float64Array(W.length)),
    biasGrads: network.biases.map((b) => new Float64Array(b.length)),
    kernels: createWasmDenseKernels() ?? jsDenseKernels,
  };
}

/**
 * Forward pass over the `n` rows in acts[0]: hidden activations, then the output probabilities in the
 * last acts. With `codes`, returns the summed log loss of those rows (from the logits, so it is exact
 * and finite for finite weights) and leaves the output deltas p − y in the last deltas.
 */
export function forward(network: Network, ws: Workspace, n: number, codes?: Int32Array): number {
  const { sizes, weights, biases, activation } = network;
  const L = sizes.length - 1;
  for (let l = 0; l < L; l++) {
    const out = ws.acts[l + 1];
    const A = ws.acts[l];
    if (l + 1 < L)
      ws.kernels.forwardActivated(A, n, sizes[l], weights[l], biases[l], sizes[l + 1], out, activation);
    else ws.kernels.forward(A, n, sizes[l], weights[l], biases[l], sizes[l + 1], out);
  }
  return outputLayer(ws.acts[L], sizes[L], n, codes, ws.deltas[L - 1]);
}

function outputLayer(
  z: Float64Array,
  K: number,
  n: number,
  codes: Int32Array | undefined,
  delta: Float64Array,
): number {
  let loss = 0;
  if (K === 1) {
    for (let i = 0; i < n; i++) {
      const v = z[i];
      const e = Math.exp(-Math.abs(v));
      const p = v >= 0 ? 1 / (1 + e) : e / (1 + e);
      if (codes) {
        const y = codes[i];
        loss += log1pExp(v) - y * v;
        delta[i] = p - y;
      }
      z[i] = p;
    }
    return loss;
  }
  for (let i = 0; i < n; i++) {
    const o = i * K;
    let max = z[o];
    for (let k = 1; k < K; k++) if (z[o + k] > max) max = z[o + k];
    const zy = codes ? z[o + codes[i]] - max : 0;
    let sum = 0;
    for (let k = 0; k < K; k++) {
      const e = Math.exp(z[o + k] - max);
      z[o + k] = e;
      sum += e;
    }
    const inv = 1 / sum;
    for (let k = 0; k < K; k++) z[o + k] *= inv;
    if (codes) {
      const y = codes[i];
      // −log p_y = log Σ_k e^{z_k − max} − (z_y − max): exact even where p_y underflows to 0.
      loss += Math.log(sum) - zy;
      for (let k = 0; k < K; k++) delta[o + k] = z[o + k];
      delta[o + y] -= 1;
    }
  }
  return loss;
}

/**
 * sklearn's `_backprop` for the `n` rows of the last `forward`: weight gradients (Dᵀ·A + α·W) / n and
 * bias gradients mean(D) in the workspace. Returns the L2 term ½·α·Σ‖W‖² / n of the batch loss.
 */
export function backward(network: Network, ws: Workspace, n: number, alpha: number): number {
  backwardRows(network, ws, n, 1 / n);
  return addWeightDecay(network.weights, ws.weightGrads, alpha / n);
}

/**
 * The log-loss part of the gradients for the `n` rows of the last `forward`, each row weighted by
 * `scale` (1 / batch size): Dᵀ·A·scale and Σ D·scale into the workspace's gradients. A thread that
 * holds only part of a batch sums its rows with the batch's scale; the parts then add up. The output
 * deltas are scaled first, so the products need no pass of their own to divide; the input layer's
 * deltas are never formed (no weights to update lie below them).
 */
export function backwardRows(network: Network, ws: Workspace, n: number, scale: number): void {
  const { sizes, weights, activation } = network;
  const L = sizes.length - 1;
  const output = ws.deltas[L - 1];
  for (let k = 0; k < n * sizes[L]; k++) output[k] *= scale;
  for (let l = L - 1; l >= 0; l--) {
    const D = ws.deltas[l];
    ws.kernels.weightGradient(D, ws.acts[l], n, sizes[l], sizes[l + 1], ws.weightGrads[l]);
    columnSums(D, n, sizes[l + 1], ws.biasGrads[l]);
    if (l > 0) {
      const previous = ws.deltas[l - 1];
      ws.kernels.backward(D, n, sizes[l + 1], weights[l], sizes[l], previous);
      ws.kernels.multiplyByDerivative(activation, ws.acts[l], previous, n * sizes[l]);
    }
  }
}

/** grads[l] += decay·W[l] (decay = α / batch size); returns ½·decay·Σ‖W‖², the batch's L2 term. */
export function addWeightDecay(
  weights: readonly Float64Array[],
  grads: readonly Float64Array[],
  decay: number,
): number {
  let squares = 0;
  for (let l = 0; l < weights.length; l++) {
    const W = weights[l];
    const G = grads[l];
    for (let k = 0; k < G.length; k++) {
      const w = W[k];
      G[k] += decay * w;
      squares += w * w;
    }
  }
  return 0.5 * decay * squares;
}

/** Copies rows `order[start .. start + n)` of X (`cols` wide) into acts[0], and their codes. */
export function gatherBatch(
  X: Float64Array,
  cols: number,
  order: Int32Array,
  start: number,
  n: number,
  ws: Workspace,
  codes: Int32Array,
  batchCodes: Int32Array,
): void {
  const input = ws.acts[0];
  // A plain loop: subarray + set would allocate a view per row, 1.6M of them in a 20-epoch fit.
  for (let b = 0; b < n; b++) {
    const row = order[start + b];
    const from = row * cols;
    const to = b * cols;
    for (let j = 0; j < cols; j++) input[to + j] = X[from + j];
    batchCodes[b] = codes[row];
  }
}

/**
 * Class probabilities for every row of X (`rows x cols`) into `out` (`rows x classes`), in blocks of
 * the workspace's capacity.
 */
export function predictProbabilities(
  network: Network,
  X: Float64Array,
  rows: number,
  ws: Workspace,
  out: Float64Array,
): void {
  const { sizes } = network;
  const cols = sizes[0];
  const units = sizes[sizes.length - 1];
  const classes = units === 1 ? 2 : units;
  const probabilities = ws.acts[sizes.length - 1];
  for (let start = 0; start < rows; start += ws.capacity) {
    const n = Math.min(ws.capacity, rows - start);
    ws.acts[0].set(X.subarray(start * cols, (start + n) * cols));
    forward(network, ws, n);
    if (units === 1) {
      for (let i = 0; i < n; i++) {
        out[(start + i) * 2] = 1 - probabilities[i];
        out[(start + i) * 2 + 1] = probabilities[i];
      }
    } else out.set(probabilities.subarray(0, n * classes), start * classes);
  }
}
