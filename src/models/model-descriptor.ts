import type { z } from 'zod';
import type { ClassifierTags, TuningPlan } from '../core/capability-tags.js';
import type { Classifier, FittedClassifier, SerializedModel } from '../core/estimator.js';
import type { CacheFileRuntime } from '../llm/cache/cache-file.js';
import type { LlmRuntime } from './llm-classifier/runtime.js';

/**
 * What a model spec cannot say: the LLM classifier's runtime (e.g. `--redis`'s remote runner) and the
 * cache file of the steps that call an endpoint.
 */
export interface ModelRuntime extends CacheFileRuntime {
  readonly llm?: LlmRuntime;
}

/**
 * One model family as the catalog knows it: its names, its params (the zod schema, whose `.describe()`
 * texts `modeldebug models` prints), how to build and restore it, and what it can do (its tags).
 */
export interface ClassifierDescriptor {
  readonly role: 'classifier';
  readonly kind: string;
  /** Short names accepted in model specs; the first is the pipeline step name. */
  readonly aliases: readonly string[];
  readonly summary: string;
  readonly schema: z.ZodObject;
  readonly tags: ClassifierTags;
  /** What the diagnosis tunes; absent for models it does not tune (an LLM, a baseline). */
  readonly tuning?: TuningPlan;
  create(params?: unknown, runtime?: ModelRuntime): Classifier;
  load(serialized: SerializedModel): FittedClassifier;
}

/** The tags most models share, so a descriptor states only where it differs. */
export const PLAIN_CLASSIFIER_TAGS: ClassifierTags = {
  linearCoefficients: false,
  featureImportances: false,
  trainsByEpochs: false,
  sparseInput: false,
  rawColumns: false,
  penaltyPath: false,
  warmStart: false,
  probabilityQuality: 'uncalibrated',
  waitsOnEndpoint: false,
  complexity: [],
};
