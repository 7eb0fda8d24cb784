import {
  argmaxRows,
  type FitDiagnostics,
  type FittedClassifier,
  type SerializedModel,
} from '../../core/estimator.js';
import type { Features } from '../../core/features.js';
import { assertNumericDense } from '../../core/features.js';
import type { Matrix } from '../../core/matrix.js';
import { checkFeatureCount } from '../training-checks/index.js';
import { addTreeScores, type BoostedTree } from './boosted-tree.js';
import { HIST_GRADIENT_BOOSTING_KIND, type HistGradientBoostingParams } from './hgb-params.js';
import { scoresToProba } from './log-loss-gradients.js';

export interface HistGradientBoostingState {
  /** Initial raw scores: one for two classes, one per class otherwise. */
  readonly baseline: Float64Array;
  readonly trees: readonly (readonly BoostedTree[])[];
}

export interface HistGradientBoostingDiagnostics extends FitDiagnostics {
  readonly iterations: number;
  /** With early stopping: whether the validation loss stopped improving before max_iter. */
  readonly converged: boolean;
  /** Mean training log loss before each iteration. */
  readonly trainLoss: readonly number[];
  /** Validation log loss after each iteration (early stopping only). */
  readonly validationLoss: readonly number[];
}

export interface FittedHistGradientBoosting extends FittedClassifier {
  readonly params: Readonly<HistGradientBoostingParams>;
  readonly state: HistGradientBoostingState;
  readonly diagnostics: HistGradientBoostingDiagnostics;
  /** sklearn's decision_function: raw scores, `rows x 1` for two classes. */
  decisionFunction(X: Features): Matrix;
}

/** Rows scored together by every tree (1,024 × 50 features is 400 KB, within a core's L2). */
const PREDICT_BLOCK_ROWS = 1024;

export function createFittedHistGradientBoosting(
  params: HistGradientBoostingParams,
  classes: readonly string[],
  state: HistGradientBoostingState,
  featureNames: readonly string[],
  diagnostics: HistGradientBoostingDiagnostics,
): FittedHistGradientBoosting {
  const d = featureNames.length;
  const K = state.baseline.length;
  const decisionFunction = (X: Features): Matrix => {
    // Missing values are allowed: each split learned where they go.
    checkFeatureCount(X, d, HIST_GRADIENT_BOOSTING_KIND);
    assertNumericDense(X, HIST_GRADIENT_BOOSTING_KIND);
    const raw = new Float64Array(X.rows * K);
    for (let i = 0; i < X.rows; i++) raw.set(state.baseline, i * K);
    // Every tree over a block of rows at a time, so the block's values stay in cache across the trees
    // (tree by tree over all rows reads X once per tree); each row still adds its trees in order.
    for (let start = 0; start < X.rows; start += PREDICT_BLOCK_ROWS) {
      const end = Math.min(X.rows, start + PREDICT_BLOCK_ROWS);
      const block = X.data.subarray(start * d, end * d);
      const blockRaw = raw.subarray(start * K, end * K);
      for (const round of state.trees) {
        for (let k = 0; k < round.length; k++) addTreeScores(round[k], block, end - start, d, blockRaw, K, k);
      }
    }
    return { rows: X.rows, cols: K, data: raw };
  };
  const predictProba = (X: Features): Matrix => {
    const raw = decisionFunction(X);
    const data = new Float64Array(X.rows * classes.length);
    scoresToProba(raw.data, X.rows, K, classes.length, data);
    return { rows: X.rows, cols: classes.length, data };
  };
  return {
    kind: HIST_GRADIENT_BOOSTING_KIND,
    params,
    classes,
    state,
    diagnostics,
    decisionFunction,
    predict: async (X) => argmaxRows(predictProba(X)),
    predictProba: async (X) => predictProba(X),
    toJSON(): SerializedModel {
      return {
        format: 'modeldebug-model',
        version: 1,
        kind: HIST_GRADIENT_BOOSTING_KIND,
        params,
        classes: [...classes],
        state: {
          baseline: Array.from(state.baseline),
          trees: state.trees.map((round) =>
            round.map((tree) => ({
              left: Array.from(tree.left),
              right: Array.from(tree.right),
              feature: Array.from(tree.feature),
              threshold: Array.from(tree.threshold, (t) => (Number.isFinite(t) ? t : null)),
              binThreshold: Array.from(tree.binThreshold),
              missingLeft: Array.from(tree.missingLeft),
              value: Array.from(tree.value),
            })),
          ),
          featureNames: [...featureNames],
          diagnostics,
        },
      };
    },
  };
}
