export { labelList, systemPrompt } from './build-messages.js';
export { CONTENT_FREE_INPUTS, contentFreeFeatures } from './content-free-inputs.js';
export { contentFreeDistribution, contextualCalibration } from './contextual-calibration.js';
export { drawFewShotPool, type FewShotPool, type FewShotSelection } from './few-shot.js';
export {
  createFittedLlmClassifier,
  type FittedLlmClassifier,
  isFittedLlmClassifier,
  type PredictDetailedOptions,
} from './fitted-model.js';
export { probabilitiesFromLogprobs, probabilitiesFromVotes } from './label-probabilities.js';
export { labelLogLikelihoods, probabilitiesFromScores } from './label-scores.js';
export { createLlmClassifier, type LlmClassifier } from './llm-classifier.js';
export { LLM_OUTCOMES, type LlmOutcome, OUTCOME_CODE, type ParsedAnswer } from './llm-outcome.js';
export { loadLlmClassifier } from './load.js';
export {
  LLM_CLASSIFIER_KIND,
  type LlmClassifierParams,
  llmClassifierParamsSchema,
  parseLlmClassifierParams,
} from './params.js';
export { type AnswerParser, createAnswerParser, normaliseLabel, type ParseMode } from './parse-answer.js';
export type { LlmPrediction } from './predict-rows.js';
export type { LlmClassifierState } from './prediction-plan.js';
export { compileRowTemplate } from './row-template.js';
export type { LlmRuntime } from './runtime.js';
