import { findTransformer, type StepSpec } from '../catalog/index.js';
import { EMBEDDING_TRANSFORMER_KIND } from '../features/embeddings/index.js';
import { endsInLlm } from './llm-options.js';

/**
 * LLM and embedding steps without a `cache` param cache in the run store's SQLite file (the table eval's
 * answers go to), given as the param so that every fold and trial — on worker threads too — opens the
 * same cache: a configuration a search, curve or earlier run already sent costs no call.
 */
export function cacheInStore(steps: readonly StepSpec[], storePath: string): StepSpec[] {
  return steps.map((step, index) => {
    const calls =
      (index === steps.length - 1 && endsInLlm(steps)) ||
      findTransformer(step.name)?.kind === EMBEDDING_TRANSFORMER_KIND;
    return calls && !('cache' in step.params)
      ? { ...step, params: { ...step.params, cache: storePath } }
      : step;
  });
}
