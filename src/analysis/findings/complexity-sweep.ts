import { type ComplexityParam, classifierNamed, type StepSpec } from '../../catalog/index.js';
import type { Features } from '../../core/features.js';
import type { Labels } from '../../core/labels.js';
import type { CurvePoint, CurveRunOptions } from '../../selection/curve-scores.js';
import { validationCurve } from '../../selection/validation-curve.js';
import type { Fold } from '../../splits/fold.js';
import { type ValidationVerdict, validationCurveVerdict } from '../curves/curve-verdict.js';
import type { ComplexityDirection } from './complexity-advice.js';

/**
 * One validation curve of a model's main complexity control over values on both sides of its current
 * one, on the run's folds. It is the single measurement behind the over/underfitting advice and the
 * validation curve of the same param, so the two cannot name different values or directions.
 */
export interface ComplexitySweep {
  readonly control: ComplexityParam;
  /** The flat key the curve varied (`logreg.C`). */
  readonly param: string;
  readonly current: unknown;
  /** Ascending, the current value among them; `null` (no limit) last. */
  readonly values: readonly unknown[];
  readonly points: readonly CurvePoint[];
  readonly scoring: string;
}

/** The sweep's best value against the current one, and which way it moves the model. */
export interface SweepReading {
  readonly verdict: ValidationVerdict;
  /** Undefined when the current value is the best. */
  readonly direction?: ComplexityDirection;
}

/**
 * Sweeps the first complexity control the model declares over its probe values, the extra values (the
 * validation curve's own, when it varies the same param) and the current value. Undefined when the
 * model declares no control or its current value is not a number or `null`.
 */
export async function sweepComplexity(
  X: Features,
  y: Labels,
  steps: readonly StepSpec[],
  controls: readonly ComplexityParam[],
  options: CurveRunOptions & {
    readonly cv: number | readonly Fold[];
    readonly extraValues?: readonly unknown[];
    /**
     * The model as it is, already scored on these folds' whole training parts (the learning curve's
     * largest size): the same rows and params, so the sweep takes it instead of fitting it again.
     */
    readonly currentPoint?: CurvePoint;
  },
): Promise<ComplexitySweep | undefined> {
  const control = controls[0];
  if (control === undefined) return undefined;
  const { param, current } = controlled(steps, control);
  if (rankOf(current) === undefined) return undefined;
  const values = sortedValues([current, ...control.probeValues, ...(options.extraValues ?? [])]);
  const known = options.currentPoint;
  const fitted = known ? values.filter((value) => value !== current) : values;
  const curve = await validationCurve(X, y, { ...options, steps, param, values: fitted });
  const points = known
    ? values.map((value) => (value === current ? known : curve.points[fitted.indexOf(value)]))
    : curve.points;
  return { control, param, current, values, points, scoring: curve.scoring };
}

/** The flat key of a control (`logreg.C`) and its value in the spec, else the classifier's own default. */
export function controlled(
  steps: readonly StepSpec[],
  control: ComplexityParam,
): { readonly param: string; readonly current: unknown } {
  const holder = steps.find((step) => step.name === control.step) ?? steps[steps.length - 1];
  const own = classifierNamed(holder.name).create().params as Readonly<Record<string, unknown>>;
  return {
    param: `${holder.name}.${control.param}`,
    current: holder.params[control.param] ?? own[control.param],
  };
}

/** The same reading the validation curve step gives: best value, its paired gain, verified or not. */
export function readSweep(sweep: ComplexitySweep): SweepReading | undefined {
  const verdict = validationCurveVerdict(
    sweep.param,
    sweep.values,
    sweep.points,
    sweep.scoring,
    sweep.current,
  );
  if (verdict === undefined) return undefined;
  if (verdict.gain === null) return { verdict };
  return { verdict, direction: directionOf(sweep.control, sweep.current, verdict.bestValue) };
}

/** Which way moving the control from `from` to `to` takes the model. */
export function directionOf(control: ComplexityParam, from: unknown, to: unknown): ComplexityDirection {
  const up = (rankOf(to) ?? 0) > (rankOf(from) ?? 0);
  return up === (control.moreComplexWhen === 'up') ? 'more-complex' : 'simpler';
}

/** The sweep's values on one side of the current one, each with its paired scores. */
export function sweepSide(
  sweep: ComplexitySweep,
  direction: ComplexityDirection,
): { value: unknown; point: CurvePoint }[] {
  return sweep.values.flatMap((value, k) =>
    value !== sweep.current && directionOf(sweep.control, sweep.current, value) === direction
      ? [{ value, point: sweep.points[k] }]
      : [],
  );
}

/** The sweep's point at the current value. */
export function currentPoint(sweep: ComplexitySweep): CurvePoint {
  return sweep.points[sweep.values.indexOf(sweep.current)];
}

/** `null` means no limit: above every number. */
function rankOf(value: unknown): number | undefined {
  return value === null ? Number.POSITIVE_INFINITY : typeof value === 'number' ? value : undefined;
}

function sortedValues(values: readonly unknown[]): unknown[] {
  const seen = new Map<number, unknown>();
  for (const value of values) {
    const rank = rankOf(value);
    if (rank !== undefined && !seen.has(rank)) seen.set(rank, value);
  }
  return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, value]) => value);
}
