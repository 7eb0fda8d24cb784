import { type ComplexitySweep, impactOf, validationCurveVerdict } from '../../analysis/index.js';
import { tuningOf } from '../../catalog/index.js';
import { validationCurve } from '../../selection/index.js';
import { planCurveSample, sampleData } from '../budget/curve-sample.js';
import type { CurveSampleData, RunFinding, ValidationCurveSection } from '../report-types.js';
import type { PlannedModel, StepInput } from '../step-context.js';
import { optionsOf, type WorkflowStep } from '../workflow-step.js';
import { executorFor } from './executor-for.js';
import { pointData } from './point-data.js';

/** The validation curve over the model's main complexity param (or the one the config names). */
export async function runValidationCurveStep(
  input: StepInput,
  model: PlannedModel,
  options: { readonly param?: string; readonly values?: readonly unknown[] },
  sweep?: { readonly sweep: ComplexitySweep; readonly sample: CurveSampleData | null },
): Promise<{ section: ValidationCurveSection; findings: RunFinding[] } | { skipped: string }> {
  const plan = tuningOf(model.steps);
  const param = options.param ?? plan?.curve.param;
  const values = options.values ?? plan?.curve.values;
  if (param === undefined || values === undefined) {
    return {
      skipped: `no default param to vary for ${model.kind}: set steps.validation_curve.param and values`,
    };
  }
  const { features, labels } = input.tuning;
  // The learning curve's sweep of this very param is the same fits on the same folds: reading it here
  // makes the validation curve and the over/underfitting advice one measurement that cannot disagree.
  const key = param.slice(param.lastIndexOf('.') + 1);
  const reused =
    sweep !== undefined && sweep.sweep.control.param === key && options.values === undefined
      ? sweep
      : undefined;
  const sample = reused
    ? undefined
    : planCurveSample(input, 'validation_curve', model.spec, values.length * input.tuningFolds.length);
  const curve =
    reused?.sweep ??
    (await validationCurve(features, labels, {
      steps: model.steps,
      param,
      values,
      cv: sample?.folds ?? input.tuningFolds,
      scoring: input.config.metric,
      executor: executorFor(input, model),
      signal: input.signal,
      onProgress: input.onFits,
    }));
  const current = model.steps[model.steps.length - 1].params[key] ?? plan?.defaults[key];
  const verdict = validationCurveVerdict(param, curve.values, curve.points, curve.scoring, current);
  const section: ValidationCurveSection = {
    model: model.spec,
    scoring: curve.scoring,
    param,
    sample: reused ? reused.sample : sample ? sampleData(sample) : null,
    values: [...curve.values],
    points: curve.points.map(pointData),
    verdict: verdict
      ? {
          summary: verdict.summary,
          nextStep: verdict.nextStep,
          bestValue: verdict.bestValue,
          gain: verdict.gain,
          verified: verdict.verified,
        }
      : null,
  };
  // A value that only ties the current one within fold noise is a result for the section, not a finding.
  const findings: RunFinding[] =
    verdict?.verified && verdict.gain
      ? [
          {
            section: 'validation-curve',
            code: 'tuning_gain',
            level: 'info',
            message: `Validation curve of ${model.spec}: ${verdict.nextStep}.`,
            suggestion: `use ${param}=${String(verdict.bestValue)}`,
            columns: [],
            rows: [],
            impact: impactOf(curve.scoring, verdict.gain),
            stake: verdict.gain.mean,
          },
        ]
      : [];
  return { section, findings };
}

export const validationCurveStep: WorkflowStep = {
  id: 'validation_curve',
  detail: ({ state }) => `validation curve of ${state.best.spec}`,
  async run({ input, state }) {
    const result = await runValidationCurveStep(
      input,
      state.best,
      optionsOf(input.config, 'validation_curve'),
      state.complexitySweep?.model === state.best.spec ? state.complexitySweep : undefined,
    );
    if ('skipped' in result) return result;
    return { sections: { validationCurve: result.section }, findings: result.findings };
  },
};
