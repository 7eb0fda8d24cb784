import { z } from 'zod';
import { ModeldebugError } from '../../core/errors.js';
import type { Classifier, FitContext, FittedClassifier, SerializedModel } from '../../core/estimator.js';
import type { Features } from '../../core/features.js';
import type { Labels } from '../../core/labels.js';
import { parseParams } from '../../core/params.js';

export const THRESHOLD_CLASSIFIER_KIND = 'threshold-classifier';

const paramsSchema = z.strictObject({ threshold: z.number().min(0).max(1) });
export type ThresholdParams = z.infer<typeof paramsSchema>;

/**
 * A binary classifier whose decision is P(second class) ≥ `threshold` instead of the most probable
 * class (what scikit-learn's TunedThresholdClassifierCV predicts once its threshold is chosen, and
 * FixedThresholdClassifier with `response_method='predict_proba'`). Probabilities pass through unchanged.
 */
export function createThresholdClassifier(
  estimator: Classifier,
  params: Partial<ThresholdParams> | Readonly<Record<string, unknown>>,
): Classifier<ThresholdParams> {
  const parsed = parseParams(THRESHOLD_CLASSIFIER_KIND, paramsSchema, params);
  return {
    kind: THRESHOLD_CLASSIFIER_KIND,
    params: parsed,
    withParams: (patch) => createThresholdClassifier(estimator, { ...parsed, ...patch }),
    async fit(X: Features, y: Labels, context?: FitContext) {
      return fittedThreshold(parsed, await estimator.fit(X, y, context));
    },
  };
}

function fittedThreshold(params: ThresholdParams, model: FittedClassifier): FittedClassifier {
  if (model.classes.length !== 2) {
    throw new ModeldebugError(
      'invalid_argument',
      `a decision threshold needs two classes, the model has ${model.classes.length}`,
      {
        where: 'threshold',
        hint: 'tune a threshold only for binary problems',
      },
    );
  }
  return {
    kind: THRESHOLD_CLASSIFIER_KIND,
    classes: model.classes,
    diagnostics: model.diagnostics,
    predictProba: (X) => model.predictProba(X),
    async predict(X) {
      const proba = await model.predictProba(X);
      return Int32Array.from({ length: proba.rows }, (_, i) =>
        proba.data[i * 2 + 1] >= params.threshold ? 1 : 0,
      );
    },
    toJSON: (): SerializedModel => ({
      format: 'modeldebug-model',
      version: 1,
      kind: THRESHOLD_CLASSIFIER_KIND,
      params,
      classes: [...model.classes],
      state: { model: model.toJSON() },
    }),
  };
}

/** Restores a thresholded model; `load` restores the model inside (the registry's loadModel). */
export function loadThresholdClassifier(
  serialized: SerializedModel,
  load: (inner: SerializedModel) => FittedClassifier,
): FittedClassifier {
  const state = serialized.state as { model?: SerializedModel } | null;
  if (typeof state?.model !== 'object' || state.model === null) {
    throw new ModeldebugError('invalid_argument', `a saved ${THRESHOLD_CLASSIFIER_KIND} has no inner model`, {
      hint: 'save the model again with this version',
    });
  }
  return fittedThreshold(
    parseParams(THRESHOLD_CLASSIFIER_KIND, paramsSchema, serialized.params),
    load(state.model),
  );
}
