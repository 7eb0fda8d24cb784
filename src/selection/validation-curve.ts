import type { StepSpec } from '../catalog/model-spec.js';
import type { Features } from '../core/features.js';
import type { Labels } from '../core/labels.js';
import type { Fold } from '../splits/fold.js';
import { type CurveFailure, type CurvePoint, type CurveRunOptions, runCurve } from './curve-scores.js';
import { applyParams } from './model-params.js';
import { resolveFolds } from './search.js';

export interface ValidationCurveOptions extends CurveRunOptions {
  readonly steps: readonly StepSpec[];
  /** A flat param key (`C`, `logreg.C`, `scale.kind`). */
  readonly param: string;
  readonly values: readonly unknown[];
  readonly cv?: number | readonly Fold[];
}

export interface ValidationCurve {
  readonly scoring: string;
  readonly param: string;
  readonly values: readonly unknown[];
  readonly points: readonly CurvePoint[];
  readonly failures: readonly CurveFailure[];
}

/** sklearn's validation_curve: train and CV scores for each value of one param, on the same folds. */
export async function validationCurve(
  X: Features,
  y: Labels,
  options: ValidationCurveOptions,
): Promise<ValidationCurve> {
  const folds = resolveFolds(y, options.cv);
  const specs = options.values.map((value) => applyParams(options.steps, { [options.param]: value }));
  const { points, failures } = await runCurve(
    X,
    y,
    folds,
    (p, fold) => ({ steps: specs[p], train: fold.train }),
    specs.length,
    options,
  );
  return {
    scoring: options.scoring ?? 'accuracy',
    param: options.param,
    values: options.values,
    points,
    failures,
  };
}
