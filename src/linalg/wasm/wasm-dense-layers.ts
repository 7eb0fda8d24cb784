import { type Activation, activateInPlace, multiplyByDerivative } from '../activations.js';
import { layerBackward, layerForward, layerWeightGradient } from '../dense-layers.js';
import { reluDerivativeModule } from './relu-kernel.js';
import { type ProductShape, productModule } from './tile-kernel.js';
import { wasmApi } from './wasm-runtime.js';

/** The three products of a dense layer and the activation's derivative, with the JS signatures. */
export interface DenseKernels {
  readonly forward: typeof layerForward;
  /** forward, then the hidden activation applied in place over Z's first n rows. */
  readonly forwardActivated: (...args: [...Parameters<typeof layerForward>, Activation]) => void;
  readonly weightGradient: typeof layerWeightGradient;
  readonly backward: typeof layerBackward;
  readonly multiplyByDerivative: typeof multiplyByDerivative;
}

export const jsDenseKernels: DenseKernels = {
  forward: layerForward,
  forwardActivated: (A, n, inDim, W, b, outDim, Z, activation) => {
    layerForward(A, n, inDim, W, b, outDim, Z);
    activateInPlace(activation, Z, n * outDim);
  },
  weightGradient: layerWeightGradient,
  backward: layerBackward,
  multiplyByDerivative,
};

type Run = (s: number, v: number, out: number, bias: number) => void;

/** Doubles left free after each operand: an odd last column reads one double past a row. */
const SLACK = 4;

/**
 * The layer products on WebAssembly SIMD (f64x2). Each call copies its operands into the instance's
 * memory with `set` (a memcpy; a batch's rows and one layer's weights, a few thousand doubles against
 * n·in·out multiply–adds), runs a module compiled for that exact shape (cached; a fit meets a handful
 * of shapes) and copies the result back. Every output is summed in the order of the JS kernels' tiles,
 * so the bits agree with theirs, except layerBackward's few-unit path, which pairs its terms. relu is
 * fused into the forward product's stores and its derivative is a SIMD mask: as JS loops their
 * per-element branch, mispredicted half the time, cost as much as a product. Undefined where the
 * runtime lacks WebAssembly SIMD. Each call makes its own memory and modules (one per
 * workspace, so per thread).
 */
export function createWasmDenseKernels(): DenseKernels | undefined {
  const wasm = wasmApi();
  if (!wasm) return undefined;
  const memory = new wasm.Memory({ initial: 1 });
  const modules = new Map<string, Run>();
  const compile = (shape: ProductShape): Run => {
    const key = `${shape.rows},${shape.cols},${shape.depth},${shape.sRow},${shape.sStep},${shape.vStep},${shape.outRow},${shape.bias},${shape.relu}`;
    let run = modules.get(key);
    if (!run) {
      const module = new wasm.Module(productModule(shape));
      run = new wasm.Instance(module, { env: { memory } }).exports.run as Run;
      modules.set(key, run);
    }
    return run;
  };
  try {
    compile({ rows: 1, cols: 1, depth: 1, sRow: 8, sStep: 8, vStep: 8, outRow: 8, bias: true, relu: true });
  } catch {
    return undefined;
  }
  const state = { heap: new Float64Array(memory.buffer) };
  /** The heap, grown to hold `doubles` doubles (a grow detaches the old view). */
  const heapOf = (doubles: number): Float64Array => {
    const bytes = doubles * 8;
    if (memory.buffer.byteLength < bytes) {
      memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / 65536));
      state.heap = new Float64Array(memory.buffer);
    }
    return state.heap;
  };
  /** Where the next operand starts: after `end` plus the slack, 16-byte aligned. */
  const after = (end: number) => end + SLACK + ((end + SLACK) % 2);

  const forwardActivated: DenseKernels['forwardActivated'] = (A, n, inDim, W, b, outDim, Z, activation) => {
    const a = 0;
    const wt = after(a + n * inDim);
    const bias = after(wt + inDim * outDim);
    const z = after(bias + outDim);
    const heap = heapOf(after(z + n * outDim));
    heap.set(A.length === n * inDim ? A : A.subarray(0, n * inDim), a);
    // Wᵀ, so that a step reads adjacent output units.
    for (let o = 0; o < outDim; o++) {
      const from = o * inDim;
      for (let j = 0; j < inDim; j++) heap[wt + j * outDim + o] = W[from + j];
    }
    heap.set(b, bias);
    const run = compile({
      rows: n,
      cols: outDim,
      depth: inDim,
      sRow: inDim * 8,
      sStep: 8,
      vStep: outDim * 8,
      outRow: outDim * 8,
      bias: true,
      relu: activation === 'relu',
    });
    run(a * 8, wt * 8, z * 8, bias * 8);
    Z.set(heap.subarray(z, z + n * outDim));
    if (activation !== 'relu') activateInPlace(activation, Z, n * outDim);
  };
  const forward: typeof layerForward = (A, n, inDim, W, b, outDim, Z) =>
    forwardActivated(A, n, inDim, W, b, outDim, Z, 'identity');

  const weightGradient: typeof layerWeightGradient = (D, A, n, inDim, outDim, G) => {
    const d = 0;
    const a = after(d + n * outDim);
    const g = after(a + n * inDim);
    const heap = heapOf(after(g + outDim * inDim));
    heap.set(D.length === n * outDim ? D : D.subarray(0, n * outDim), d);
    heap.set(A.length === n * inDim ? A : A.subarray(0, n * inDim), a);
    const run = compile({
      rows: outDim,
      cols: inDim,
      depth: n,
      sRow: 8,
      sStep: outDim * 8,
      vStep: inDim * 8,
      outRow: inDim * 8,
      bias: false,
      relu: false,
    });
    run(d * 8, a * 8, g * 8, 0);
    G.set(heap.subarray(g, g + outDim * inDim));
  };

  const backward: typeof layerBackward = (D, n, outDim, W, inDim, P) => {
    const d = 0;
    const w = after(d + n * outDim);
    const p = after(w + outDim * inDim);
    const heap = heapOf(after(p + n * inDim));
    heap.set(D.length === n * outDim ? D : D.subarray(0, n * outDim), d);
    heap.set(W, w);
    const run = compile({
      rows: n,
      cols: inDim,
      depth: outDim,
      sRow: outDim * 8,
      sStep: 8,
      vStep: inDim * 8,
      outRow: inDim * 8,
      bias: false,
      relu: false,
    });
    run(d * 8, w * 8, p * 8, 0);
    P.set(heap.subarray(p, p + n * inDim));
  };

  const relu = new wasm.Instance(new wasm.Module(reluDerivativeModule()), {
    env: { memory },
  }).exports.run as (h: number, delta: number, pairs: number) => void;
  const derivative: typeof multiplyByDerivative = (activation, h, delta, length) => {
    if (activation !== 'relu') return multiplyByDerivative(activation, h, delta, length);
    const hAt = 0;
    const dAt = after(length);
    const heap = heapOf(after(dAt + length));
    heap.set(h.length === length ? h : h.subarray(0, length), hAt);
    heap.set(delta.length === length ? delta : delta.subarray(0, length), dAt);
    relu(hAt * 8, dAt * 8, Math.floor(length / 2));
    if (length % 2 === 1 && h[length - 1] <= 0) heap[dAt + length - 1] = 0;
    delta.set(heap.subarray(dAt, dAt + length));
  };

  return { forward, forwardActivated, weightGradient, backward, multiplyByDerivative: derivative };
}
