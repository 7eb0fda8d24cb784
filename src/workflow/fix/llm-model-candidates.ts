import type { StageInput } from './candidate-stages.js';
import type { Candidate } from './fix-types.js';
import { llmCandidate, llmParamsOf } from './llm-candidate.js';

/** Each other model name the user listed, on the same endpoint with the same prompt. */
export function llmModelCandidates({ state, llm }: StageInput): Candidate[] {
  const params = llmParamsOf(state);
  if (params === undefined) return [];
  return [...new Set(llm?.models ?? [])]
    .filter((model) => model !== params.model)
    .map((model) =>
      llmCandidate('better_model', 'llm-model', `switch the LLM from ${params.model} to ${model}`, { model }),
    );
}
