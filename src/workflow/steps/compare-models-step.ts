import { baselinePredictions, formatGain, impactOf } from '../../analysis/index.js';
import { buildModel, checkDataFitsModel, tagsOf } from '../../catalog/index.js';
import { isModeldebugError } from '../../core/errors.js';
import { accuracy, pairedGain, precisionRecallFScore } from '../../metrics/index.js';
import { crossValidate } from '../../selection/index.js';
import { type Fold, stratifiedKFold } from '../../splits/index.js';
import type { ModelComparisonSection, RunFinding } from '../report-types.js';
import type { PlannedModel, StepInput } from '../step-context.js';
import type { WorkflowStep } from '../workflow-step.js';

export const COMPARISON_SCORING = ['accuracy', 'balanced_accuracy', 'f1_macro', 'f1_weighted'] as const;

/**
 * Cross-validates every model on the training rows (the same stratified folds for all) next to the
 * most-frequent-class baseline, and picks the best by the config's metric. A model that fails is
 * reported, not fatal, unless every model fails.
 */
export async function runCompareModelsStep(
  input: StepInput,
  models: readonly PlannedModel[],
): Promise<{ section: ModelComparisonSection; best: PlannedModel; findings: RunFinding[] }> {
  const { train, config } = input;
  const { folds } = stratifiedKFold(train.labels.codes, config.cv, { shuffle: true, seed: config.seed });
  const scored: {
    model: PlannedModel;
    scores: ModelComparisonSection['models'][number]['scores'];
    folds: readonly number[];
  }[] = [];
  const failures: { spec: string; error: string }[] = [];
  let firstError: unknown;
  const total = models.length * folds.length;
  for (const [m, model] of models.entries()) {
    try {
      checkDataFitsModel(train, model.steps);
      const result = await crossValidate(buildModel(model.steps, input.build), train.features, train.labels, {
        cv: folds,
        scoring: [...COMPARISON_SCORING],
        returnPredictions: input.outOfFold !== undefined,
        signal: input.signal,
        // An LLM's folds wait on its endpoint, not the CPU: all at once through its one limiter.
        concurrentFolds: tagsOf(model.steps).waitsOnEndpoint,
        onFoldDone: (done) => input.onFits(m * folds.length + done, total),
      });
      const metricFolds = result.folds.map((fold) => fold.test[config.metric] ?? Number.NaN);
      scored.push({ model, scores: { ...result.test }, folds: metricFolds });
      if (result.outOfFold) {
        input.outOfFold?.set(model.spec, {
          name: model.spec,
          foldAccuracies: result.folds.map((fold) => fold.test.accuracy),
          ...result.outOfFold,
        });
      }
    } catch (error) {
      if (!isModeldebugError(error)) throw error;
      firstError ??= error;
      failures.push({ spec: model.spec, error: error.message });
    }
  }
  if (scored.length === 0) throw firstError;
  const metric = config.metric;
  const best = scored.reduce((a, b) => (b.scores[metric].mean > a.scores[metric].mean ? b : a));
  const dummy = await dummyScores(input, folds);
  const section: ModelComparisonSection = {
    folds: folds.length,
    metric,
    rows: train.features.rows,
    models: scored.map(({ model, scores }) => ({ spec: model.spec, scores })),
    dummy,
    best: best.model.spec,
    failures,
  };
  const bestScore = best.scores[metric];
  const runnerUp = scored
    .filter((entry) => entry !== best)
    .reduce<(typeof scored)[number] | undefined>(
      (a, b) => (a === undefined || b.scores[metric].mean > a.scores[metric].mean ? b : a),
      undefined,
    );
  // The best model is a recommendation only when it beats the runner-up on the same folds beyond noise;
  // otherwise the comparison stays in its section.
  const gain = runnerUp ? pairedGain(best.folds, runnerUp.folds) : null;
  const findings: RunFinding[] = [
    ...(runnerUp && gain && gain.low > 0
      ? [
          {
            section: 'model-comparison' as const,
            code: 'better_model' as const,
            level: 'info' as const,
            message: `${best.model.spec} scores CV ${metric} ${bestScore.mean.toFixed(4)}, ${formatGain(gain)} over the next best, ${runnerUp.model.spec} (${runnerUp.scores[metric].mean.toFixed(4)}); always guessing the most frequent class scores accuracy ${dummy.accuracy.toFixed(4)}.`,
            suggestion: `use ${best.model.spec}: it beats ${runnerUp.model.spec} on the same folds beyond fold-to-fold noise`,
            columns: [],
            rows: [],
            impact: impactOf(metric, gain),
            stake: gain.mean,
          },
        ]
      : []),
    ...failures.map(
      (failure): RunFinding => ({
        section: 'model-comparison',
        code: 'model_failed',
        level: 'warn',
        message: `Model ${failure.spec} failed: ${failure.error.replace(/\.$/, '')}.`,
        suggestion: 'fix its spec or the data it needs, or drop it from models',
        columns: [],
        rows: [],
      }),
    ),
  ];
  return { section, best: best.model, findings };
}

async function dummyScores(
  input: StepInput,
  folds: readonly Fold[],
): Promise<ModelComparisonSection['dummy']> {
  const { features, labels } = input.train;
  const predicted = await baselinePredictions(features, labels, folds, undefined, {});
  const f1 = precisionRecallFScore(labels.codes, predicted, labels.classes.length, { average: 'weighted' });
  return { accuracy: accuracy(labels.codes, predicted), f1Weighted: f1.fScore };
}

/** The comparison picks the model every later step works on; a failure here stops the run. */
export const compareModelsStep: WorkflowStep = {
  id: 'baseline',
  required: true,
  detail: ({ state }) =>
    `cross-validating ${state.models.length} model${state.models.length === 1 ? '' : 's'}`,
  async run({ input, state }) {
    const result = await runCompareModelsStep(input, state.models);
    const failed = new Set(result.section.failures.map((failure) => failure.spec));
    return {
      sections: { modelComparison: result.section },
      findings: result.findings,
      state: {
        best: result.best,
        tuned: result.best,
        compared: state.models.filter((model) => !failed.has(model.spec)),
      },
    };
  },
  outcome: (result) => `best ${result.state?.best?.spec}`,
};
