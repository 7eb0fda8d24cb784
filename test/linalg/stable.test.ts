import { describe, expect, it } from 'vitest';
import { log1pExp, logSumExp, sigmoid, softmaxInPlace } from '../../src/linalg/stable.js';

describe('stable primitives', () => {
  it('log1pExp is finite and accurate at both tails', () => {
    expect(log1pExp(1000)).toBe(1000);
    expect(log1pExp(-1000)).toBe(0);
    expect(log1pExp(-40)).toBeCloseTo(Math.exp(-40), 30);
    expect(log1pExp(0)).toBeCloseTo(Math.LN2, 15);
    for (const z of [-5, -0.5, 0.3, 7]) expect(log1pExp(z)).toBeCloseTo(Math.log(1 + Math.exp(z)), 13);
  });

  it('sigmoid never overflows and is symmetric: σ(−z) = 1 − σ(z)', () => {
    expect(sigmoid(800)).toBe(1);
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(-745)).toBeGreaterThan(0);
    for (const z of [-30, -2, 0, 0.1, 3, 25]) expect(sigmoid(-z)).toBeCloseTo(1 - sigmoid(z), 15);
  });

  it('logSumExp and softmax handle huge scores', () => {
    const z = Float64Array.of(1000, 1000, 999);
    expect(logSumExp(z)).toBeCloseTo(1000 + Math.log(2 + Math.exp(-1)), 12);
    expect(logSumExp(new Float64Array(0))).toBe(Number.NEGATIVE_INFINITY);
    const lse = softmaxInPlace(z);
    expect(lse).toBeCloseTo(1000 + Math.log(2 + Math.exp(-1)), 12);
    expect(z[0] + z[1] + z[2]).toBeCloseTo(1, 15);
    expect(z[0]).toBe(z[1]);
  });

  it('softmax works on a slice', () => {
    const z = Float64Array.of(9, 0, 0, 9);
    softmaxInPlace(z, 1, 2);
    expect(Array.from(z)).toEqual([9, 0.5, 0.5, 9]);
  });
});
