/**
 * Bin edges as sklearn's KBinsDiscretizer computes them, for one sorted, non-constant column.
 * 'uniform': numpy's linspace(min, max, n + 1) (i·step + min, the last edge pinned to max).
 * 'quantile': numpy's percentile(column, linspace(0, 100, n + 1)) with linear interpolation, then edges
 * closer than 1e-8 to the previous one dropped (which lowers the bin count).
 */
export function binEdges(
  sorted: Float64Array,
  nBins: number,
  strategy: 'uniform' | 'quantile',
): Float64Array {
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  if (strategy === 'uniform') return linspace(min, max, nBins + 1);
  const percents = linspace(0, 100, nBins + 1);
  const edges = Float64Array.from(percents, (percent) => percentile(sorted, percent / 100));
  const kept: number[] = [];
  edges.forEach((edge, e) => {
    if (e === 0 || edge - edges[e - 1] > 1e-8) kept.push(edge);
  });
  return Float64Array.from(kept);
}

export function linspace(start: number, stop: number, count: number): Float64Array {
  const out = new Float64Array(count);
  const step = (stop - start) / (count - 1);
  for (let i = 0; i < count; i++) out[i] = i * step + start;
  out[count - 1] = stop;
  return out;
}

/**
 * numpy's 'linear' method: virtual index (n − 1)·q, then numpy's `_lerp`, which interpolates
 * from the upper neighbour when the fraction is >= 0.5 (same value, different rounding).
 */
function percentile(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  const virtual = (n - 1) * q;
  const below = Math.min(Math.max(Math.floor(virtual), 0), n - 1);
  const above = Math.min(below + 1, n - 1);
  const t = virtual - Math.floor(virtual);
  const a = sorted[below];
  const b = sorted[above];
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** numpy's searchsorted(inner, x, side='right'): how many inner edges are <= x, i.e. the bin of x. */
export function binOf(inner: Float64Array, from: number, to: number, x: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (inner[mid] <= x) low = mid + 1;
    else high = mid;
  }
  return low - from;
}
