import type { Matrix } from '../../core/matrix.js';
import type { Rng } from '../../core/rng.js';

export interface KMeansResult {
  /** `k x cols`, row-major. */
  readonly centroids: Matrix;
  readonly assignment: Int32Array;
  /** Squared distance of each row to its centroid. */
  readonly distances: Float64Array;
  readonly iterations: number;
}

/**
 * Lloyd's k-means with k-means++ seeding (Arthur & Vassilvitskii 2007): each next seed is drawn with
 * probability ∝ its squared distance to the nearest seed so far. Stops when no assignment changes.
 */
export function kMeans(X: Matrix, k: number, rng: Rng, maxIterations = 100): KMeansResult {
  const { rows, cols, data } = X;
  const centroids = new Float64Array(k * cols);
  const distances = new Float64Array(rows).fill(Number.POSITIVE_INFINITY);
  const assignment = new Int32Array(rows).fill(-1);
  let seed = rng.int(rows);
  for (let c = 0; c < k; c++) {
    centroids.set(data.subarray(seed * cols, (seed + 1) * cols), c * cols);
    let total = 0;
    for (let i = 0; i < rows; i++) {
      distances[i] = Math.min(distances[i], squaredDistance(data, i * cols, centroids, c * cols, cols));
      total += distances[i];
    }
    if (c + 1 === k) break;
    let target = rng.next() * total;
    seed = rows - 1;
    for (let i = 0; i < rows; i++) {
      target -= distances[i];
      if (target < 0) {
        seed = i;
        break;
      }
    }
  }
  const sizes = new Int32Array(k);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    let changed = false;
    for (let i = 0; i < rows; i++) {
      let best = 0;
      let bestDistance = Number.POSITIVE_INFINITY;
      for (let c = 0; c < k; c++) {
        const d = squaredDistance(data, i * cols, centroids, c * cols, cols);
        if (d < bestDistance) {
          bestDistance = d;
          best = c;
        }
      }
      distances[i] = bestDistance;
      if (assignment[i] !== best) {
        assignment[i] = best;
        changed = true;
      }
    }
    if (!changed) break;
    centroids.fill(0);
    sizes.fill(0);
    for (let i = 0; i < rows; i++) {
      const c = assignment[i];
      sizes[c]++;
      for (let j = 0; j < cols; j++) centroids[c * cols + j] += data[i * cols + j];
    }
    for (let c = 0; c < k; c++) {
      // An emptied cluster keeps a zero centroid; the next pass may refill it.
      if (sizes[c] > 0) for (let j = 0; j < cols; j++) centroids[c * cols + j] /= sizes[c];
    }
  }
  return { centroids: { rows: k, cols, data: centroids }, assignment, distances, iterations };
}

function squaredDistance(
  a: Float64Array,
  aStart: number,
  b: Float64Array,
  bStart: number,
  n: number,
): number {
  let sum = 0;
  for (let j = 0; j < n; j++) {
    const d = a[aStart + j] - b[bStart + j];
    sum += d * d;
  }
  return sum;
}
