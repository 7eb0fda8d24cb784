import { describe, expect, it } from 'vitest';
import { createCsrMatrix, createRng, csrToDense } from '../../src/core/index.js';
import {
  csrGradientBlock,
  csrMultiplyRows,
  csrMultiplyTransposed,
  csrScoreBlock,
  multiplyRows,
  multiplyRowsByRows,
  multiplyTransposed,
} from '../../src/linalg/index.js';

/** A random CSR matrix (about a fifth of the entries stored, some rows empty) and its dense twin. */
function randomCsr(rows: number, cols: number, seed: number) {
  const rng = createRng(seed);
  const indptr = new Int32Array(rows + 1);
  const indices: number[] = [];
  const data: number[] = [];
  for (let i = 0; i < rows; i++) {
    if (i % 7 !== 3) {
      for (let j = 0; j < cols; j++) {
        if (rng.next() < 0.2) {
          indices.push(j);
          data.push(rng.normal());
        }
      }
    }
    indptr[i + 1] = indices.length;
  }
  const csr = createCsrMatrix(rows, cols, indptr, Int32Array.from(indices), Float64Array.from(data));
  return { csr, dense: csrToDense(csr) };
}

describe('CSR products agree with the dense kernels', () => {
  const rows = 53;
  const cols = 17;
  const { csr, dense } = randomCsr(rows, cols, 3);
  const rng = createRng(9);
  const w = Float64Array.from({ length: cols }, () => rng.normal());
  const r = Float64Array.from({ length: rows }, () => rng.normal());

  it('X·w + b and Xᵀ·r', () => {
    const sparseOut = new Float64Array(rows);
    const denseOut = new Float64Array(rows);
    csrMultiplyRows(csr.indptr, csr.indices, csr.data, rows, w, sparseOut, 0.5);
    multiplyRows(dense, rows, cols, w, denseOut, 0.5);
    for (let i = 0; i < rows; i++) expect(sparseOut[i]).toBeCloseTo(denseOut[i], 12);
    const sparseT = new Float64Array(cols).fill(99);
    const denseT = new Float64Array(cols);
    csrMultiplyTransposed(csr.indptr, csr.indices, csr.data, rows, cols, r, sparseT);
    multiplyTransposed(dense, rows, cols, r, denseT);
    for (let j = 0; j < cols; j++) expect(sparseT[j]).toBeCloseTo(denseT[j], 12);
  });

  it('block scores for k classes (X·Wᵀ + b over a row block) and the block gradient', () => {
    const k = 3;
    const stride = cols + 1;
    const W = Float64Array.from({ length: k * stride }, () => rng.normal());
    const bias = Float64Array.from({ length: k }, (_, c) => W[c * stride + cols]);
    const i0 = 10;
    const m = 20;
    const scores = new Float64Array(m * k);
    csrScoreBlock(csr.indptr, csr.indices, csr.data, i0, m, W, stride, k, bias, scores);
    const expected = new Float64Array(rows * k);
    multiplyRowsByRows(dense, rows, cols, W, k, stride, expected);
    for (let t = 0; t < m * k; t++) expect(scores[t]).toBeCloseTo(expected[i0 * k + t], 12);
    const residuals = Float64Array.from({ length: m * k }, () => rng.normal());
    const grad = new Float64Array(k * stride);
    csrGradientBlock(residuals, k, csr.indptr, csr.indices, csr.data, i0, m, grad, stride);
    for (let c = 0; c < k; c++) {
      for (let j = 0; j < cols; j++) {
        let sum = 0;
        for (let b = 0; b < m; b++) sum += residuals[b * k + c] * dense[(i0 + b) * cols + j];
        expect(grad[c * stride + j]).toBeCloseTo(sum, 12);
      }
      expect(grad[c * stride + cols]).toBe(0);
    }
  });
});
