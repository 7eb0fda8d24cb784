import type { StepSpec } from '../catalog/model-spec.js';
import { complexityControls } from '../catalog/tags-of.js';
import type { Features } from '../core/features.js';
import type { Labels } from '../core/labels.js';
import type { CurveRunOptions } from '../selection/curve-scores.js';
import { validationCurve } from '../selection/validation-curve.js';
import type { Fold } from '../splits/fold.js';
import { type CurveDiagnosis, validationCurveVerdict } from './curve-verdict.js';

export interface ProbeOptions extends CurveRunOptions {
  readonly cv?: number | readonly Fold[];
}

export interface ProbeResult {
  /** Whether the probed C scored higher than the current one. */
  readonly improved: boolean;
  /** The next step, with the measured scores. */
  readonly nextStep: string;
}

/**
 * Backs a learning-curve verdict with a measurement: for a model with a `C` (logistic regression), fit
 * C/10 (overfitting: stronger regularization) or C×10 (underfitting: weaker) next to the current C on
 * the same folds and say what it changed. Undefined when the verdict suggests no regularization change
 * or the model has no C.
 */
export async function probeRegularization(
  X: Features,
  y: Labels,
  steps: readonly StepSpec[],
  diagnosis: CurveDiagnosis,
  options: ProbeOptions = {},
): Promise<ProbeResult | undefined> {
  if (diagnosis !== 'high-variance' && diagnosis !== 'high-bias') return undefined;
  const final = steps[steps.length - 1];
  const control = complexityControls(steps).find((candidate) => candidate.param === 'C');
  if (!control) return undefined;
  const current = typeof final.params.C === 'number' ? final.params.C : 1;
  const other = diagnosis === 'high-variance' ? current / 10 : current * 10;
  const values = diagnosis === 'high-variance' ? [other, current] : [current, other];
  const curve = await validationCurve(X, y, { ...options, steps, param: `${final.name}.C`, values });
  const param = `${final.name}.C`;
  const verdict = validationCurveVerdict(param, values, curve.points, curve.scoring, current);
  if (!verdict) return undefined;
  if (verdict.bestValue === other) return { improved: true, nextStep: verdict.nextStep };
  const scoreOf = (value: number) => curve.points[values.indexOf(value)].testMean?.toFixed(4) ?? 'n/a';
  const change = diagnosis === 'high-variance' ? '10x stronger regularization' : '10x weaker regularization';
  const instead =
    diagnosis === 'high-variance'
      ? 'try fewer or better features, or more rows'
      : 'try more or better features, or a non-linear model';
  return {
    improved: false,
    nextStep: `${change} does not help here (${param}=${other}: CV ${curve.scoring} ${scoreOf(other)} vs ${scoreOf(current)} at ${param}=${current}); ${instead}`,
  };
}
