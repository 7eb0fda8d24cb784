/**
 * BLAS level-1 kernels over Float64Array. Lengths are the caller's contract (`x.length`), so a
 * `subarray` view passes a slice without copying.
 */

/** Σ_j x_j·y_j over the first `x.length` entries. */
export function dot(x: Float64Array, y: Float64Array): number {
  let sum = 0;
  for (let j = 0; j < x.length; j++) sum += x[j] * y[j];
  return sum;
}

/** y ← a·x + y (in place). */
export function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let j = 0; j < x.length; j++) y[j] += a * x[j];
}

/** x ← a·x (in place). */
export function scale(a: number, x: Float64Array): void {
  for (let j = 0; j < x.length; j++) x[j] *= a;
}

/** out ← x + a·d, the trial point of a line search, without allocating. */
export function addScaled(x: Float64Array, a: number, d: Float64Array, out: Float64Array): void {
  for (let j = 0; j < x.length; j++) out[j] = x[j] + a * d[j];
}

/** out ← x − y. */
export function subtract(x: Float64Array, y: Float64Array, out: Float64Array): void {
  for (let j = 0; j < x.length; j++) out[j] = x[j] - y[j];
}

/** max_j |x_j| (0 for an empty vector). */
export function normInf(x: Float64Array): number {
  let max = 0;
  for (let j = 0; j < x.length; j++) {
    const a = Math.abs(x[j]);
    if (a > max) max = a;
  }
  return max;
}

/** ‖x‖₂, scaled by the largest entry first so squares of huge or tiny values neither overflow nor flush to 0. */
export function norm2(x: Float64Array): number {
  const m = normInf(x);
  if (m === 0 || !Number.isFinite(m)) return m;
  let sum = 0;
  for (let j = 0; j < x.length; j++) {
    const v = x[j] / m;
    sum += v * v;
  }
  return m * Math.sqrt(sum);
}

/** ‖x‖₁. */
export function norm1(x: Float64Array): number {
  let sum = 0;
  for (let j = 0; j < x.length; j++) sum += Math.abs(x[j]);
  return sum;
}
