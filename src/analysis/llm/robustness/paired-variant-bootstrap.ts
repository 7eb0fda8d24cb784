import { createRng } from '../../../core/rng.js';
import { percentile } from '../../../metrics/bootstrap-ci.js';

export interface Interval {
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
}

/** One variant's accuracy and its flip rate against the baseline (variant 0), each with its interval. */
export interface VariantStatistics {
  readonly accuracy: Interval;
  readonly flipRate: Interval;
}

export interface PairedVariantBootstrap {
  readonly variants: readonly VariantStatistics[];
  /** accuracy[a] − accuracy[b] with the interval of the paired resamples, for each asked pair. */
  readonly differences: readonly Interval[];
}

export interface PairedBootstrapOptions {
  readonly nBoot?: number;
  readonly confidence?: number;
  readonly seed?: number;
}

/**
 * Percentile bootstrap over rows, paired across variants: each resample draws the same rows for every
 * variant, so a difference between two variants keeps the correlation of their answers (a row that is
 * hard under one format is hard under the others). `predictions[v]` holds codes per row, -1 for no label
 * (wrong, and a flip unless the baseline gave no label either); variant 0 is the baseline.
 */
export function pairedVariantBootstrap(
  yTrue: Int32Array,
  predictions: readonly Int32Array[],
  pairs: readonly (readonly [number, number])[],
  options: PairedBootstrapOptions = {},
): PairedVariantBootstrap {
  const nBoot = options.nBoot ?? 1000;
  const confidence = options.confidence ?? 0.95;
  const n = yTrue.length;
  const nVariants = predictions.length;
  const correct = predictions.map((predicted) =>
    Uint8Array.from(yTrue, (y, i) => (predicted[i] === y ? 1 : 0)),
  );
  const flipped = predictions.map((predicted) =>
    Uint8Array.from(predicted, (code, i) => (code !== predictions[0][i] ? 1 : 0)),
  );
  const accuracies = Array.from({ length: nVariants }, () => new Float64Array(nBoot));
  const flipRates = Array.from({ length: nVariants }, () => new Float64Array(nBoot));
  const rows = new Int32Array(n);
  const rng = createRng(options.seed ?? 0);
  for (let b = 0; b < nBoot; b++) {
    for (let r = 0; r < n; r++) rows[r] = rng.int(n);
    for (let v = 0; v < nVariants; v++) {
      let right = 0;
      let flips = 0;
      for (const i of rows) {
        right += correct[v][i];
        flips += flipped[v][i];
      }
      accuracies[v][b] = right / n;
      flipRates[v][b] = flips / n;
    }
  }
  const mean = (values: Uint8Array): number => values.reduce((sum, x) => sum + x, 0) / n;
  const lowQ = ((1 - confidence) / 2) * 100;
  const highQ = ((1 + confidence) / 2) * 100;
  const interval = (estimate: number, draws: Float64Array): Interval => {
    const sorted = Float64Array.from(draws).sort();
    return { estimate, low: percentile(sorted, lowQ), high: percentile(sorted, highQ) };
  };
  return {
    variants: predictions.map((_, v) => ({
      accuracy: interval(mean(correct[v]), accuracies[v]),
      flipRate: interval(mean(flipped[v]), flipRates[v]),
    })),
    differences: pairs.map(([a, b]) =>
      interval(
        mean(correct[a]) - mean(correct[b]),
        accuracies[a].map((value, draw) => value - accuracies[b][draw]),
      ),
    ),
  };
}

/** The mean of a 0/1 per-row indicator and its percentile-bootstrap interval (rows resampled, seeded). */
export function bootstrapRate(indicator: Uint8Array, options: PairedBootstrapOptions = {}): Interval {
  const zeros = new Int32Array(indicator.length);
  const asCodes = Int32Array.from(indicator);
  // The rate of rows where the indicator is 1 is the accuracy of predicting 1 for every row.
  return pairedVariantBootstrap(asCodes, [zeros.fill(1)], [], options).variants[0].accuracy;
}
