import type { Labels } from '../../core/labels.js';
import { stackFeatures } from '../../ensemble/stack-features.js';
import { createLogisticRegression } from '../../models/logistic-regression/index.js';
import { crossValidate } from '../../selection/cross-validate.js';
import {
  type CompareEnsembleOptions,
  combineMembers,
  type EnsembleComparison,
  type MemberOutOfFold,
  type ScoredModel,
  scoreOf,
} from './compare-ensemble.js';

/** compareEnsemble's options; `folds` are the ones the members' out-of-fold outputs came from. */
export type EnsembleFromOutOfFoldOptions = Omit<CompareEnsembleOptions, 'onProgress'>;

/** How the stacking score is named when it comes from the members' out-of-fold outputs. */
export const OUT_OF_FOLD_STACKING_NAME =
  'stacking (final: logistic regression, on out-of-fold probabilities)';

/**
 * compareEnsemble without fitting a member again: the vote from outputs already cross-validated on
 * `folds` is exactly the one compareEnsemble computes. Stacking is estimated by cross-validating the
 * final logistic regression on the members' out-of-fold probabilities over the same folds — one fit
 * per fold instead of (inner folds + 1) per member and fold. The estimate is slightly optimistic next
 * to nested stacking: the probabilities the final estimator trains on come from members that saw the
 * fold it is scored on (blending), which the name says.
 */
export async function compareEnsembleFromOutOfFold(
  members: readonly MemberOutOfFold[],
  y: Labels,
  options: EnsembleFromOutOfFoldOptions,
): Promise<EnsembleComparison> {
  let stacking: ScoredModel | undefined;
  if (options.stack) {
    const meta = stackFeatures(members, y.classes, 'predict_proba', null);
    const run = await crossValidate(createLogisticRegression(), meta, y, {
      cv: options.folds,
      signal: options.signal,
    });
    stacking = scoreOf(
      OUT_OF_FOLD_STACKING_NAME,
      run.folds.map((fold) => fold.test.accuracy),
    );
  }
  return { ...combineMembers(members, y, options, stacking), warnings: [] };
}
