import { predictInClassSpace } from '../core/class-space.js';
import type { Classifier, FitContext, FitWarning } from '../core/estimator.js';
import { type Features, takeFeatureRows } from '../core/features.js';
import { type Labels, takeLabelRows } from '../core/labels.js';
import { stratifiedKFold } from '../splits/stratified-k-fold.js';
import type { NamedClassifier } from './members.js';
import type { MemberColumns } from './stack-features.js';

/**
 * sklearn's cross_val_predict for each member: stratified folds (no shuffle, as StackingClassifier's
 * `cv=int`); every row's prediction comes from the member fitted without it. Members and folds run
 * concurrently, which matters for remote and LLM members.
 */
export async function outOfFoldPredictions(
  members: readonly NamedClassifier[],
  X: Features,
  y: Labels,
  nSplits: number,
  context: FitContext,
): Promise<{ members: MemberColumns[]; warnings: FitWarning[] }> {
  const { folds, warnings } = stratifiedKFold(y.codes, nSplits);
  const K = y.classes.length;
  const results = await Promise.all(
    members.map(async ([name, estimator]: readonly [string, Classifier]): Promise<MemberColumns> => {
      const predicted = new Int32Array(X.rows);
      const proba = new Float64Array(X.rows * K);
      await Promise.all(
        folds.map(async (fold) => {
          const fitted = await estimator.fit(
            takeFeatureRows(X, fold.train),
            takeLabelRows(y, fold.train),
            context,
          );
          const out = await predictInClassSpace(fitted, takeFeatureRows(X, fold.test), y.classes);
          fold.test.forEach((row, i) => {
            predicted[row] = out.predicted[i];
            proba.set(out.proba.data.subarray(i * K, (i + 1) * K), row * K);
          });
        }),
      );
      return { name, predicted, proba: { rows: X.rows, cols: K, data: proba } };
    }),
  );
  return { members: results, warnings };
}
