import { describe, expect, it } from 'vitest';
import { multiplyRows, multiplyRowsByRows, multiplyTransposed } from '../../src/linalg/dense-products.js';
import { axpy, dot, norm1, norm2, normInf } from '../../src/linalg/vector.js';

const X = Float64Array.of(1, 2, 3, 4, 5, 6); // 2 x 3

describe('dense kernels', () => {
  it('X·w and Xᵀ·r', () => {
    const out = new Float64Array(2);
    multiplyRows(X, 2, 3, Float64Array.of(1, 0, -1), out, 0.5);
    expect(Array.from(out)).toEqual([-1.5, -1.5]);
    const back = Float64Array.of(9, 9, 9);
    multiplyTransposed(X, 2, 3, Float64Array.of(1, 2), back);
    expect(Array.from(back)).toEqual([9, 12, 15]);
  });

  it('X·Wᵀ with a bias column', () => {
    const W = Float64Array.of(1, 0, 0, 10, 0, 1, 0, -1); // 2 rows, stride 4 (3 coefficients + bias)
    const out = new Float64Array(4);
    multiplyRowsByRows(X, 2, 3, W, 2, 4, out);
    expect(Array.from(out)).toEqual([11, 1, 14, 4]);
  });

  it('vector norms and axpy', () => {
    const v = Float64Array.of(3, -4);
    expect(norm2(v)).toBe(5);
    expect(norm2(Float64Array.of(1e300, 1e300))).toBeCloseTo(Math.SQRT2 * 1e300, -285);
    expect(norm1(v)).toBe(7);
    expect(normInf(v)).toBe(4);
    const y = Float64Array.of(1, 1);
    axpy(2, v, y);
    expect(Array.from(y)).toEqual([7, -7]);
    expect(dot(v, y)).toBe(49);
  });
});
