import { pairedGain } from './paired-gain.js';

/**
 * The paired fold gain with Nadeau & Bengio's corrected resampled t-interval: cross-validation folds share
 * training rows, so the fold differences are correlated and the plain t-interval is too narrow. The
 * corrected variance is s² · (1/k + n_test/n_train) instead of s²/k, i.e. the plain half-width times
 * √(1 + k · n_test/n_train) — for 5-fold CV (n_test/n_train = 1/4) about 1.5× wider.
 */
export function correctedPairedGain(
  after: readonly (number | null)[],
  before: readonly (number | null)[],
  testTrainRatio: number,
): { mean: number; low: number; high: number } | null {
  const plain = pairedGain(after, before);
  if (plain === null) return null;
  const k = after.filter((score, i) => score !== null && before[i] !== null).length;
  const half = (plain.high - plain.mean) * Math.sqrt(1 + k * testTrainRatio);
  return { mean: plain.mean, low: plain.mean - half, high: plain.mean + half };
}
