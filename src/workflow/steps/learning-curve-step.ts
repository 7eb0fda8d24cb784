import {
  type ComplexityDirection,
  type ComplexityProbe,
  type CurveVerdict,
  complexityAdvice,
  formatGain,
  impactOf,
  learningCurveVerdict,
  probeComplexity,
} from '../../analysis/index.js';
import { complexityControls } from '../../catalog/index.js';
import { pairedGain } from '../../metrics/index.js';
import { type CurvePoint, learningCurve } from '../../selection/index.js';
import type { LearningCurveSection, RunFinding } from '../report-types.js';
import type { PlannedModel, StepInput } from '../step-context.js';
import { optionsOf, type WorkflowStep } from '../workflow-step.js';
import { curveExecutor } from './curve-executor.js';
import { curvePointData } from './curve-point-data.js';

/**
 * The learning curve of the best model on shuffled rows, the same curve in the file's own row order (an
 * `order_dependent` finding when the file's order lowers the score beyond noise), and an over/underfitting
 * verdict backed by a measured move of the model's own complexity control.
 */
export async function runLearningCurveStep(
  input: StepInput,
  model: PlannedModel,
  trainSizes: readonly number[] | undefined,
): Promise<{ section: LearningCurveSection; findings: RunFinding[] }> {
  const { features, labels } = input.tuning;
  const common = {
    steps: model.steps,
    cv: input.tuningFolds,
    scoring: input.config.metric,
    executor: curveExecutor(input, model),
    signal: input.signal,
    onProgress: input.onFits,
  };
  const curve = await learningCurve(features, labels, {
    ...common,
    trainSizes,
    shuffle: true,
    seed: input.config.seed,
  });
  const verdict = learningCurveVerdict(curve.trainSizes, curve.points, curve.scoring);
  const fileOrder = await fileOrderCurve(input, common, curve.trainSizes, curve.points);
  const direction: ComplexityDirection | undefined =
    verdict.diagnosis === 'high-variance'
      ? 'simpler'
      : verdict.diagnosis === 'high-bias'
        ? 'more-complex'
        : undefined;
  const probe = direction
    ? await probeComplexity(features, labels, model.steps, complexityControls(model.steps), direction, {
        cv: input.tuningFolds,
        scoring: input.config.metric,
        executor: common.executor,
        signal: input.signal,
        onProgress: input.onFits,
      })
    : undefined;
  const section: LearningCurveSection = {
    model: model.spec,
    scoring: curve.scoring,
    rows: features.rows,
    trainSizes: [...curve.trainSizes],
    points: curve.points.map(curvePointData),
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
          points: fileOrder.points.map(curvePointData),
          diagnosis: fileOrder.verdict.diagnosis,
          summary: fileOrder.verdict.summary,
        }
      : null,
    probe: probe ? probeData(probe) : null,
  };
  const findings = learningFindings(model, verdict, direction, probe, input.config.metric);
  const orderEffect = fileOrder ? orderEffectOf(curve.trainSizes, curve.points, fileOrder) : undefined;
  // Verdicts near their thresholds flip by chance on any file; only a measured effect of the order counts.
  if (fileOrder && orderEffect) {
    const effect = orderEffect
      ? orderEffect.failed
        ? ` at ${orderEffect.size} rows every fit in file order failed (a prefix of the file holds too few classes) while shuffled rows score ${orderEffect.shuffled.toFixed(3)};`
        : ` at ${orderEffect.size} rows CV ${curve.scoring} is ${orderEffect.fileOrder.toFixed(3)} in file order against ${orderEffect.shuffled.toFixed(3)} on shuffled rows, ${formatGain(orderEffect.gain)};`
      : '';
    findings.push({
      section: 'learning-curve',
      code: 'order_dependent',
      level: 'warn',
      message: `The file's row order changes the learning curve:${effect}${fileOrder.verdict.diagnosis === verdict.diagnosis ? ' the verdict is the same either way' : ` in file order it reads "${fileOrder.verdict.summary}", on shuffled rows "${verdict.summary}"`}. The file is sorted or grouped by something the label depends on.`,
      suggestion:
        'shuffle before any split that takes rows in order (a head/tail split, a time-unaware hold-out); this report uses shuffled rows',
      columns: [],
      rows: [],
    });
  }
  return { section, findings };
}

