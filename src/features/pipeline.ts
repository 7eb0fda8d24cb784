import {
  type Classifier,
  type Features,
  type FitContext,
  type Labels,
  ModeldebugError,
} from '../core/index.js';
import { createFittedPipeline, type FittedPipeline, type FittedTransformerStep } from './fitted-pipeline.js';
import { flattenParams, STEP_SEPARATOR, splitParamPatch } from './pipeline-params.js';
import type { Transformer } from './transformer.js';

export const PIPELINE = 'pipeline';

export type TransformerStep = readonly [name: string, transformer: Transformer];
export type ClassifierStep = readonly [name: string, classifier: Classifier];
/** Transformers first, a classifier last (sklearn's `steps`); the types reject any other order. */
export type PipelineSteps = readonly [...TransformerStep[], ClassifierStep];
/** Flat nested keys, `<step>.<param>`. */
export type PipelineParams = Readonly<Record<string, unknown>>;

/**
 * A pipeline is itself a Classifier: fitting it fits every transform on the rows it is given, so under
 * cross-validation the scaler's mean or the imputer's median comes from the training fold only.
 */
export interface Pipeline extends Classifier<PipelineParams> {
  readonly steps: PipelineSteps;
  withParams(patch: Partial<PipelineParams>): Pipeline;
  fit(X: Features, y: Labels, context?: FitContext): Promise<FittedPipeline>;
}

export function createPipeline(steps: PipelineSteps): Pipeline {
  assertStepNames(steps);
  const named = steps.map(([name, estimator]) => ({ name, params: estimator.params }));
  const transformers = steps.slice(0, -1) as readonly TransformerStep[];
  const [finalName, finalEstimator] = steps[steps.length - 1] as ClassifierStep;
  const params = Object.freeze(flattenParams(named));
  return {
    kind: PIPELINE,
    steps,
    params,
    withParams(patch) {
      const byStep = splitParamPatch(named, patch);
      const finalPatch = byStep.get(steps.length - 1);
      return createPipeline([
        ...transformers.map(([name, transformer], index) => {
          const stepPatch = byStep.get(index);
          return [name, stepPatch === undefined ? transformer : transformer.withParams(stepPatch)] as const;
        }),
        [finalName, finalPatch === undefined ? finalEstimator : finalEstimator.withParams(finalPatch)],
      ]);
    },
    async fit(X, y, context) {
      const fitted: FittedTransformerStep[] = [];
      let current = X;
      for (const [name, transformer] of transformers) {
        context?.signal?.throwIfAborted();
        const step = await transformer.fit(current, y, context);
        current = step.transform(current);
        fitted.push([name, step]);
      }
      context?.signal?.throwIfAborted();
      const final = await finalEstimator.fit(current, y, context);
      return createFittedPipeline(params, fitted, [finalName, final]);
    },
  };
}

function assertStepNames(steps: PipelineSteps): void {
  if (steps.length === 0) {
    throw new ModeldebugError('invalid_argument', 'a pipeline needs at least a final classifier step');
  }
  const seen = new Set<string>();
  for (const [name] of steps) {
    if (name === '' || name.includes(STEP_SEPARATOR) || seen.has(name)) {
      throw new ModeldebugError('invalid_argument', `invalid pipeline step name "${name}"`, {
        where: `step ${name}`,
        hint: `give every step a unique, non-empty name without "${STEP_SEPARATOR}"`,
      });
    }
    seen.add(name);
  }
}
