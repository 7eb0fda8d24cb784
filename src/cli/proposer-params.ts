import { parseModelSpec } from '../catalog/index.js';
import { ModeldebugError } from '../core/errors.js';
import { createLlmClassifier, type LlmClassifierParams } from '../models/index.js';
import { endsInLlm } from './llm-options.js';

/** `--proposer SPEC` (propose, fix): an `llm(...)` alone, as the classifier's checked params. */
export function proposerParams(spec: string): LlmClassifierParams {
  const steps = parseModelSpec(spec);
  if (steps.length !== 1 || !endsInLlm(steps)) {
    throw new ModeldebugError('invalid_argument', 'the proposer must be an LLM endpoint alone', {
      where: '--proposer',
      hint: "give --proposer 'llm(model=..., base_url=...)' with no steps before it",
    });
  }
  return createLlmClassifier(steps[0].params).params;
}
