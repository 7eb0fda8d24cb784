/**
 * Exact k-nearest-neighbour search by brute force over row-major typed arrays.
 *
 * Distance: the Minkowski distance (Σ_j |a_j − b_j|^p)^{1/p}; p = 2 and p = 1 have fast paths, p = ∞ is
 * max_j |a_j − b_j|. The k best of each query are kept sorted by insertion; a candidate enters only when
 * strictly closer than the current k-th, so equal distances keep the lower training index first.
 *
 * Writes `indices[q*k .. q*k+k)` (training rows, nearest first) and `distances` likewise.
 */
export function nearestNeighbors(
  train: Float64Array,
  nTrain: number,
  query: Float64Array,
  nQuery: number,
  d: number,
  k: number,
  p: number,
  indices: Int32Array,
  distances: Float64Array,
): void {
  for (let q = 0; q < nQuery; q++) {
    const base = q * k;
    const qRow = q * d;
    let filled = 0;
    for (let t = 0; t < nTrain; t++) {
      const tRow = t * d;
      let dist = 0;
      if (p === 2) {
        for (let j = 0; j < d; j++) {
          const diff = query[qRow + j] - train[tRow + j];
          dist += diff * diff;
        }
      } else if (p === 1) {
        for (let j = 0; j < d; j++) dist += Math.abs(query[qRow + j] - train[tRow + j]);
      } else if (p === Number.POSITIVE_INFINITY) {
        for (let j = 0; j < d; j++) dist = Math.max(dist, Math.abs(query[qRow + j] - train[tRow + j]));
      } else {
        for (let j = 0; j < d; j++) dist += Math.abs(query[qRow + j] - train[tRow + j]) ** p;
      }
      if (filled === k && dist >= distances[base + k - 1]) continue;
      let position = filled < k ? filled++ : k - 1;
      while (position > 0 && dist < distances[base + position - 1]) {
        distances[base + position] = distances[base + position - 1];
        indices[base + position] = indices[base + position - 1];
        position--;
      }
      distances[base + position] = dist;
      indices[base + position] = t;
    }
    // Comparisons ran on the monotone "reduced" distance; convert to the true one.
    if (p === 2) for (let c = 0; c < k; c++) distances[base + c] = Math.sqrt(distances[base + c]);
    else if (p !== 1 && p !== Number.POSITIVE_INFINITY)
      for (let c = 0; c < k; c++) distances[base + c] = distances[base + c] ** (1 / p);
  }
}

/**
 * Class scores from the neighbours: uniform weights count votes; 'distance' weighs each neighbour by 1/d,
 * and a query with a neighbour at distance 0 takes only its zero-distance neighbours, each weight 1
 * (sklearn's `_get_weights`). Writes unnormalised `scores[q*K + c]`.
 */
export function neighborVotes(
  indices: Int32Array,
  distances: Float64Array,
  nQuery: number,
  k: number,
  codes: Int32Array,
  K: number,
  byDistance: boolean,
  scores: Float64Array,
): void {
  scores.fill(0);
  for (let q = 0; q < nQuery; q++) {
    const base = q * k;
    // Sorted ascending, so an exact match is first.
    const exact = byDistance && distances[base] === 0;
    for (let c = 0; c < k; c++) {
      const dist = distances[base + c];
      const weight = !byDistance ? 1 : exact ? (dist === 0 ? 1 : 0) : 1 / dist;
      scores[q * K + codes[indices[base + c]]] += weight;
    }
  }
}
