import { baselinePredictions, formatGain, impactOf } from '../../analysis/index.js';
import { buildModel, checkDataFitsModel, tagsOf } from '../../catalog/index.js';
import { isModeldebugError } from '../../core/errors.js';
import { accuracy, pairedGain, precisionRecallFScore } from '../../metrics/index.js';
import { crossValidate } from '../../selection/index.js';
import { type Fold, stratifiedKFold } from '../../splits/index.js';
import type { ModelComparisonSection, RunFinding } from '../report-types.js';
import type { PlannedModel, StepInput } from '../step-context.js';
import { optionsOf, type WorkflowStep } from '../workflow-step.js';
import {
  DEFAULT_RACE,
  NO_RACE,
  type RaceOptions,
  raceRungs,
  raceStops,
  rungFolds,
} from './comparison-race.js';

export const COMPARISON_SCORING = ['accuracy', 'balanced_accuracy', 'f1_macro', 'f1_weighted'] as const;

/**
 * Cross-validates every model on the training rows (the same stratified folds for all) next to the
 * most-frequent-class baseline, and picks the best by the config's metric. The models race (successive
 * halving on training rows per fold, comparison-race.ts): all of them start on a subsample of each
 * fold's training rows, a model clearly behind the leader on the same folds stops there, and the others
 * go on to more rows, up to the full folds. A model that fails is reported, not fatal, unless every
 * model fails. A run budget can end the race early: then the scores are from the last rung that ran.
 */
export async function runCompareModelsStep(
  input: StepInput,
  models: readonly PlannedModel[],
  race: RaceOptions = DEFAULT_RACE,
  maxFoldRows = 0,
): Promise<{ section: ModelComparisonSection; best: PlannedModel; findings: RunFinding[] }> {
  const { train, config } = input;
  const { folds } = stratifiedKFold(train.labels.codes, config.cv, { shuffle: true, seed: config.seed });
  const foldRows = Math.min(...folds.map((fold) => fold.train.length));
  const rungs = raceRungs(maxFoldRows > 0 ? Math.min(foldRows, maxFoldRows) : foldRows, race);
  const failures: { spec: string; error: string }[] = [];
  const stopped: RaceStopRecord[] = [];
  let firstError: unknown;
  let alive = [...models];
  let scored: ScoredModel[] = [];
  let cut: { rows: number; reason: string } | undefined;
  let fitsDone = 0;
  let rungStartFits = 0;
  let rungIndex = 0;
  // The progress line's count spans the whole race, as if every model still in it went on to the last
  // rung: an upper bound that shrinks as models stop, rather than a count that restarts at each rung.
  const plannedFits = () => rungStartFits + alive.length * folds.length * (rungs.length - rungIndex);
  const deadline = input.budget?.deadlineFor('baseline');
  for (let rung = 0; rung < rungs.length; ) {
    const rows = rungs[rung];
    const last = rung === rungs.length - 1;
    const foldsHere = rows >= foldRows ? folds : rungFolds(folds, rows, config.seed);
    rungStartFits = fitsDone;
    rungIndex = rung;
    scored = [];
    for (const model of alive) {
      try {
        scored.push(
          await scoreModel(input, model, foldsHere, (done) => input.onFits(fitsDone + done, plannedFits())),
        );
      } catch (error) {
        if (!isModeldebugError(error)) throw error;
        firstError ??= error;
        failures.push({ spec: model.spec, error: error.message });
      }
      fitsDone += foldsHere.length;
    }
    if (last || scored.length === 0) break;
    const stops = raceStops(
      scored.map((entry) => ({ spec: entry.model.spec, folds: entry.folds })),
      race.margin,
    );
    for (const stop of stops) {
      const entry = scored.find((candidate) => candidate.model.spec === stop.spec) as ScoredModel;
      stopped.push({ ...stop, rung, rows, score: entry.scores[config.metric].mean });
    }
    const stoppedSpecs = new Set(stops.map((stop) => stop.spec));
    alive = scored.filter((entry) => !stoppedSpecs.has(entry.model.spec)).map((entry) => entry.model);
    scored = scored.filter((entry) => !stoppedSpecs.has(entry.model.spec));
    // One model left has no one to race: it goes straight to the full folds.
    const next = alive.length <= 1 ? rungs.length - 1 : rung + 1;
    // Fit time grows at least linearly with the rows: the next rung costs the models still in the race
    // about rows-ratio times what they took on this one.
    const nextRungSeconds = scored.reduce((sum, entry) => sum + entry.seconds, 0) * (rungs[next] / rows);
    if (deadline !== undefined && input.budget && input.budget.elapsed() + nextRungSeconds > deadline) {
      cut = {
        rows,
        reason: `the next rung (${rungs[next]} rows per fold) would take about ${nextRungSeconds.toFixed(0)} s, past the comparison's share of the budget`,
      };
      input.budget.cut(
        'baseline',
        `models scored on ${rows} of ${rungs[rungs.length - 1]} training rows per fold: ${cut.reason}`,
      );
      break;
    }
    rung = next;
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
    race: { rungs, stopped, ...(cut ? { cut } : {}) },
  };
  return { section, best: best.model, findings: comparisonFindings(section, scored, best) };
}

