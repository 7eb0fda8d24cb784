import type { Features, FittedClassifier, FitWarning, SerializedModel } from '../core/index.js';
import type { FittedTransformer, SerializedTransformer } from './transformer.js';

export type FittedTransformerStep = readonly [name: string, transformer: FittedTransformer];
export type FittedClassifierStep = readonly [name: string, classifier: FittedClassifier];

export interface FittedPipeline extends FittedClassifier {
  /** The fitted transformers in order, then the fitted final classifier. */
  readonly steps: readonly [...FittedTransformerStep[], FittedClassifierStep];
  readonly transformers: readonly FittedTransformerStep[];
  readonly finalEstimator: FittedClassifier;
  /** Runs every transformer: the features the final classifier sees (for names, importances, RFE). */
  transform(X: Features): Features;
}

/** The `state` of a pipeline's SerializedModel: each step's own serialised form, nested. */
export interface SerializedPipelineState {
  readonly steps: readonly { readonly name: string; readonly transformer: SerializedTransformer }[];
  readonly final: { readonly name: string; readonly model: SerializedModel };
}

/**
 * Classes and diagnostics are the final classifier's; transform warnings join its warnings, each message
 * prefixed with the step that raised it.
 */
export function createFittedPipeline(
  params: Readonly<Record<string, unknown>>,
  transformers: readonly FittedTransformerStep[],
  [finalName, finalEstimator]: FittedClassifierStep,
): FittedPipeline {
  const transform = (X: Features): Features =>
    transformers.reduce((current, [, transformer]) => transformer.transform(current), X);
  const transformWarnings: FitWarning[] = transformers.flatMap(([name, transformer]) =>
    transformer.warnings.map((warning) => ({ code: warning.code, message: `${name}: ${warning.message}` })),
  );
  const state: () => SerializedPipelineState = () => ({
    steps: transformers.map(([name, transformer]) => ({ name, transformer: transformer.toJSON() })),
    final: { name: finalName, model: finalEstimator.toJSON() },
  });
  return {
    kind: 'pipeline',
    classes: finalEstimator.classes,
    diagnostics: {
      ...finalEstimator.diagnostics,
      warnings: [...transformWarnings, ...finalEstimator.diagnostics.warnings],
    },
    steps: [...transformers, [finalName, finalEstimator]],
    transformers,
    finalEstimator,
    transform,
    predict: (X) => finalEstimator.predict(transform(X)),
    predictProba: (X) => finalEstimator.predictProba(transform(X)),
    toJSON: () => ({
      format: 'modeldebug-model',
      version: 1,
      kind: 'pipeline',
      params,
      classes: finalEstimator.classes,
      state: state(),
    }),
  };
}
