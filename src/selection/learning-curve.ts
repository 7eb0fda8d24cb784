import type { StepSpec } from '../catalog/model-spec.js';
import { ModeldebugError } from '../core/errors.js';
import type { Features } from '../core/features.js';
import type { Labels } from '../core/labels.js';
import { createRng } from '../core/rng.js';
import type { Fold } from '../splits/fold.js';
import { type CurveFailure, type CurvePoint, type CurveRunOptions, runCurve } from './curve-scores.js';
import { resolveFolds } from './search.js';

export interface LearningCurveOptions extends CurveRunOptions {
  readonly steps: readonly StepSpec[];
  /** Fractions in (0, 1] of the largest training fold, or whole row counts; sklearn's default. */
  readonly trainSizes?: readonly number[];
  readonly cv?: number | readonly Fold[];
  /**
   * sklearn's `shuffle`: permute each fold's training rows (seeded) before taking the first n, so a
   * file sorted by a column does not decide which rows the small sizes see. Default false (file order).
   */
  readonly shuffle?: boolean;
  readonly seed?: number;
}

export interface LearningCurve {
  readonly scoring: string;
  /** sklearn's train_sizes_abs. */
  readonly trainSizes: readonly number[];
  readonly points: readonly CurvePoint[];
  readonly failures: readonly CurveFailure[];
}

export const DEFAULT_TRAIN_SIZES = [0.1, 0.325, 0.55, 0.775, 1] as const;

/**
 * sklearn's learning_curve: for each size n and fold, fit on the first n of the fold's training rows
 * (ascending, or permuted with `shuffle`), score those rows and the fold's test rows.
 */
export async function learningCurve(
  X: Features,
  y: Labels,
  options: LearningCurveOptions,
): Promise<LearningCurve> {
  const resolved = resolveFolds(y, options.cv);
  const rng = createRng(options.seed ?? 0);
  const folds = options.shuffle
    ? resolved.map((fold) => ({ ...fold, train: rng.shuffle(Int32Array.from(fold.train)) }))
    : resolved;
  const trainSizes = absoluteTrainSizes(options.trainSizes ?? DEFAULT_TRAIN_SIZES, folds[0].train.length);
  const { points, failures } = await runCurve(
    X,
    y,
    folds,
    (p, fold) => ({ steps: options.steps, train: fold.train.subarray(0, trainSizes[p]) }),
    trainSizes.length,
    options,
  );
  return { scoring: options.scoring ?? 'accuracy', trainSizes, points, failures };
}

/**
 * `unique(clip(floor(fraction * nMax), 1, nMax))` for fractions in (0, 1]; values above 1 are row counts.
 */
export function absoluteTrainSizes(sizes: readonly number[], nMax: number): number[] {
  const absolute = sizes.map((size) => {
    if (!(size > 0) || (size > 1 && (!Number.isInteger(size) || size > nMax))) {
      throw new ModeldebugError('invalid_argument', `invalid training size ${size}`, {
        where: 'field trainSizes',
        hint: `give fractions in (0, 1] or whole row counts up to ${nMax}`,
      });
    }
    return size <= 1 ? Math.min(nMax, Math.max(1, Math.floor(size * nMax))) : size;
  });
  return [...new Set(absolute)].sort((a, b) => a - b);
}
