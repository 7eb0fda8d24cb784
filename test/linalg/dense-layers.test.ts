import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { activateInPlace, multiplyByDerivative } from '../../src/linalg/activations.js';
import {
  columnSums,
  layerBackward,
  layerForward,
  layerWeightGradient,
} from '../../src/linalg/dense-layers.js';

/** The blocked kernels against plain triple loops, on shapes that leave every remainder (odd rows, widths not multiples of 4). */
const SHAPES = [
  [1, 1, 1],
  [2, 4, 4],
  [5, 7, 3],
  [9, 13, 10],
  // 3-row tiles with a 1-row then a 2-row remainder, and j remainders of 2.
  [7, 6, 5],
  [32, 50, 100],
  [64, 50, 100],
] as const;

function random(length: number, seed: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length }, () => rng.normal());
}

describe('dense layer kernels', () => {
  for (const [n, inDim, outDim] of SHAPES) {
    it(`forward, weight gradient and backward agree with the definitions (${n} x ${inDim} -> ${outDim})`, () => {
      const A = random(n * inDim, 1);
      const W = random(outDim * inDim, 2);
      const b = random(outDim, 3);
      const D = random(n * outDim, 4);
      const Z = new Float64Array(n * outDim);
      layerForward(A, n, inDim, W, b, outDim, Z);
      const G = new Float64Array(outDim * inDim).fill(99);
      layerWeightGradient(D, A, n, inDim, outDim, G);
      const P = new Float64Array(n * inDim).fill(99);
      layerBackward(D, n, outDim, W, inDim, P);
      const g = new Float64Array(outDim);
      columnSums(D, n, outDim, g);
      for (let i = 0; i < n; i++) {
        for (let o = 0; o < outDim; o++) {
          let z = b[o];
          for (let j = 0; j < inDim; j++) z += A[i * inDim + j] * W[o * inDim + j];
          expect(Z[i * outDim + o]).toBeCloseTo(z, 12);
        }
        for (let j = 0; j < inDim; j++) {
          let p = 0;
          for (let o = 0; o < outDim; o++) p += D[i * outDim + o] * W[o * inDim + j];
          expect(P[i * inDim + j]).toBeCloseTo(p, 12);
        }
      }
      for (let o = 0; o < outDim; o++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += D[i * outDim + o];
        expect(g[o]).toBeCloseTo(s, 12);
        for (let j = 0; j < inDim; j++) {
          let s2 = 0;
          for (let i = 0; i < n; i++) s2 += D[i * outDim + o] * A[i * inDim + j];
          expect(G[o * inDim + j]).toBeCloseTo(s2, 12);
        }
      }
    });
  }

  it('activations and their derivatives (from activated values) match finite differences', () => {
    const z = Float64Array.from([-3, -0.5, 0.25, 2, 800, -800]);
    for (const activation of ['identity', 'relu', 'tanh', 'logistic'] as const) {
      const h = Float64Array.from(z);
      activateInPlace(activation, h, h.length);
      expect(h.every(Number.isFinite)).toBe(true);
      const slope = new Float64Array(z.length).fill(1);
      multiplyByDerivative(activation, h, slope, z.length);
      for (let k = 0; k < 4; k++) {
        const up = Float64Array.of(z[k] + 1e-6);
        const down = Float64Array.of(z[k] - 1e-6);
        activateInPlace(activation, up, 1);
        activateInPlace(activation, down, 1);
        expect(slope[k]).toBeCloseTo((up[0] - down[0]) / 2e-6, 6);
      }
    }
  });
});
