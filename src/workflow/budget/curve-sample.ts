import type { Labels } from '../../core/labels.js';
import { DEFAULT_TRAIN_SIZES } from '../../selection/index.js';
import { type Fold, trainTestSplit } from '../../splits/index.js';
import type { StepName } from '../config-schema.js';
import type { CurveSampleData } from '../curve-sections.js';
import type { StepInput } from '../step-context.js';

/**
 * Matrix cells (rows × feature columns) one curve fit takes by default: a curve's verdict rests on
 * differences between its points, which a few thousand rows of 50 columns measure within fold noise, while
 * every fit of the tuning rows' 16,000 × 50 costs the whole curve minutes (it makes ~60 fits). Fixed, not timed, so the same
 * file and seed give the same report on any machine.
 */
export const CURVE_CELLS_PER_FIT = 100_000;
/** Fewer training rows than this and a fit says more about the sample than about the model. */
export const MIN_CURVE_ROWS = 1000;

/** The training rows a curve step's fits take on each fold, and why when they are a sample. */
export interface CurveSample {
  /** The tuning folds, each training part cut to `trainRows` (stratified, seeded); test parts whole. */
  readonly folds: readonly Fold[];
  /** Training rows per fold the fits take at most. */
  readonly trainRows: number;
  /** Training rows per fold there were. */
  readonly of: number;
  /** Why it is a sample, as the report says it; undefined when the fits take every training row. */
  readonly reason?: string;
}

/**
 * How many training rows per fold a curve step fits on: every row with `curves.sample_rows: all`, at most
 * the number given, or (auto) a fixed number of cells; under a time budget, fewer still when the fits
 * measured so far say the step's `fitUnits` (fits of its largest size) would pass its deadline. The test
 * part of each fold stays whole: scoring costs little next to fitting, and every held-out row narrows
 * the intervals the verdicts compare.
 */
export function planCurveSample(
  input: Pick<StepInput, 'config' | 'tuning' | 'tuningFolds' | 'budget'>,
  step: StepName,
  spec: string,
  fitUnits: number,
  minRows = 0,
): CurveSample {
  const folds = input.tuningFolds;
  const of = Math.min(...folds.map((fold) => fold.train.length));
  const setting = input.config.curves.sample_rows;
  const columns = Math.max(1, input.tuning.features.columns.length);
  const cap =
    setting === 'all'
      ? of
      : setting === 'auto'
        ? Math.max(MIN_CURVE_ROWS, Math.floor(CURVE_CELLS_PER_FIT / columns))
        : setting;
  let trainRows = Math.min(of, Math.max(cap, minRows));
  let reason =
    trainRows < of
      ? setting === 'auto'
        ? `the fits take a stratified sample of ${trainRows} of each fold's ${of} training rows (about ${CURVE_CELLS_PER_FIT.toLocaleString('en-US')} cells per fit; curves.sample_rows: all fits every row)`
        : `the fits take a stratified sample of ${trainRows} of each fold's ${of} training rows (curves.sample_rows: ${setting})`
      : undefined;
  const budget = input.budget;
  const perFit = budget?.fitSeconds(spec, trainRows);
  if (budget && perFit !== undefined) {
    const left = Math.max(0, budget.deadlineFor(step) - budget.elapsed());
    const estimate = perFit * fitUnits;
    if (estimate > left) {
      const affordable = Math.max(MIN_CURVE_ROWS, minRows, Math.floor((trainRows * left) / estimate));
      if (affordable < trainRows) {
        const what = `the fits take a stratified sample of ${affordable} of each fold's ${of} training rows: ${trainRows} would take about ${estimate.toFixed(0)} s and ${left.toFixed(0)} s of the budget were left`;
        budget.cut(step, what);
        trainRows = affordable;
        reason = what;
      }
    }
  }
  if (trainRows >= of) return { folds, trainRows: of, of };
  return {
    folds: folds.map((fold, k) => ({
      ...fold,
      train: stratifiedTrainRows(fold.train, input.tuning.labels, trainRows, input.config.seed + k),
    })),
    trainRows,
    of,
    reason,
  };
}

/**
 * Fits of the learning curve step, in units of one fit on a fold's whole (sampled) training part: the
 * curve and its file-order twin over the sizes, and at most a sweep of ~6 values and the flexible
 * reference, on every fold.
 */
export function learningCurveFitUnits(
  trainSizes: readonly number[] | undefined,
  folds: number,
  foldRows: number,
): number {
  const sizes = trainSizes ?? DEFAULT_TRAIN_SIZES;
  const fractions = sizes.reduce((sum, size) => sum + (size <= 1 ? size : Math.min(1, size / foldRows)), 0);
  return folds * (2 * fractions + 7);
}

/** `n` of a fold's training rows in the class proportions of all of them, seeded, in ascending (file) order. */
function stratifiedTrainRows(train: Int32Array, labels: Labels, n: number, seed: number): Int32Array {
  const codes = Int32Array.from(train, (row) => labels.codes[row]);
  const { test: kept } = trainTestSplit(train.length, { testSize: n, seed, stratify: codes });
  return Int32Array.from(kept, (position) => train[position]).sort();
}

/** The sample as report.json keeps it. */
export function sampleData(sample: CurveSample): CurveSampleData | null {
  return sample.reason === undefined
    ? null
    : { trainRows: sample.trainRows, of: sample.of, reason: sample.reason };
}
