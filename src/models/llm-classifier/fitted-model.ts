import type { FitDiagnostics, FittedClassifier, FitWarning, SerializedModel } from '../../core/estimator.js';
import type { Features } from '../../core/features.js';
import type { Matrix } from '../../core/matrix.js';
import type { LlmEngine } from '../../llm/engine/llm-engine.js';
import type { ProgressSink } from '../../llm/engine/run-progress.js';
import type { ChatProvider } from '../../llm/provider/chat-provider.js';
import { calibratePrediction } from './calibrate-prediction.js';
import { contentFreeFeatures } from './content-free-inputs.js';
import type { LlmItemSink } from './item-record.js';
import { LLM_CLASSIFIER_KIND, type LlmClassifierParams } from './params.js';
import { type LlmPrediction, predictRows } from './predict-rows.js';
import type { LlmClassifierState } from './prediction-plan.js';
import { type LlmRuntime, providerFor } from './runtime.js';

export interface PredictDetailedOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: ProgressSink;
  readonly onItem?: LlmItemSink;
}

export interface FittedLlmClassifier extends FittedClassifier {
  readonly params: Readonly<LlmClassifierParams>;
  readonly state: LlmClassifierState;
  /** Predictions with each row's outcome (label, unparseable, refusal, error), usage and warnings. */
  predictDetailed(X: Features, options?: PredictDetailedOptions): Promise<LlmPrediction>;
  /** The most recent detailed prediction, e.g. after `predict` ran inside `evaluate`. */
  readonly lastPrediction: LlmPrediction | undefined;
}

/** Whether a fitted model is an LLM classifier (and so has per-row outcomes). */
export function isFittedLlmClassifier(fitted: FittedClassifier): fitted is FittedLlmClassifier {
  return fitted.kind === LLM_CLASSIFIER_KIND && 'predictDetailed' in fitted;
}

/**
 * `predict` and `predictProba` on the same X share one run (a WeakMap by X), so `predictInClassSpace`
 * calling both costs one call per row. The diagnostics include the warnings of the latest run.
 */
export function createFittedLlmClassifier(
  params: LlmClassifierParams,
  state: LlmClassifierState,
  fitWarnings: readonly FitWarning[],
  runtime: LlmRuntime,
  engine: LlmEngine,
  signal?: AbortSignal,
): FittedLlmClassifier {
  const runs = new WeakMap<Features, Promise<LlmPrediction>>();
  let provider: ChatProvider | undefined;
  let last: LlmPrediction | undefined;

  const predictDetailed = async (
    X: Features,
    options: PredictDetailedOptions = {},
  ): Promise<LlmPrediction> => {
    provider ??= providerFor(params, runtime);
    const context = {
      engine,
      provider,
      signal: options.signal ?? signal,
      onProgress: options.onProgress ?? runtime.onProgress,
      runJobs: runtime.runJobs,
    };
    let prediction = await predictRows(params, state, X, {
      ...context,
      onItem: options.onItem ?? runtime.onItem,
    });
    if (params.calibration === 'contextual') {
      // Not streamed to onItem: its rows 0..2 are not rows of the user's data.
      const contentFree = await predictRows(params, state, contentFreeFeatures(X), context);
      prediction = calibratePrediction(prediction, contentFree);
    }
    last = prediction;
    return prediction;
  };

  const shared = (X: Features): Promise<LlmPrediction> => {
    let run = runs.get(X);
    if (!run) {
      run = predictDetailed(X);
      runs.set(X, run);
      // A failed run is not remembered: calling again retries it.
      run.catch(() => runs.delete(X));
    }
    return run;
  };

  return {
    kind: LLM_CLASSIFIER_KIND,
    params,
    state,
    classes: state.classes,
    get diagnostics(): FitDiagnostics {
      return { warnings: [...fitWarnings, ...(last?.warnings ?? [])] };
    },
    get lastPrediction() {
      return last;
    },
    predictDetailed,
    predict: async (X: Features): Promise<Int32Array> => (await shared(X)).predicted,
    predictProba: async (X: Features): Promise<Matrix> => (await shared(X)).proba,
    toJSON(): SerializedModel {
      // Params hold the name of the key's variable, never the key (see params.ts).
      return {
        format: 'modeldebug-model',
        version: 1,
        kind: LLM_CLASSIFIER_KIND,
        params,
        classes: state.classes,
        state: { prior: state.prior, pool: state.pool, warnings: fitWarnings },
      };
    },
  };
}
