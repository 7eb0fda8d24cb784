import type { FindingCode } from '../../core/finding-record.js';
import {
  LLM_CLASSIFIER_KIND,
  type LlmClassifierParams,
  parseLlmClassifierParams,
} from '../../models/index.js';
import { classifierKind } from '../model-plans.js';
import type { Candidate, FixRemedy, FixState } from './fix-types.js';

/** The LLM classifier's params when the state's model is an LLM alone; else undefined. */
export function llmParamsOf(state: FixState): LlmClassifierParams | undefined {
  if (state.steps.length !== 1 || classifierKind(state.steps) !== LLM_CLASSIFIER_KIND) return undefined;
  return parseLlmClassifierParams(state.steps[0].params);
}

/** A change of the LLM's params, applied on top of whatever state it is tried on. */
export function llmCandidate(
  code: FindingCode,
  remedy: FixRemedy,
  description: string,
  patch: Partial<LlmClassifierParams>,
): Candidate {
  return {
    code,
    remedy,
    description,
    columns: [],
    rows: [],
    apply: (current) => ({
      ...current,
      steps: current.steps.map((step, i) =>
        i === current.steps.length - 1 ? { ...step, params: { ...step.params, ...patch } } : step,
      ),
    }),
  };
}
