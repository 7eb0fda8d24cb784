import type { StepSpec } from '../catalog/model-spec.js';
import { buildModel } from '../catalog/registry.js';
import { predictInClassSpace } from '../core/class-space.js';
import { isModeldebugError } from '../core/errors.js';
import type { Classifier, FittedClassifier } from '../core/estimator.js';
import { type Features, takeFeatureRows } from '../core/features.js';
import { type Labels, takeLabelRows } from '../core/labels.js';
import type { Matrix } from '../core/matrix.js';
import { PIPELINE, type Pipeline, type TransformerStep } from '../features/pipeline.js';
import { getScorer } from '../metrics/scorers.js';
import type { ModelRuntime } from '../models/model-descriptor.js';
import { createTransformCache, preparedFoldKey, type TransformCache } from './transform-cache.js';

/**
 * One fit and score: the unit that runs in-process or on a worker thread. Plain data only (a model spec,
 * row indices, a scorer name), so it crosses `postMessage` unchanged and gives the same result anywhere.
 */
export interface FoldTask {
  readonly steps: readonly StepSpec[];
  /** Ascending row indices to fit on. */
  readonly train: Int32Array;
  readonly test: Int32Array;
  readonly scoring: string;
  readonly returnTrainScore: boolean;
}

export type FoldOutcome =
  | {
      readonly ok: true;
      readonly test: number;
      readonly train?: number;
      readonly fitSeconds: number;
      readonly scoreSeconds: number;
    }
  | { readonly ok: false; readonly error: string; readonly fitSeconds: number };

/** The dataset a task reads: the full feature matrix and labels (shared, never copied per task). */
export interface TaskData {
  readonly features: Features;
  readonly labels: Labels;
  /** Reuses a pipeline's fitted transforms per fold across candidates (see transform-cache.ts). */
  readonly cache?: TransformCache;
  /** Builds a task's model (default: `buildModel`); concurrentExecutor shares one model per spec. */
  readonly build?: (steps: readonly StepSpec[]) => Classifier;
  /** What the default build passes to `buildModel`: this executor's own runtime (e.g. a cache file). */
  readonly runtime?: ModelRuntime;
}

/**
 * A failed fit (a param value the model rejects, a single-class training subset) is an outcome with its
 * message, never a NaN score; anything else that throws is a bug and propagates.
 */
export async function runFoldTask(task: FoldTask, data: TaskData): Promise<FoldOutcome> {
  const start = performance.now();
  const { labels } = data;
  try {
    const scorer = getScorer(task.scoring);
    const yTrain = takeLabelRows(labels, task.train);
    const { fitted, xTrain, xTest } = await fitOnFold(task, data, yTrain);
    const fitSeconds = (performance.now() - start) / 1000;
    const scoreStart = performance.now();
    const nClasses = labels.classes.length;
    const scoreOn = async (X: Features, codes: Int32Array) => {
      const { predicted, proba } = await predictions(fitted, X, labels.classes, scorer.needsProba);
      return scorer.score(codes, predicted, proba, nClasses);
    };
    const test = await scoreOn(xTest(), takeLabelRows(labels, task.test).codes);
    const train = task.returnTrainScore ? await scoreOn(xTrain, yTrain.codes) : undefined;
    return { ok: true, test, train, fitSeconds, scoreSeconds: (performance.now() - scoreStart) / 1000 };
  } catch (error) {
    if (!isModeldebugError(error)) throw error;
    return { ok: false, error: error.message, fitSeconds: (performance.now() - start) / 1000 };
  }
}

interface FoldFit {
  readonly fitted: FittedClassifier;
  /** The rows the classifier was fitted on, as it saw them. */
  readonly xTrain: Features;
  /** The test rows, as the fitted model takes them. */
  readonly xTest: () => Features;
}

/**
 * Fits the model on the fold's training rows. With a cache and a pipeline, the transform steps are
 * fitted once per fold and only the classifier is fitted per candidate: the same arithmetic as the
 * pipeline's own fit, so the scores are identical.
 */
async function fitOnFold(task: FoldTask, data: TaskData, yTrain: Labels): Promise<FoldFit> {
  const { features, cache } = data;
  const build = data.build ?? ((steps: readonly StepSpec[]) => buildModel(steps, data.runtime));
  const model = build(task.steps);
  if (!cache || model.kind !== PIPELINE || task.steps.length < 2) {
    const xTrain = takeFeatureRows(features, task.train);
    const fitted = await model.fit(xTrain, yTrain);
    return { fitted, xTrain, xTest: () => takeFeatureRows(features, task.test) };
  }
  const transforms = task.steps.slice(0, -1);
  const key = preparedFoldKey(transforms, task.train, task.test);
  let prepared = cache.get(key);
  if (!prepared) {
    let train = takeFeatureRows(features, task.train);
    let test = takeFeatureRows(features, task.test);
    for (const [, transformer] of (model as Pipeline).steps.slice(0, -1) as readonly TransformerStep[]) {
      const step = await transformer.fit(train, yTrain);
      train = step.transform(train);
      test = step.transform(test);
    }
    prepared = { train, test };
    cache.set(key, prepared);
  }
  const fitted = await build(task.steps.slice(-1)).fit(prepared.train, yTrain);
  const { test } = prepared;
  return { fitted, xTrain: prepared.train, xTest: () => test };
}

/**
 * Predictions in the dataset's class space; probabilities only for scorers that read them (predicting
 * them as well would double the scoring time of accuracy or F1).
 */
async function predictions(
  fitted: FittedClassifier,
  X: Features,
  classes: readonly string[],
  needsProba: boolean,
): Promise<{ predicted: Int32Array; proba?: Matrix }> {
  if (needsProba) return predictInClassSpace(fitted, X, classes);
  const index = new Map(classes.map((name, k) => [name, k]));
  const columnOf = fitted.classes.map((name) => index.get(name) ?? -1);
  const own = await fitted.predict(X);
  const predicted = new Int32Array(own.length);
  for (let i = 0; i < own.length; i++) predicted[i] = columnOf[own[i]];
  return { predicted };
}

/** Runs tasks and reports each as it finishes; in-process or on a thread pool, same results. */
export interface TaskExecutor {
  run(
    tasks: readonly FoldTask[],
    onTaskDone?: (index: number, outcome: FoldOutcome) => void,
  ): Promise<FoldOutcome[]>;
  close(): Promise<void>;
}

/** `--jobs 1`: tasks one after another on this thread. */
export function inProcessExecutor(data: TaskData, signal?: AbortSignal): TaskExecutor {
  const withCache: TaskData = { ...data, cache: data.cache ?? createTransformCache() };
  return {
    async run(tasks, onTaskDone) {
      const outcomes: FoldOutcome[] = [];
      for (const [index, task] of tasks.entries()) {
        signal?.throwIfAborted();
        const outcome = await runFoldTask(task, withCache);
        outcomes.push(outcome);
        onTaskDone?.(index, outcome);
      }
      return outcomes;
    },
    close: async () => {},
  };
}
