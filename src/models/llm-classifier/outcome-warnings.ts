import type { FitWarning } from '../../core/estimator.js';
import { LLM_OUTCOMES, OUTCOME_CODE } from './llm-outcome.js';
import type { LlmClassifierParams } from './params.js';
import type { LlmPrediction } from './predict-rows.js';

/** What a prediction run's rows say about the answers: rows with no label, missing logprobs, same samples. */
export function outcomeWarnings(
  params: LlmClassifierParams,
  outcomes: Uint8Array,
  source: LlmPrediction['probabilitySource'],
): FitWarning[] {
  const warnings: FitWarning[] = [];
  const counts = new Int32Array(LLM_OUTCOMES.length);
  for (const code of outcomes) counts[code]++;
  const what = {
    unparseable: 'an unparseable answer',
    refusal: 'a refusal',
    error: 'a failed request',
  } as const;
  for (const outcome of ['unparseable', 'refusal', 'error'] as const) {
    const count = counts[OUTCOME_CODE[outcome]];
    if (count > 0) {
      warnings.push({
        code: `llm_${outcome}`,
        message: `${count} of ${outcomes.length} rows got ${what[outcome]}; predict() gives them the most frequent training class — predictDetailed() and llmOutcomeSummary() count them as errors`,
      });
    }
  }
  if (params.probabilities === 'logprobs' && source.logprobs === 0 && outcomes.length > 0) {
    warnings.push({
      code: 'llm_no_logprobs',
      message: 'the endpoint returned no usable logprobs; probabilities fell back to samples or one-hot',
    });
  }
  if (params.scoring === 'logprob' && source.parsed > 0) {
    warnings.push({
      code: 'llm_scoring_fallback',
      message: `${source.parsed} of ${outcomes.length} rows had no label among their answer's logprobs; they were scored by parsing the answer`,
    });
  }
  if (params.samples > 1 && params.temperature === 0) {
    warnings.push({
      code: 'llm_identical_samples',
      message: `samples=${params.samples} at temperature 0 are (near) identical; raise temperature for self-consistency`,
    });
  }
  return warnings;
}
