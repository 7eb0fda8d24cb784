import { ModeldebugError } from '../core/errors.js';
import type { Classifier, FitContext } from '../core/estimator.js';
import { createLogisticRegression } from '../models/logistic-regression/index.js';
import { createFittedStacking, type FittedStacking } from './fitted-stacking.js';
import {
  assertMemberNames,
  ensembleLabels,
  flattenMemberParams,
  type NamedClassifier,
  type NamedFittedClassifier,
  splitEnsemblePatch,
} from './members.js';
import { outOfFoldPredictions } from './out-of-fold.js';
import { stackFeatures } from './stack-features.js';
import { parseStackingParams, STACKING_KIND, type StackingOwnParams } from './stacking-params.js';

/** Flat params: `cv`, `passthrough`, `stack_method`, each member's `<name>.<param>` and `final_estimator.<param>`. */
export type StackingParams = Readonly<Record<string, unknown>>;

export interface StackingClassifier extends Classifier<StackingParams> {
  readonly estimators: readonly NamedClassifier[];
  readonly finalEstimator: Classifier;
  readonly own: Readonly<StackingOwnParams>;
  withParams(patch: Partial<StackingParams>): StackingClassifier;
  fit(...args: Parameters<Classifier['fit']>): Promise<FittedStacking>;
}

const FINAL = 'final_estimator';

/**
 * scikit-learn's StackingClassifier: members are fitted on all rows; the final estimator (logistic
 * regression by default) learns from the members' out-of-fold probabilities over `cv` stratified folds,
 * so it never sees a member's prediction on a row that member was trained on. Members may be any
 * Classifier, asked only through their async methods.
 */
export function createStackingClassifier(
  estimators: readonly NamedClassifier[],
  params: Partial<StackingOwnParams> | Readonly<Record<string, unknown>> = {},
  finalEstimator: Classifier = createLogisticRegression(),
): StackingClassifier {
  assertMemberNames(
    STACKING_KIND,
    estimators.map(([name]) => name),
    1,
  );
  if (estimators.some(([name]) => name === FINAL)) {
    throw new ModeldebugError('invalid_argument', `a ${STACKING_KIND} member cannot be named "${FINAL}"`, {
      hint: 'rename the member',
    });
  }
  const own = parseStackingParams(params);
  const addressable = [...estimators, [FINAL, finalEstimator] as const];
  return {
    kind: STACKING_KIND,
    estimators,
    finalEstimator,
    own,
    params: Object.freeze({ ...own, ...flattenMemberParams(addressable) }),
    withParams(patch) {
      const split = splitEnsemblePatch(STACKING_KIND, Object.keys(own), addressable, patch);
      const rebuilt = addressable.map(([name, estimator], index): NamedClassifier => {
        const memberPatch = split.byMember.get(index);
        return [name, memberPatch === undefined ? estimator : estimator.withParams(memberPatch)];
      });
      const final = rebuilt.pop() as NamedClassifier;
      return createStackingClassifier(rebuilt, { ...own, ...split.own }, final[1]);
    },
    async fit(X, y, context: FitContext = {}) {
      const present = ensembleLabels(STACKING_KIND, X.rows, y);
      const [fitted, outOfFold] = await Promise.all([
        Promise.all(
          estimators.map(
            async ([name, estimator]): Promise<NamedFittedClassifier> => [
              name,
              await estimator.fit(X, present, context),
            ],
          ),
        ),
        outOfFoldPredictions(estimators, X, present, own.cv, context),
      ]);
      const method = own.stack_method === 'predict' ? 'predict' : 'predict_proba';
      const metaFeatures = stackFeatures(
        outOfFold.members,
        present.classes,
        method,
        own.passthrough ? X : null,
      );
      const final = await finalEstimator.fit(metaFeatures, present, context);
      return createFittedStacking(own, present.classes, fitted, final, outOfFold.warnings);
    },
  };
}
