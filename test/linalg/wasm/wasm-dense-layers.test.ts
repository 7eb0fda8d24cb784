import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng.js';
import { createWasmDenseKernels, jsDenseKernels } from '../../../src/linalg/wasm/wasm-dense-layers.js';

/** Shapes (rows, in, out) that leave every edge: row tiles of 1–3, odd last columns, depth 1, one unit. */
const SHAPES = [
  [1, 1, 1],
  [2, 7, 5],
  [5, 3, 1],
  [7, 13, 9],
  [33, 31, 17],
  [64, 50, 100],
  [64, 100, 3],
  [3, 1, 12],
  // Larger than the initial 64 KiB page: the memory grows mid-run.
  [150, 90, 61],
] as const;

function random(length: number, seed: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length }, () => rng.normal());
}

const kernels = createWasmDenseKernels();

describe('WebAssembly SIMD dense layer kernels', () => {
  it('are available on this runtime (Node 20 has SIMD128)', () => {
    expect(kernels).toBeDefined();
  });

  for (const [n, inDim, outDim] of SHAPES) {
    it(`give the JS kernels' bits (${n} x ${inDim} -> ${outDim})`, () => {
      if (!kernels) throw new Error('no wasm kernels');
      const A = random(n * inDim, 1);
      const W = random(outDim * inDim, 2);
      const b = random(outDim, 3);
      const D = random(n * outDim, 4);
      const run = (k: typeof jsDenseKernels) => {
        const Z = new Float64Array(n * outDim).fill(99);
        k.forward(A, n, inDim, W, b, outDim, Z);
        const G = new Float64Array(outDim * inDim).fill(99);
        k.weightGradient(D, A, n, inDim, outDim, G);
        const P = new Float64Array(n * inDim).fill(99);
        k.backward(D, n, outDim, W, inDim, P);
        return { Z, G, P };
      };
      for (const activation of ['relu', 'tanh'] as const) {
        const expected = new Float64Array(n * outDim);
        const got = new Float64Array(n * outDim);
        jsDenseKernels.forwardActivated(A, n, inDim, W, b, outDim, expected, activation);
        kernels.forwardActivated(A, n, inDim, W, b, outDim, got, activation);
        expect(Array.from(got)).toEqual(Array.from(expected));
      }
      const js = run(jsDenseKernels);
      const wasm = run(kernels);
      expect(Array.from(wasm.Z)).toEqual(Array.from(js.Z));
      expect(Array.from(wasm.G)).toEqual(Array.from(js.G));
      if (outDim >= 8) expect(Array.from(wasm.P)).toEqual(Array.from(js.P));
      else {
        // The JS few-unit path adds its terms in pairs: last-bit differences only.
        for (let k = 0; k < js.P.length; k++) expect(wasm.P[k]).toBeCloseTo(js.P[k], 12);
      }
    });
  }

  it('reads only the first n rows of a larger workspace buffer and leaves the rest of the output alone', () => {
    if (!kernels) throw new Error('no wasm kernels');
    const [capacity, n, inDim, outDim] = [16, 5, 6, 10];
    const A = random(capacity * inDim, 5);
    const W = random(outDim * inDim, 6);
    const b = random(outDim, 7);
    const Z = new Float64Array(capacity * outDim).fill(-7);
    const expected = new Float64Array(capacity * outDim).fill(-7);
    kernels.forward(A, n, inDim, W, b, outDim, Z);
    jsDenseKernels.forward(A, n, inDim, W, b, outDim, expected);
    expect(Array.from(Z)).toEqual(Array.from(expected));
    expect(Z[n * outDim]).toBe(-7);
  });

  it("zeroes relu's deltas where h <= 0 (−0 included), keeps them where h is NaN, on an odd length", () => {
    if (!kernels) throw new Error('no wasm kernels');
    const h = Float64Array.from([1, -1, 0, -0, Number.NaN, 2e-300, -3, 4, 0]);
    const delta = random(h.length, 8);
    const expected = Float64Array.from(delta);
    jsDenseKernels.multiplyByDerivative('relu', h, expected, h.length);
    kernels.multiplyByDerivative('relu', h, delta, h.length);
    expect(Array.from(delta)).toEqual(Array.from(expected));
    expect(delta[4]).not.toBe(0);
    expect(delta[3]).toBe(0);
    for (const activation of ['tanh', 'logistic', 'identity'] as const) {
      const d1 = random(h.length, 9);
      const d2 = Float64Array.from(d1);
      jsDenseKernels.multiplyByDerivative(activation, h, d1, h.length);
      kernels.multiplyByDerivative(activation, h, d2, h.length);
      expect(Array.from(d2)).toEqual(Array.from(d1));
    }
  });
});
