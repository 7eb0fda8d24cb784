import type { FitWarning } from '../../core/estimator.js';
import type { Rng } from '../../core/rng.js';
import { findBinThresholds, mapToBins, missingBins } from './bin-mapper.js';
import { addTreeScoresBinned, type BoostedTree } from './boosted-tree.js';
import { type GrowerSettings, growBoostedTree } from './grow-boosted-tree.js';
import {
  type BinnedData,
  binnedData,
  createGrowerWorkspace,
  type GrowerWorkspace,
  localHistogramBackend,
} from './histogram-backend.js';
import { baselineScores, gradientsFor, meanLogLoss, scoresToProba } from './log-loss-gradients.js';

export interface BoostingInput {
  readonly X: Float64Array;
  readonly d: number;
  readonly codes: Int32Array;
  readonly classCount: number;
  /** Rows to train on and rows to watch for early stopping (empty: no early stopping). */
  readonly trainRows: Int32Array;
  readonly validationRows: Int32Array;
}

export interface BoostingOptions {
  readonly maxIter: number;
  readonly maxBins: number;
  readonly nIterNoChange: number;
  readonly tol: number;
  readonly grower: GrowerSettings;
  readonly signal?: AbortSignal;
  /** Builds the workspace (and its histogram backend, e.g. worker threads); default: in this thread. */
  readonly workspace?: (data: BinnedData, grower: GrowerSettings) => Promise<ClosableWorkspace>;
}

/** A workspace that may hold worker threads to stop when the fit ends. */
export type ClosableWorkspace = GrowerWorkspace & { close?: () => Promise<void> };

export interface BoostingResult {
  readonly baseline: Float64Array;
  /** `trees[iteration][score]`: one tree per class (one in all for two classes). */
  readonly trees: BoostedTree[][];
  readonly thresholds: Float64Array[];
  readonly validationLoss: number[];
  readonly trainLoss: number[];
  readonly warnings: FitWarning[];
}

/**
 * Gradient boosting of log loss on binned features (sklearn's HistGradientBoostingClassifier.fit):
 * scores start at the baseline; each iteration fits one tree per score to the gradients and hessians
 * of the current probabilities and adds its leaf values. With validation rows, stops when the
 * validation loss has not improved by `tol` over the last `nIterNoChange` iterations.
 */
export async function boost(
  input: BoostingInput,
  options: BoostingOptions,
  rng: Rng,
): Promise<BoostingResult> {
  const { X, d, classCount } = input;
  const K = classCount === 2 ? 1 : classCount;
  const train = gather(X, d, input.trainRows);
  const thresholds = findBinThresholds(train, input.trainRows.length, d, options.maxBins, rng);
  const n = input.trainRows.length;
  const binned = mapToBins(train, n, d, thresholds, 'columns');
  const trainCodes = Int32Array.from(input.trainRows, (row) => input.codes[row]);
  const validationCodes = Int32Array.from(input.validationRows, (row) => input.codes[row]);
  const nValidation = input.validationRows.length;
  const validationBinned = mapToBins(gather(X, d, input.validationRows), nValidation, d, thresholds);
  const missing = missingBins(thresholds);
  const hasMissing = new Uint8Array(d);
  for (let f = 0; f < d; f++) {
    const column = binned.subarray(f * n, (f + 1) * n);
    hasMissing[f] = column.includes(missing[f]) ? 1 : 0;
  }

  const baseline = baselineScores(trainCodes, classCount);
  const raw = new Float64Array(n * K);
  const validationRaw = new Float64Array(nValidation * K);
  for (let i = 0; i < n; i++) raw.set(baseline, i * K);
  for (let i = 0; i < nValidation; i++) validationRaw.set(baseline, i * K);
  const proba = new Float64Array(n * classCount);
  const validationProba = new Float64Array(nValidation * classCount);
  const gradients = new Float64Array(n);
  const hessians = new Float64Array(n);
  const data = binnedData(binned, n, thresholds, hasMissing);
  const workspace: ClosableWorkspace = options.workspace
    ? await options.workspace(data, options.grower)
    : createGrowerWorkspace(n, localHistogramBackend(data, options.grower));
  try {
    return run();
  } finally {
    await workspace.close?.();
  }

  function run(): BoostingResult {
    const trees: BoostedTree[][] = [];
    const trainLoss: number[] = [];
    const validationLoss: number[] = [];
    const scores: number[] = [];
    const watch = nValidation > 0;
    if (watch) {
      scoresToProba(validationRaw, nValidation, K, classCount, validationProba);
      scores.push(-meanLogLoss(validationProba, validationCodes, classCount));
    }
    for (let iteration = 0; iteration < options.maxIter; iteration++) {
      options.signal?.throwIfAborted();
      scoresToProba(raw, n, K, classCount, proba);
      trainLoss.push(meanLogLoss(proba, trainCodes, classCount));
      const round: BoostedTree[] = [];
      for (let k = 0; k < K; k++) {
        gradientsFor(proba, trainCodes, classCount, k, gradients, hessians);
        const tree = growBoostedTree(data, gradients, hessians, options.grower, workspace, raw, K, k);
        round.push(tree);
        if (watch) addTreeScoresBinned(tree, validationBinned, missing, nValidation, d, validationRaw, K, k);
      }
      trees.push(round);
      if (watch) {
        scoresToProba(validationRaw, nValidation, K, classCount, validationProba);
        const loss = meanLogLoss(validationProba, validationCodes, classCount);
        validationLoss.push(loss);
        scores.push(-loss);
        if (shouldStop(scores, options.nIterNoChange, options.tol)) break;
      }
    }
    return { baseline, trees, thresholds, validationLoss, trainLoss, warnings: [] };
  }
}

/** sklearn's `_should_stop`: no score of the last n beats the one n + 1 back by more than tol. */
function shouldStop(scores: readonly number[], n: number, tol: number): boolean {
  if (scores.length < n + 1) return false;
  const reference = scores[scores.length - n - 1] + tol;
  for (let j = scores.length - n; j < scores.length; j++) if (scores[j] > reference) return false;
  return true;
}

function gather(X: Float64Array, d: number, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length * d);
  rows.forEach((row, r) => {
    out.set(X.subarray(row * d, (row + 1) * d), r * d);
  });
  return out;
}