interface ScoredModel {
  readonly model: PlannedModel;
  readonly scores: ModelComparisonSection['models'][number]['scores'];
  /** The config's metric on each fold. */
  readonly folds: readonly number[];
  /** Wall time of its cross-validation. */
  readonly seconds: number;
}

type RaceStopRecord = NonNullable<ModelComparisonSection['race']>['stopped'][number];

/** One model cross-validated on the given folds; its out-of-fold outputs go to the ensemble step. */
async function scoreModel(
  input: StepInput,
  model: PlannedModel,
  folds: readonly Fold[],
  onFoldDone: (done: number) => void,
): Promise<ScoredModel> {
  const { train, config } = input;
  checkDataFitsModel(train, model.steps);
  const now = () => input.budget?.now() ?? performance.now();
  const started = now();
  const result = await crossValidate(buildModel(model.steps, input.build), train.features, train.labels, {
    cv: folds,
    scoring: [...COMPARISON_SCORING],
    returnPredictions: input.outOfFold !== undefined,
    signal: input.signal,
    // An LLM's folds wait on its endpoint, not the CPU: all at once through its one limiter.
    concurrentFolds: tagsOf(model.steps).waitsOnEndpoint,
    onFoldDone,
  });
  const seconds = (now() - started) / 1000;
  input.budget?.noteFits(model.spec, folds[0].train.length, seconds / folds.length);
  if (result.outOfFold) {
    input.outOfFold?.set(model.spec, {
      name: model.spec,
      foldAccuracies: result.folds.map((fold) => fold.test.accuracy),
      ...result.outOfFold,
    });
  }
  return {
    model,
    scores: { ...result.test },
    folds: result.folds.map((fold) => fold.test[config.metric] ?? Number.NaN),
    seconds,
  };
}

/** `better_model` when the best beats the runner-up beyond fold noise, and one `model_failed` per failure. */
function comparisonFindings(
  section: ModelComparisonSection,
  scored: readonly ScoredModel[],
  best: ScoredModel,
): RunFinding[] {
  const { metric, dummy } = section;
  const bestScore = best.scores[metric];
  const runnerUp = scored
    .filter((entry) => entry !== best)
    .reduce<ScoredModel | undefined>(
      (a, b) => (a === undefined || b.scores[metric].mean > a.scores[metric].mean ? b : a),
      undefined,
    );
  // The best model is a recommendation only when it beats the runner-up on the same folds beyond noise;
  // otherwise the comparison stays in its section.
  const gain = runnerUp ? pairedGain(best.folds, runnerUp.folds) : null;
  return [
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
    ...section.failures.map(
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
    const options = optionsOf(input.config, 'baseline');
    const race = options.race ? { ...DEFAULT_RACE, minRows: options.race_min_rows } : NO_RACE;
    const result = await runCompareModelsStep(input, state.models, race, options.max_fold_rows);
    // A model stopped in the race has no scores on the full folds: later steps leave it out, as a failed one.
    const out = new Set([
      ...result.section.failures.map((failure) => failure.spec),
      ...(result.section.race?.stopped ?? []).map((stop) => stop.spec),
    ]);
    return {
      sections: { modelComparison: result.section },
      findings: result.findings,
      state: {
        best: result.best,
        tuned: result.best,
        compared: state.models.filter((model) => !out.has(model.spec)),
      },
    };
  },
  outcome: (result) => {
    const stopped = result.sections.modelComparison?.race?.stopped ?? [];
    return `best ${result.state?.best?.spec}${stopped.length > 0 ? `; stopped early: ${stopped.map((stop) => stop.spec).join(', ')}` : ''}`;
  },
};
