import { createRng } from '../../../core/rng.js';
import { percentile } from '../../../metrics/bootstrap-ci.js';
import type { Interval } from '../robustness/paired-variant-bootstrap.js';
import { weightedEce } from './weighted-ece.js';

/** One method's accuracy and ECE, and its paired gains over the first method (the baseline). */
export interface MethodStatistics {
  readonly accuracy: Interval;
  readonly ece: Interval;
  /** accuracy − the baseline's, paired; 0 for the baseline itself. */
  readonly accuracyGain: Interval;
  /** The baseline's ECE − this one's (positive = better calibrated), paired. */
  readonly eceReduction: Interval;
}

export interface CalibrationBootstrapOptions {
  readonly nBoot?: number;
  readonly seed?: number;
  readonly nBins?: number;
}

/**
 * Percentile bootstrap over rows, paired across methods: every resample draws the same rows for all
 * of them, so a gain is measured on the rows both answered. Accuracy counts a row with no label (-1)
 * as wrong; ECE is the top-label ECE over the rows with a label, each resample's rows re-binned.
 */
export function calibrationBootstrap(
  yTrue: Int32Array,
  methods: readonly { readonly predicted: Int32Array; readonly proba: Float64Array }[],
  options: CalibrationBootstrapOptions = {},
): MethodStatistics[] {
  const nBoot = options.nBoot ?? 1000;
  const nBins = options.nBins ?? 10;
  const n = yTrue.length;
  const nClasses = methods[0].proba.length / n;
  const correct = methods.map(({ predicted }) =>
    Uint8Array.from(yTrue, (y, i) => (predicted[i] === y ? 1 : 0)),
  );
  const confidence = methods.map(({ predicted, proba }) =>
    Float64Array.from(predicted, (code, i) => (code >= 0 ? proba[i * nClasses + code] : 0)),
  );
  const labelled = methods.map(({ predicted }) => Uint8Array.from(predicted, (code) => (code >= 0 ? 1 : 0)));
  const accuracyOf = (m: number, counts: ArrayLike<number>) => {
    let right = 0;
    for (let i = 0; i < n; i++) right += counts[i] * correct[m][i];
    return right / n;
  };
  const eceOf = (m: number, counts: ArrayLike<number>) =>
    weightedEce(
      confidence[m],
      correct[m],
      Float64Array.from(labelled[m], (on, i) => on * counts[i]),
      nBins,
    );
  const ones = new Float64Array(n).fill(1);
  const accuracy = methods.map((_, m) => ({ estimate: accuracyOf(m, ones), draws: new Float64Array(nBoot) }));
  const ece = methods.map((_, m) => ({ estimate: eceOf(m, ones), draws: new Float64Array(nBoot) }));
  const rng = createRng(options.seed ?? 0);
  const counts = new Float64Array(n);
  for (let b = 0; b < nBoot; b++) {
    counts.fill(0);
    for (let r = 0; r < n; r++) counts[rng.int(n)]++;
    for (let m = 0; m < methods.length; m++) {
      accuracy[m].draws[b] = accuracyOf(m, counts);
      ece[m].draws[b] = eceOf(m, counts);
    }
  }
  const interval = (estimate: number, draws: Float64Array): Interval => {
    const sorted = Float64Array.from(draws).sort();
    return { estimate, low: percentile(sorted, 2.5), high: percentile(sorted, 97.5) };
  };
  return methods.map((_, m) => ({
    accuracy: interval(accuracy[m].estimate, accuracy[m].draws),
    ece: interval(ece[m].estimate, ece[m].draws),
    accuracyGain: interval(
      accuracy[m].estimate - accuracy[0].estimate,
      accuracy[m].draws.map((value, b) => value - accuracy[0].draws[b]),
    ),
    eceReduction: interval(
      ece[0].estimate - ece[m].estimate,
      ece[m].draws.map((value, b) => ece[0].draws[b] - value),
    ),
  }));
}
