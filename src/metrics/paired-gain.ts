/** Two-sided 97.5 % quantiles of Student's t for 1…30 degrees of freedom (scipy.stats.t.ppf). */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/**
 * The mean of paired differences `after − before` (one per fold) with a 95 % t-interval,
 * mean ± t(0.975, k−1) · s / √k with s the sample std. Folds share training rows, so the interval is
 * optimistic (Nadeau & Bengio); it still separates a real gain from fold noise better than no interval.
 */
export function pairedGain(
  after: readonly (number | null)[],
  before: readonly (number | null)[],
): { mean: number; low: number; high: number } | null {
  const diffs: number[] = [];
  for (let k = 0; k < after.length; k++) {
    const a = after[k];
    const b = before[k];
    if (a !== null && b !== null && a !== undefined && b !== undefined) diffs.push(a - b);
  }
  const n = diffs.length;
  if (n < 2) return null;
  const mean = diffs.reduce((s, d) => s + d, 0) / n;
  const variance = diffs.reduce((s, d) => s + (d - mean) ** 2, 0) / (n - 1);
  const half = (T_975[n - 2] ?? 1.96) * Math.sqrt(variance / n);
  return { mean, low: mean - half, high: mean + half };
}
