import {
  type ComplexityProbe,
  type ComplexitySweep,
  type CurveVerdict,
  type FitReading,
  type FlexibleAlternative,
  impactOf,
  learningCurveVerdict,
  readModelFit,
  sweepComplexity,
  VERDICT_THRESHOLDS,
} from '../../analysis/index.js';
import {
  checkDataFitsModel,
  complexityControls,
  parseModelSpec,
  tagsOf,
  tuningOf,
} from '../../catalog/index.js';
import { isModeldebugError } from '../../core/errors.js';
import { type CurvePoint, learningCurve, type TaskExecutor } from '../../selection/index.js';
import type { Fold } from '../../splits/index.js';
import {
  type CurveSample,
  learningCurveFitUnits,
  planCurveSample,
  sampleData,
} from '../budget/curve-sample.js';
import type { CurveSampleData, LearningCurveSection, RunFinding } from '../report-types.js';
import type { PlannedModel, StepInput } from '../step-context.js';
import { optionsOf, type WorkflowStep } from '../workflow-step.js';
import { executorFor } from './executor-for.js';
import { fileOrderCurve, orderFinding } from './file-order-curve.js';
import { pointData } from './point-data.js';

/**
 * The flexible reference an underfitting verdict is measured against when the run compared no other
 * model: histogram gradient boosting fits interactions and non-linear effects, reads missing values,
 * and is among the fastest of the catalog's flexible models.
 */
const FLEXIBLE_REFERENCE = 'hgb(random_state=0)';

export interface LearningCurveStepResult {
  readonly section: LearningCurveSection;
  readonly findings: RunFinding[];
  /** The complexity sweep behind the advice, for the validation curve of the same param to reuse. */
  readonly sweep?: ComplexitySweep;
  /** The rows the sweep's fits took, for the validation curve that reuses it to say so. */
  readonly sample: CurveSampleData | null;
}

/**
 * The learning curve of the best model on shuffled rows, the same curve in the file's own row order (an
 * `order_dependent` finding when the file's order lowers the score beyond noise), and an over/underfitting
 * verdict backed by measurements on the same folds: a sweep of the model's own complexity control, and
 * (when the run compared no other model) a flexible reference model.
 */
export async function runLearningCurveStep(
  input: StepInput,
  model: PlannedModel,
  trainSizes: readonly number[] | undefined,
  compared: readonly PlannedModel[] = [model],
): Promise<LearningCurveStepResult> {
  const { features, labels } = input.tuning;
  const sample = learningCurveSample(input, model, trainSizes);
  const folds = sample.folds;
  const common = {
    steps: model.steps,
    cv: folds,
    scoring: input.config.metric,
    executor: executorFor(input, model),
    signal: input.signal,
    onProgress: input.onFits,
  };
  const curve = await learningCurve(features, labels, {
    ...common,
    trainSizes,
    shuffle: true,
    seed: input.config.seed,
  });
  const curveVerdict = learningCurveVerdict(curve.trainSizes, curve.points, curve.scoring);
  const fileOrder = await fileOrderCurve(input, common, curve.trainSizes, curve.points);
  const largest = curve.points[curve.points.length - 1];
  const gapPp = curveVerdict.evidence.gapPp;
  const closeCurves = gapPp !== undefined && gapPp < VERDICT_THRESHOLDS.varianceGapPp;
  // A low training score is where more flexibility can pay; above it the sweep and the reference (a
  // flexible model's whole cross-validation) are not worth their fits.
  const lowTrain = (curveVerdict.evidence.trainScore ?? 1) < VERDICT_THRESHOLDS.biasTrainScore;
  const sweep =
    curveVerdict.diagnosis === 'high-variance' || (closeCurves && lowTrain)
      ? await sweepFor(input, model, common.executor, folds, wholeFoldPoint(curve.trainSizes, largest, folds))
      : undefined;
  const references =
    closeCurves && lowTrain && compared.length <= 1
      ? await referenceFor(input, model, common.executor, folds)
      : [];
  const reading = readModelFit(curveVerdict, largest, sweep, references, curve.scoring);
  const verdict = reading.verdict;
  const section: LearningCurveSection = {
    model: model.spec,
    scoring: curve.scoring,
    rows: features.rows,
    sample: sampleData(sample),
    trainSizes: [...curve.trainSizes],
    points: curve.points.map(pointData),
    verdict: {
      diagnosis: verdict.diagnosis,
      summary: verdict.summary,
      nextStep: verdict.nextStep,
      gapPp: verdict.evidence.gapPp ?? null,
    },
    shuffled: true,
    fileOrder: fileOrder
      ? {
          trainSizes: fileOrder.trainSizes,
          points: fileOrder.points.map(pointData),
          diagnosis: fileOrder.verdict.diagnosis,
          summary: fileOrder.verdict.summary,
        }
      : null,
    probe: reading.probe ? probeData(reading.probe) : null,
  };
  const findings = learningFindings(model, verdict, reading, input.config.metric);
  const order = orderFinding(curve.trainSizes, curve.points, curveVerdict, fileOrder, curve.scoring);
  if (order) findings.push(order);
  return { section, findings, sweep, sample: section.sample };
}