/** The same curve in file order at every size but the largest (the largest is the same rows either way). */
async function fileOrderCurve(
  input: StepInput,
  common: Omit<Parameters<typeof learningCurve>[2], 'trainSizes'>,
  sizes: readonly number[],
  points: readonly CurvePoint[],
): Promise<{ trainSizes: number[]; points: CurvePoint[]; verdict: CurveVerdict } | undefined> {
  const smaller = sizes.slice(0, -1).filter((size) => size > 1);
  if (smaller.length === 0) return undefined;
  const { features, labels } = input.tuning;
  const ordered = await learningCurve(features, labels, { ...common, trainSizes: smaller });
  const trainSizes = [...ordered.trainSizes, sizes[sizes.length - 1]];
  const all = [...ordered.points, points[points.length - 1]];
  return { trainSizes, points: all, verdict: learningCurveVerdict(trainSizes, all, ordered.scoring) };
}

/**
 * Rows in file order must lower the CV score this much, beyond fold noise, to count: a random subset of a
 * few dozen rows moves it by several points either way on any file (seen: +7 pp at 24 rows).
 */
const ORDER_EFFECT = 0.1;

/**
 * The size where taking rows in file order lowers the CV score most, when by at least 10 points beyond
 * fold noise (paired over the same test folds), or where every file-order fit failed and shuffled ones
 * did not. The largest size is the same rows either way and is skipped.
 */
function orderEffectOf(
  sizes: readonly number[],
  shuffled: readonly CurvePoint[],
  fileOrder: { readonly points: readonly CurvePoint[] },
):
  | {
      size: number;
      failed: boolean;
      fileOrder: number;
      shuffled: number;
      gain: { mean: number; low: number; high: number };
    }
  | undefined {
  let strongest: ReturnType<typeof orderEffectOf>;
  for (let p = 0; p < sizes.length - 1; p++) {
    const ordered = fileOrder.points[p];
    const base = shuffled[p];
    if (base.testMean === null) continue;
    if (ordered.testScores.every((score) => score === null)) {
      const gain = { mean: Number.NaN, low: Number.NaN, high: Number.NaN };
      strongest ??= { size: sizes[p], failed: true, fileOrder: Number.NaN, shuffled: base.testMean, gain };
      continue;
    }
    const gain = pairedGain(ordered.testScores, base.testScores);
    if (gain === null || gain.mean > -ORDER_EFFECT || gain.high >= 0) continue;
    if (strongest === undefined || strongest.failed || gain.mean < strongest.gain.mean) {
      strongest = {
        size: sizes[p],
        failed: false,
        fileOrder: ordered.testMean ?? Number.NaN,
        shuffled: base.testMean,
        gain,
      };
    }
  }
  return strongest;
}

function learningFindings(
  model: PlannedModel,
  verdict: CurveVerdict,
  direction: ComplexityDirection | undefined,
  probe: ComplexityProbe | undefined,
  metric: string,
): RunFinding[] {
  const impact = probe?.best ? { impact: impactOf(metric, probe.best.gain) } : {};
  const stake = probe?.verified && probe.best ? { stake: probe.best.gain.mean } : {};
  if (direction) {
    const advice = complexityAdvice(probe, direction);
    const rising = verdict.nextStep.startsWith('more data would help');
    return [
      {
        section: 'learning-curve',
        code: direction === 'simpler' ? 'overfitting' : 'underfitting',
        level: 'warn',
        message: `Learning curve of ${model.spec}: ${verdict.summary}; ${advice.message}.`,
        suggestion: `${advice.suggestion}${rising && direction === 'simpler' ? '; the CV score is still rising, so more rows would also help' : ''}`,
        columns: [],
        rows: [],
        ...impact,
        ...stake,
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
    const result = await runLearningCurveStep(input, state.best, options.train_sizes);
    return { sections: { learningCurve: result.section }, findings: result.findings };
  },
};
