import { predictInClassSpace } from '../core/class-space.js';
import type { FittedClassifier, FitWarning, SerializedModel } from '../core/estimator.js';
import type { Features } from '../core/features.js';
import type { NamedFittedClassifier } from './members.js';
import { stackFeatures } from './stack-features.js';
import { STACKING_KIND, type StackingOwnParams } from './stacking-params.js';

export interface FittedStacking extends FittedClassifier {
  readonly own: Readonly<StackingOwnParams>;
  readonly members: readonly NamedFittedClassifier[];
  readonly finalEstimator: FittedClassifier;
  /** What the final estimator sees for X: the members' stacked outputs (plus X with passthrough). */
  transform(X: Features): Promise<Features>;
}

export interface SerializedStackingState {
  readonly members: readonly { readonly name: string; readonly model: SerializedModel }[];
  readonly final: SerializedModel;
  readonly warnings: readonly FitWarning[];
}

export function createFittedStacking(
  own: StackingOwnParams,
  classes: readonly string[],
  members: readonly NamedFittedClassifier[],
  finalEstimator: FittedClassifier,
  foldWarnings: readonly FitWarning[],
): FittedStacking {
  const method = own.stack_method === 'predict' ? 'predict' : 'predict_proba';
  const transform = async (X: Features): Promise<Features> => {
    const outputs = await Promise.all(
      members.map(async ([name, fitted]) => ({ name, ...(await predictInClassSpace(fitted, X, classes)) })),
    );
    return stackFeatures(outputs, classes, method, own.passthrough ? X : null);
  };
  const warnings: FitWarning[] = [
    ...foldWarnings,
    ...members.flatMap(([name, fitted]) =>
      fitted.diagnostics.warnings.map((warning) => ({
        code: warning.code,
        message: `${name}: ${warning.message}`,
      })),
    ),
    ...finalEstimator.diagnostics.warnings.map((warning) => ({
      code: warning.code,
      message: `final_estimator: ${warning.message}`,
    })),
  ];
  return {
    kind: STACKING_KIND,
    own,
    classes,
    members,
    finalEstimator,
    diagnostics: { warnings },
    transform,
    predict: async (X) => (await predictInClassSpace(finalEstimator, await transform(X), classes)).predicted,
    predictProba: async (X) => (await predictInClassSpace(finalEstimator, await transform(X), classes)).proba,
    toJSON(): SerializedModel {
      const state: SerializedStackingState = {
        members: members.map(([name, fitted]) => ({ name, model: fitted.toJSON() })),
        final: finalEstimator.toJSON(),
        warnings: [...foldWarnings],
      };
      return {
        format: 'modeldebug-model',
        version: 1,
        kind: STACKING_KIND,
        params: own,
        classes: [...classes],
        state,
      };
    },
  };
}
