import type { Calibration } from '../../metrics/index.js';

/** The binned probabilities of one source of evidence (out-of-fold rows, test rows). */
export interface CalibrationEvidence {
  readonly source: string;
  readonly kind: string;
  readonly ece: number;
  readonly bins: readonly {
    readonly count: number;
    readonly meanConfidence: number | null;
    readonly accuracy: number | null;
  }[];
}

export interface CalibrationVerdict {
  readonly miscalibrated: boolean;
  /** ECE of every source's rows pooled bin by bin. */
  readonly ece: number;
  /** The ECE a perfectly calibrated model would show on these bins by chance alone (its expectation). */
  readonly noiseEce: number;
  readonly rows: number;
  /** One sentence: the pooled number, each source's, and the reading. */
  readonly summary: string;
}

/** A calibration as evidence named `source`: empty bins carry no confidence or accuracy. */
export function calibrationEvidence(source: string, calibration: Calibration): CalibrationEvidence {
  return {
    source,
    kind: calibration.kind,
    ece: calibration.ece,
    bins: calibration.bins.map((bin) => ({
      count: bin.count,
      meanConfidence: bin.count === 0 ? null : bin.meanConfidence,
      accuracy: bin.count === 0 ? null : bin.accuracy,
    })),
  };
}

/** An ECE worth fixing (5 points of probability), as long as it stands clear of the noise. */
export const ECE_WORTH_FIXING = 0.05;
/** How far above its chance level an ECE must be to count as measured, not noise. */
const NOISE_MULTIPLE = 2;

/**
 * One calibration verdict from every source of probabilities, the row counts in mind: the sources' bins
 * are pooled (same uniform bins), so 30 test rows weigh a fifth of 120 out-of-fold rows, and the pooled
 * ECE is compared with what chance alone gives a perfectly calibrated model on the same bins,
 * Σ_b (n_b/N)·√(2/π)·√(c_b(1−c_b)/n_b) (the mean absolute deviation of a binomial share). Miscalibrated
 * means the pooled ECE exceeds both 0.05 and twice that chance level. Undefined without evidence.
 */
export function calibrationVerdict(sources: readonly CalibrationEvidence[]): CalibrationVerdict | undefined {
  const usable = sources.filter((source) => source.bins.some((bin) => bin.count > 0));
  if (usable.length === 0) return undefined;
  const pooled = usable.every(
    (source) => source.kind === usable[0].kind && source.bins.length === usable[0].bins.length,
  )
    ? usable
    : [usable[0]];
  const nBins = pooled[0].bins.length;
  let rows = 0;
  let gapSum = 0;
  let noiseSum = 0;
  for (let b = 0; b < nBins; b++) {
    let count = 0;
    let confidence = 0;
    let correct = 0;
    for (const source of pooled) {
      const bin = source.bins[b];
      if (bin.count === 0 || bin.meanConfidence === null || bin.accuracy === null) continue;
      count += bin.count;
      confidence += bin.count * bin.meanConfidence;
      correct += bin.count * bin.accuracy;
    }
    if (count === 0) continue;
    rows += count;
    gapSum += Math.abs(correct - confidence);
    const mean = confidence / count;
    noiseSum += count * Math.sqrt(2 / Math.PI) * Math.sqrt((mean * (1 - mean)) / count);
  }
  const ece = gapSum / rows;
  const noiseEce = noiseSum / rows;
  const miscalibrated = ece > ECE_WORTH_FIXING && ece > NOISE_MULTIPLE * noiseEce;
  const parts = pooled.map((source) => `${source.source} ${source.ece.toFixed(3)}`).join(', ');
  const reading = miscalibrated
    ? 'the probabilities are miscalibrated beyond what chance explains'
    : ece > ECE_WORTH_FIXING
      ? `within about ${NOISE_MULTIPLE}× what chance gives a calibrated model on ${rows} rows, so not shown to be miscalibrated`
      : 'the probabilities can be read as confidences';
  return {
    miscalibrated,
    ece,
    noiseEce,
    rows,
    summary: `Expected calibration error ${ece.toFixed(3)} over ${rows} rows${pooled.length > 1 ? ` (${parts}, pooled bin by bin)` : ` (${parts})`}; chance alone gives a calibrated model about ${noiseEce.toFixed(3)}: ${reading}.`,
  };
}
