import type { StageInput } from './candidate-stages.js';
import type { Candidate } from './fix-types.js';
import { llmCandidate, llmParamsOf } from './llm-candidate.js';

/** Greedy decoding for an LLM sampled above temperature 0: its sampling noise is error on every row. */
export function temperatureCandidates({ state }: StageInput): Candidate[] {
  const params = llmParamsOf(state);
  if (params === undefined || params.temperature === 0) return [];
  return [
    llmCandidate('tuning_gain', 'temperature', `answer at temperature 0 instead of ${params.temperature}`, {
      temperature: 0,
    }),
  ];
}