/** The sweep of the model's first complexity control, over the validation curve's values too when it varies the same param. */
async function sweepFor(
  input: StepInput,
  model: PlannedModel,
  executor: TaskExecutor,
  folds: readonly Fold[],
  currentPoint: CurvePoint | undefined,
): Promise<ComplexitySweep | undefined> {
  const controls = complexityControls(model.steps);
  const plan = tuningOf(model.steps);
  const sameParam = plan !== undefined && controls[0] !== undefined && plan.curve.param === controls[0].param;
  const { features, labels } = input.tuning;
  return sweepComplexity(features, labels, model.steps, controls, {
    cv: folds,
    currentPoint,
    scoring: input.config.metric,
    executor,
    signal: input.signal,
    onProgress: input.onFits,
    extraValues: sameParam ? plan.curve.values : [],
  });
}

/**
 * The flexible reference cross-validated on the same folds, after the model's own transforms; none for
 * a model that is already of the reference's kind, reads text, or waits on an endpoint.
 */
async function referenceFor(
  input: StepInput,
  model: PlannedModel,
  executor: TaskExecutor,
  folds: readonly Fold[],
): Promise<FlexibleAlternative[]> {
  const tags = tagsOf(model.steps);
  const reference = parseModelSpec(FLEXIBLE_REFERENCE);
  if (tags.waitsOnEndpoint || tags.handles.has('text-columns')) return [];
  if (tags.kind === tagsOf(reference).kind) return [];
  const steps = [...model.steps.slice(0, -1), ...reference];
  try {
    checkDataFitsModel(input.tuning, steps);
  } catch (error) {
    if (isModeldebugError(error)) return [];
    throw error;
  }
  const { features, labels } = input.tuning;
  const curve = await learningCurve(features, labels, {
    steps,
    cv: folds,
    scoring: input.config.metric,
    trainSizes: [1],
    executor,
    signal: input.signal,
    onProgress: input.onFits,
  });
  return [{ change: FLEXIBLE_REFERENCE, point: curve.points[0] }];
}

/** The rows each fold's fits take, from the step's cost: all of them on small data. */
function learningCurveSample(
  input: StepInput,
  model: PlannedModel,
  trainSizes: readonly number[] | undefined,
): CurveSample {
  const folds = input.tuningFolds;
  const units = learningCurveFitUnits(trainSizes, folds.length, folds[0]?.train.length ?? 1);
  // Row counts the user asked for must stay reachable: the sample keeps at least the largest of them.
  const largestCount = Math.max(0, ...(trainSizes ?? []).filter((size) => size > 1));
  return planCurveSample(input, 'learning_curve', model.spec, units, largestCount);
}

/**
 * The largest size's point when it took every (sampled) training row of every fold: the model as it
 * is on exactly the rows the sweep fits, which it then need not fit again.
 */
function wholeFoldPoint(
  sizes: readonly number[],
  largest: CurvePoint,
  folds: readonly Fold[],
): CurvePoint | undefined {
  const size = sizes[sizes.length - 1];
  return folds.every((fold) => fold.train.length === size) ? largest : undefined;
}

function learningFindings(
  model: PlannedModel,
  verdict: CurveVerdict,
  reading: FitReading,
  metric: string,
): RunFinding[] {
  const fit = reading.finding;
  if (fit) {
    return [
      {
        section: 'learning-curve',
        code: fit.code,
        level: 'warn',
        message: `Learning curve of ${model.spec}: ${fit.message}.`,
        suggestion: `${fit.suggestion}${fit.code === 'overfitting' && verdict.nextStep.startsWith('more data would help') ? '; the CV score is still rising, so more rows would also help' : ''}`,
        columns: [],
        rows: [],
        ...(fit.gain ? { impact: impactOf(metric, fit.gain) } : {}),
        ...(fit.verified && fit.gain ? { stake: fit.gain.mean } : {}),
      },
    ];
  }
  if (verdict.diagnosis === 'more-data') {
    return [
      {
        section: 'learning-curve',
        code: 'more_data_helps',
        level: 'info',
        message: `Learning curve of ${model.spec}: ${verdict.summary}.`,
        suggestion: verdict.nextStep,
        columns: [],
        rows: [],
        // Estimated: the last step's rise, which the next doubling of rows may repeat at best.
        stake: Math.max(0, (verdict.evidence.lastGainPp ?? 0) / 100),
      },
    ];
  }
  return [];
}

function probeData(probe: ComplexityProbe): NonNullable<LearningCurveSection['probe']> {
  return {
    param: probe.control.param,
    current: probe.current,
    tried: [...probe.tried],
    bestValue: probe.best?.value ?? null,
    gain: probe.best?.gain ?? null,
    verified: probe.verified,
  };
}

export const learningCurveStep: WorkflowStep = {
  id: 'learning_curve',
  detail: ({ state }) => `learning curve of ${state.best.spec}`,
  async run({ input, state }) {
    const options = optionsOf(input.config, 'learning_curve');
    const result = await runLearningCurveStep(input, state.best, options.train_sizes, state.compared);
    return {
      sections: { learningCurve: result.section },
      findings: result.findings,
      ...(result.sweep
        ? {
            state: {
              complexitySweep: { model: state.best.spec, sweep: result.sweep, sample: result.sample },
            },
          }
        : {}),
    };
  },
};
