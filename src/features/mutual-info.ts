import type { Features } from '../core/features.js';
import type { Labels } from '../core/labels.js';
import { createRng } from '../core/rng.js';
import { digamma } from '../linalg/special-functions.js';
import { checkShapes, type UnivariateScores } from './univariate-scores.js';

export interface MutualInfoOptions {
  /** k of the k-nearest-neighbour estimate; sklearn's default 3. */
  readonly nNeighbors?: number;
  /** Seeds the 1e-10 jitter sklearn adds to break ties (numpy's draws differ; only ties are affected). */
  readonly seed?: number;
}

/**
 * sklearn's mutual_info_classif for continuous features and a discrete label (Ross 2014, the kNN
 * estimator sklearn's `_compute_mi_cd` implements): per row, the distance r to its k-th nearest
 * neighbour among rows of its own class and the count m of all rows closer than r; then
 * MI = ψ(n) + ⟨ψ(k)⟩ − ⟨ψ(n_class)⟩ − ⟨ψ(m)⟩, clipped at 0. Rows alone in their class are left out.
 * Each feature is scaled by its (population) std and jittered by 1e-10·max(1, mean |x|)·N(0, 1) first,
 * as sklearn does; in one dimension neighbours come from sorted order instead of a KD-tree.
 */
export function mutualInfoClassif(X: Features, y: Labels, options: MutualInfoOptions = {}): UnivariateScores {
  checkShapes(X, y);
  const nNeighbors = options.nNeighbors ?? 3;
  const rng = createRng(options.seed ?? 0);
  const { rows: n, cols: d } = X;
  const column = new Float64Array(n);
  const scores = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    for (let i = 0; i < n; i++) column[i] = X.data[i * d + j];
    scaleAndJitter(column, () => rng.normal());
    scores[j] = mutualInfoOfColumn(column, y, nNeighbors);
  }
  return { scores, pValues: null };
}

function scaleAndJitter(values: Float64Array, normal: () => number): void {
  const n = values.length;
  let mean = 0;
  for (const value of values) mean += value / n;
  let variance = 0;
  for (const value of values) variance += (value - mean) ** 2 / n;
  const scale = variance > 0 ? Math.sqrt(variance) : 1;
  let meanAbs = 0;
  for (let i = 0; i < n; i++) {
    values[i] /= scale;
    meanAbs += Math.abs(values[i]) / n;
  }
  const amplitude = 1e-10 * Math.max(1, meanAbs);
  for (let i = 0; i < n; i++) values[i] += amplitude * normal();
}

function mutualInfoOfColumn(values: Float64Array, y: Labels, nNeighbors: number): number {
  const K = y.classes.length;
  const counts = new Int32Array(K);
  for (const code of y.codes) counts[code]++;
  // Rows of classes with at least two members, sorted by value, overall and per class.
  const kept = Int32Array.from(y.codes.keys()).filter((i) => counts[y.codes[i]] > 1);
  const order = kept.sort((a, b) => values[a] - values[b]);
  const sortedAll = Float64Array.from(order, (i) => values[i]);
  const n = order.length;
  if (n === 0) return 0;

  let sumK = 0;
  let sumLabel = 0;
  let sumM = 0;
  for (let k = 0; k < K; k++) {
    if (counts[k] < 2) continue;
    const own = Float64Array.from(
      order.filter((i) => y.codes[i] === k),
      (i) => values[i],
    );
    const neighbors = Math.min(nNeighbors, own.length - 1);
    for (let p = 0; p < own.length; p++) {
      const radius = nextDown(kthNeighborDistance(own, p, neighbors));
      sumM += digamma(countWithin(sortedAll, own[p], radius));
      sumK += digamma(neighbors);
      sumLabel += digamma(own.length);
    }
  }
  const mi = digamma(n) + sumK / n - sumLabel / n - sumM / n;
  return Math.max(0, mi);
}

/** Distance from sorted[p] to its k-th nearest other point, walking outwards from p. */
function kthNeighborDistance(sorted: Float64Array, p: number, k: number): number {
  let left = p - 1;
  let right = p + 1;
  let distance = 0;
  for (let found = 0; found < k; found++) {
    const toLeft = left >= 0 ? sorted[p] - sorted[left] : Number.POSITIVE_INFINITY;
    const toRight = right < sorted.length ? sorted[right] - sorted[p] : Number.POSITIVE_INFINITY;
    if (toLeft <= toRight) {
      distance = toLeft;
      left--;
    } else {
      distance = toRight;
      right++;
    }
  }
  return distance;
}

/** Points within `radius` of x (itself included), as a KD-tree radius query counts them. */
function countWithin(sorted: Float64Array, x: number, radius: number): number {
  // First index with x − value <= radius, then first with value − x > radius (both monotone in value).
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (x - sorted[mid] <= radius) high = mid;
    else low = mid + 1;
  }
  const first = low;
  high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] - x > radius) high = mid;
    else low = mid + 1;
  }
  return low - first;
}

/**
 * numpy's nextafter(r, 0) for r > 0 (normal doubles): r·(1 − 2⁻⁵³) lies between r and the double below
 * it, nearer the latter, so it rounds there; points exactly at r are then excluded.
 */
function nextDown(r: number): number {
  return r <= 0 ? 0 : r * (1 - 2 ** -53);
}
