import { ModeldebugError } from '../../core/errors.js';

/** Accuracy of the majority vote over the first j samples, for j = 1..n. */
export interface MajorityAtKPoint {
  readonly k: number;
  readonly accuracy: number;
  /** Rows whose first k samples hold no label at all (counted as wrong). */
  readonly unlabelled: number;
}

/**
 * maj@k from one run of n samples per row, with no new calls: for each k ≤ n the prediction is the most
 * frequent label among the row's first k samples (samples with no label, -1, do not vote; a tie goes to
 * the label that reached the top count first, i.e. the earliest sample among the tied labels), scored
 * against `yTrue`. `sampleLabels` is row-major: row * samples + sample.
 */
export function majorityAtK(
  yTrue: Int32Array,
  sampleLabels: Int32Array,
  samples: number,
  nClasses: number,
): MajorityAtKPoint[] {
  if (!(Number.isInteger(samples) && samples >= 1) || sampleLabels.length !== yTrue.length * samples) {
    throw new ModeldebugError(
      'shape_mismatch',
      `${sampleLabels.length} sample labels for ${yTrue.length} rows of ${samples} samples`,
    );
  }
  const correct = new Int32Array(samples);
  const unlabelled = new Int32Array(samples);
  const votes = new Int32Array(nClasses);
  for (let row = 0; row < yTrue.length; row++) {
    votes.fill(0);
    let leader = -1;
    for (let s = 0; s < samples; s++) {
      const label = sampleLabels[row * samples + s];
      if (label >= 0) {
        votes[label]++;
        // Strictly more votes to take the lead: a tie keeps the label that got there first.
        if (leader < 0 || votes[label] > votes[leader]) leader = label;
      }
      if (leader < 0) unlabelled[s]++;
      else if (leader === yTrue[row]) correct[s]++;
    }
  }
  const n = yTrue.length;
  return Array.from(correct, (count, s) => ({
    k: s + 1,
    accuracy: n === 0 ? Number.NaN : count / n,
    unlabelled: unlabelled[s],
  }));
}
