import { learningCurveVerdict, validationCurveVerdict } from '../../analysis/index.js';
import { tagsOf, tuningOf } from '../../catalog/index.js';
import {
  type CurvePoint,
  concurrentExecutor,
  learningCurve,
  type TaskExecutor,
  validationCurve,
} from '../../selection/index.js';
import type {
  CurvePointData,
  LearningCurveSection,
  RunFinding,
  ValidationCurveSection,
} from '../report-types.js';
import type { PlannedModel, StepInput } from '../step-context.js';
import { optionsOf, type WorkflowStep } from '../workflow-step.js';

/**
 * An LLM's fits wait on its endpoint, not the CPU: all of them at once on this thread, sharing the
 * model's one limiter (and `--redis`'s runner, through the build options), rather than one thread each.
 */
function executorFor(input: StepInput, model: PlannedModel): TaskExecutor {
  if (!tagsOf(model.steps).waitsOnEndpoint) return input.executor;
  const { features, labels } = input.tuning;
  return concurrentExecutor({ features, labels }, { signal: input.signal, build: input.build });
}

/** The learning curve of the best model and the over/underfitting verdict in words. */
export async function runLearningCurveStep(
  input: StepInput,
  model: PlannedModel,
  trainSizes: readonly number[] | undefined,
): Promise<{ section: LearningCurveSection; findings: RunFinding[] }> {
  const { features, labels } = input.tuning;
  const curve = await learningCurve(features, labels, {
    steps: model.steps,
    trainSizes,
    cv: input.tuningFolds,
    scoring: input.config.metric,
    executor: executorFor(input, model),
    signal: input.signal,
    onProgress: input.onFits,
  });
  const verdict = learningCurveVerdict(curve.trainSizes, curve.points, curve.scoring);
  const section: LearningCurveSection = {
    model: model.spec,
    scoring: curve.scoring,
    rows: features.rows,
    trainSizes: [...curve.trainSizes],
    points: curve.points.map(pointData),
    verdict: {
      diagnosis: verdict.diagnosis,
      summary: verdict.summary,
      nextStep: verdict.nextStep,
      gapPp: verdict.evidence.gapPp ?? null,
    },
  };
  const level = verdict.diagnosis === 'high-variance' || verdict.diagnosis === 'high-bias' ? 'warn' : 'info';
  return {
    section,
    findings: [
      {
        section: 'learning-curve',
        level,
        message: `Learning curve of ${model.spec}: ${verdict.summary}.`,
        suggestion: verdict.nextStep,
      },
    ],
  };
}

/** The validation curve over the model's main complexity param (or the one the config names). */
export async function runValidationCurveStep(
  input: StepInput,
  model: PlannedModel,
  options: { readonly param?: string; readonly values?: readonly unknown[] },
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
  const curve = await validationCurve(features, labels, {
    steps: model.steps,
    param,
    values,
    cv: input.tuningFolds,
    scoring: input.config.metric,
    executor: executorFor(input, model),
    signal: input.signal,
    onProgress: input.onFits,
  });
  const key = param.slice(param.lastIndexOf('.') + 1);
  const current = model.steps[model.steps.length - 1].params[key] ?? plan?.defaults[key];
  const verdict = validationCurveVerdict(param, values, curve.points, curve.scoring, current);
  const section: ValidationCurveSection = {
    model: model.spec,
    scoring: curve.scoring,
    param,
    values: [...values],
    points: curve.points.map(pointData),
    verdict: verdict
      ? { summary: verdict.summary, nextStep: verdict.nextStep, bestValue: verdict.bestValue }
      : null,
  };
  const findings: RunFinding[] = verdict
    ? [
        {
          section: 'validation-curve',
          level: 'info',
          message: `Validation curve: ${verdict.summary}.`,
          suggestion: verdict.nextStep,
        },
      ]
    : [];
  return { section, findings };
}

function pointData(point: CurvePoint): CurvePointData {
  return {
    trainMean: point.trainMean,
    trainStd: point.trainStd,
    testMean: point.testMean,
    testStd: point.testStd,
  };
}

export const learningCurveStep: WorkflowStep = {
  id: 'learning_curve',
  detail: ({ state }) => `learning curve of ${state.best.spec}`,
  async run({ input, state }) {
    const options = optionsOf(input.config, 'learning_curve');
    const result = await runLearningCurveStep(input, state.best, options.train_sizes);
    return { sections: { learningCurve: result.section }, findings: result.findings };
  },
};

export const validationCurveStep: WorkflowStep = {
  id: 'validation_curve',
  detail: ({ state }) => `validation curve of ${state.best.spec}`,
  async run({ input, state }) {
    const result = await runValidationCurveStep(
      input,
      state.best,
      optionsOf(input.config, 'validation_curve'),
    );
    if ('skipped' in result) return result;
    return { sections: { validationCurve: result.section }, findings: result.findings };
  },
};
