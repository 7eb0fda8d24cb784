import type { Stage } from './candidate-stages.js';
import { fewShotCandidates } from './few-shot-candidates.js';
import { instructionCandidates } from './instruction-candidates.js';
import { llmModelCandidates } from './llm-model-candidates.js';
import { temperatureCandidates } from './temperature-candidates.js';
import { templateCandidates } from './template-candidates.js';

/**
 * An LLM classifier's remedies, in order: sampling noise first (it blurs every later measurement), then
 * the model, the prompt's format, its instruction and its examples. Each proposes nothing for a model
 * that is not an LLM alone.
 */
export const LLM_FIX_STAGES: readonly Stage[] = [
  { remedy: 'temperature', propose: async (input) => temperatureCandidates(input) },
  { remedy: 'llm-model', propose: async (input) => llmModelCandidates(input) },
  { remedy: 'template', propose: async (input) => templateCandidates(input) },
  { remedy: 'instruction', propose: instructionCandidates },
  { remedy: 'few-shot', propose: async (input) => fewShotCandidates(input) },
];
