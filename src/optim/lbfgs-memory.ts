import { dot } from '../linalg/vector.js';

/**
 * The last `m` curvature pairs (s_k = x_{k+1} − x_k, y_k = ∇f_{k+1} − ∇f_k) in a ring buffer allocated
 * once, and the two-loop recursion that applies the implied inverse Hessian (Nocedal & Wright, Alg. 7.4).
 */
export interface LbfgsMemory {
  readonly capacity: number;
  /** Stores (s, y) if sᵀy > 0 (keeps H positive definite); returns whether it did. */
  push(s: Float64Array, y: Float64Array): boolean;
  /** out ← −H·g. */
  direction(g: Float64Array, out: Float64Array): void;
  clear(): void;
}

export function createLbfgsMemory(dimension: number, capacity: number): LbfgsMemory {
  const S = new Float64Array(dimension * capacity);
  const Y = new Float64Array(dimension * capacity);
  const rho = new Float64Array(capacity);
  const alpha = new Float64Array(capacity);
  let count = 0;
  let newest = -1;

  const sRow = (k: number) => S.subarray(k * dimension, (k + 1) * dimension);
  const yRow = (k: number) => Y.subarray(k * dimension, (k + 1) * dimension);

  return {
    capacity,
    push(s, y) {
      const sy = dot(s, y);
      // A pair with sᵀy ≤ ε·‖y‖² carries no reliable curvature (round-off near the optimum); skipping it
      // keeps H positive definite, as the curvature condition of a Wolfe step guarantees in exact arithmetic.
      const yy = dot(y, y);
      if (!(sy > 1e-16 * yy) || !Number.isFinite(sy)) return false;
      newest = (newest + 1) % capacity;
      sRow(newest).set(s);
      yRow(newest).set(y);
      rho[newest] = 1 / sy;
      if (count < capacity) count++;
      return true;
    },
    direction(g, out) {
      for (let j = 0; j < dimension; j++) out[j] = -g[j];
      if (count === 0) return;
      for (let n = 0, k = newest; n < count; n++, k = (k - 1 + capacity) % capacity) {
        const a = rho[k] * dot(sRow(k), out);
        alpha[k] = a;
        const y = yRow(k);
        for (let j = 0; j < dimension; j++) out[j] -= a * y[j];
      }
      // H₀ = γI with γ = sᵀy / yᵀy of the newest pair (N&W eq. 7.20).
      const yNew = yRow(newest);
      const gamma = 1 / (rho[newest] * dot(yNew, yNew));
      for (let j = 0; j < dimension; j++) out[j] *= gamma;
      const oldest = (newest - count + 1 + capacity) % capacity;
      for (let n = 0, k = oldest; n < count; n++, k = (k + 1) % capacity) {
        const b = rho[k] * dot(yRow(k), out);
        const s = sRow(k);
        const c = alpha[k] - b;
        for (let j = 0; j < dimension; j++) out[j] += c * s[j];
      }
    },
    clear() {
      count = 0;
      newest = -1;
    },
  };
}
