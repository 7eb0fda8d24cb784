/** z for a two-sided 95 % interval. */
export const Z_95 = 1.959963984540054;

/**
 * Wilson score interval of a proportion k/n: (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n). Unlike the
 * normal interval it stays inside [0, 1] and is sensible for small slices.
 */
export function wilsonInterval(k: number, n: number, z = Z_95): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const p = k / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denominator = 1 + z2 / n;
  return {
    low: Math.max(0, (centre - spread) / denominator),
    high: Math.min(1, (centre + spread) / denominator),
  };
}

/**
 * Benjamini–Hochberg adjusted p-values: q_(i) = min_{j ≥ i} p_(j)·m/j over the ascending order, capped
 * at 1 (statsmodels' `multipletests(method='fdr_bh')`). Keeping q ≤ α controls the false discovery rate.
 */
export function benjaminiHochberg(pValues: Float64Array): Float64Array {
  const m = pValues.length;
  const order = Int32Array.from({ length: m }, (_, i) => i).sort((a, b) => pValues[a] - pValues[b]);
  const adjusted = new Float64Array(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const i = order[rank - 1];
    running = Math.min(running, (pValues[i] * m) / rank);
    adjusted[i] = running;
  }
  return adjusted;
}
