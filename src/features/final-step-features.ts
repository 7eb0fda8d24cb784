import type { Classifier } from '../core/estimator.js';
import type { Features } from '../core/features.js';
import type { Labels } from '../core/labels.js';
import { PIPELINE, type Pipeline, type TransformerStep } from './pipeline.js';

/**
 * The features a model's final classifier would see: a pipeline's transforms fitted on these rows and
 * applied in order (for univariate scoring, which needs the imputed, encoded columns but no classifier);
 * a bare classifier sees X itself.
 */
export async function featuresSeenByFinalStep(model: Classifier, X: Features, y: Labels): Promise<Features> {
  if (model.kind !== PIPELINE) return X;
  const transformers = (model as Pipeline).steps.slice(0, -1) as readonly TransformerStep[];
  let current = X;
  for (const [, transformer] of transformers) {
    const fitted = await transformer.fit(current, y);
    current = fitted.transform(current);
  }
  return current;
}
