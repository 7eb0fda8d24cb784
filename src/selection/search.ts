import type { StepSpec } from '../catalog/model-spec.js';
import { buildModel } from '../catalog/registry.js';
import { isModeldebugError, ModeldebugError } from '../core/errors.js';
import type { Features } from '../core/features.js';
import type { Labels } from '../core/labels.js';
import { createRng } from '../core/rng.js';
import type { Fold } from '../splits/fold.js';
import { stratifiedKFold } from '../splits/stratified-k-fold.js';
import { subsampleRows } from '../splits/subsample.js';
import { bestTrialIndex, rankTrials, summariseSplits } from './cv-results.js';
import { type FoldOutcome, type FoldTask, inProcessExecutor } from './fold-task.js';
import { applyParams } from './model-params.js';
import { type CandidateParams, candidateKey } from './param-grid.js';
import type {
  CandidateBatchOptions,
  SearchOptions,
  SearchResult,
  StrategyContext,
  Trial,
} from './search-types.js';

/**
 * The one search core (sklearn's BaseSearchCV.fit): a strategy proposes candidates through
 * `evaluate`, which fits every fold of each (in-process or on worker threads), records each trial the
 * moment its last fold finishes, and reuses trials a resumed run already has. Trials keep their
 * evaluation order, so the result does not depend on how many threads ran them.
 */
export async function search(X: Features, y: Labels, options: SearchOptions): Promise<SearchResult> {
  const scoring = options.scoring ?? 'accuracy';
  const folds = resolveFolds(y, options.cv, options.seed);
  const executor =
    options.executor ??
    inProcessExecutor({ features: X, labels: y, runtime: options.runtime }, options.signal);
  const context: StrategyContext = {
    rng: createRng(options.seed ?? 0),
    maxResource: Math.min(...folds.map((fold) => fold.train.length)),
    nClasses: y.classes.length,
  };
  const planned = options.strategy.plannedTrials(context);
  const trials: Trial[] = [];
  let reusedTrials = 0;
  let doneFits = 0;
  let bestScore: number | null = null;
  const report = () =>
    options.onProgress?.({
      doneFits,
      plannedFits: planned === undefined ? undefined : planned * folds.length,
      trials: trials.length,
      bestScore,
    });
  const noteTrial = (trial: Trial) => {
    if (trial.meanTestScore !== null && (bestScore === null || trial.meanTestScore > bestScore))
      bestScore = trial.meanTestScore;
  };
  report();

  const evaluate = async (
    candidates: readonly CandidateParams[],
    evaluateOptions: CandidateBatchOptions = {},
  ) => {
    options.signal?.throwIfAborted();
    const first = trials.length;
    const batch: (Trial | undefined)[] = candidates.map((params, k) => {
      const stored = options.trialLog?.find(first + k);
      const matches =
        stored !== undefined &&
        candidateKey(stored.params) === candidateKey(params) &&
        stored.resource === evaluateOptions.resource;
      return matches ? stored : undefined;
    });
    const tasks: FoldTask[] = [];
    const owners: number[] = [];
    for (const [k, params] of candidates.entries()) {
      const stored = batch[k];
      if (stored) {
        reusedTrials++;
        doneFits += folds.length;
        noteTrial(stored);
        continue;
      }
      const steps = checkedSteps(options.steps, params);
      for (const fold of folds) {
        tasks.push({
          steps,
          train:
            evaluateOptions.resource === undefined
              ? fold.train
              : subsampleRows(fold.train, evaluateOptions.resource, options.seed ?? 0),
          test: fold.test,
          scoring,
          returnTrainScore: options.returnTrainScore ?? false,
        });
        owners.push(k);
      }
    }
    report();
    const outcomes = new Map<number, FoldOutcome[]>();
    await executor.run(tasks, (taskIndex, outcome) => {
      const k = owners[taskIndex];
      const list = outcomes.get(k) ?? [];
      list[taskIndex - owners.indexOf(k)] = outcome;
      outcomes.set(k, list);
      doneFits++;
      if (list.filter(Boolean).length === folds.length) {
        const trial = makeTrial(first + k, candidates[k], list, evaluateOptions);
        batch[k] = trial;
        options.trialLog?.record(trial);
        noteTrial(trial);
      }
      report();
    });
    const finished = batch.map((trial) => {
      if (!trial) throw new ModeldebugError('internal', 'a search task finished without its trial');
      return trial;
    });
    trials.push(...finished);
    return finished;
  };

  try {
    await options.strategy.run(evaluate, context);
  } finally {
    if (!options.executor) await executor.close();
  }
  if (trials.length === 0) {
    throw new ModeldebugError('invalid_argument', 'the search evaluated no candidates', {
      hint: 'give the search at least one param to vary, in a grid or a space',
    });
  }
  const ranks = rankTrials(trials);
  const bestIndex = bestTrialIndex(trials);
  const best = trials[bestIndex];
  let refit: SearchResult['refit'];
  if (options.refit ?? true) {
    const start = performance.now();
    const model = await buildModel(applyParams(options.steps, best.params), options.runtime).fit(X, y, {
      signal: options.signal,
    });
    refit = { model, seconds: (performance.now() - start) / 1000 };
  }
  return {
    strategy: options.strategy.name,
    scoring,
    nSplits: folds.length,
    trials,
    ranks,
    bestIndex,
    bestParams: best.params,
    bestScore: best.meanTestScore as number,
    refit,
    reusedTrials,
  };
}

export function resolveFolds(y: Labels, cv: number | readonly Fold[] = 5, seed?: number): readonly Fold[] {
  if (typeof cv !== 'number') return cv;
  return stratifiedKFold(y.codes, cv, { seed }).folds;
}

/**
 * A key that names no step or param is a typo in the search space: stop before fitting anything. A
 * value the model rejects (C=-1) is left to fail its trial, recorded with its message.
 */
export function checkedSteps(base: readonly StepSpec[], params: CandidateParams): StepSpec[] {
  const steps = applyParams(base, params);
  try {
    buildModel(steps);
  } catch (error) {
    if (isModeldebugError(error) && error.code === 'unknown_param') throw error;
  }
  return steps;
}

function makeTrial(
  index: number,
  params: CandidateParams,
  outcomes: readonly FoldOutcome[],
  options: CandidateBatchOptions,
): Trial {
  const testScores = outcomes.map((outcome) => (outcome.ok ? outcome.test : null));
  const hasTrain = outcomes.some((outcome) => outcome.ok && outcome.train !== undefined);
  const trainScores = hasTrain
    ? outcomes.map((outcome) => (outcome.ok ? (outcome.train ?? null) : null))
    : undefined;
  const failure = outcomes.find((outcome) => !outcome.ok);
  const test = summariseSplits(testScores);
  return {
    index,
    params,
    status: failure ? 'failed' : 'ok',
    testScores,
    trainScores,
    meanTestScore: test.mean,
    stdTestScore: test.std,
    meanTrainScore: trainScores ? summariseSplits(trainScores).mean : undefined,
    fitSeconds: outcomes.map((outcome) => outcome.fitSeconds),
    scoreSeconds: outcomes.map((outcome) => (outcome.ok ? outcome.scoreSeconds : 0)),
    error: failure && !failure.ok ? failure.error : undefined,
    resource: options.resource,
    iteration: options.iteration,
  };
}
