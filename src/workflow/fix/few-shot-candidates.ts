import { bootstrappedSets } from '../../analysis/llm/propose/index.js';
import type { StageInput } from './candidate-stages.js';
import type { Candidate } from './fix-types.js';
import { llmCandidate, llmParamsOf } from './llm-candidate.js';

const FEW_SHOT_KS = [2, 4, 8] as const;
/** Bootstrapped sets tried (k = 4, one per seed): rows the model answers right, as in `propose`. */
const BOOTSTRAPPED_SETS = 2;

/** Other few-shot k with the current selection, then bootstrapped few-shot sets. */
export function fewShotCandidates({ state, seed }: StageInput): Candidate[] {
  const params = llmParamsOf(state);
  if (params === undefined) return [];
  const ks = FEW_SHOT_KS.filter((k) => k !== params.few_shot_k).map((k) =>
    llmCandidate(
      'tuning_gain',
      'few-shot',
      `${k} few-shot examples (${params.few_shot_selection}) instead of ${params.few_shot_k}`,
      { few_shot_k: k },
    ),
  );
  const sets =
    params.few_shot_selection === 'bootstrapped'
      ? []
      : bootstrappedSets(4, BOOTSTRAPPED_SETS, seed).map((set) =>
          llmCandidate('llm_instruction_gain', 'few-shot', set.name, set.patch),
        );
  return [...ks, ...sets];
}
