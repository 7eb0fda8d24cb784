import type { FitWarning } from '../../core/estimator.js';
import type { RunSummary } from '../../llm/engine/run-chat-jobs.js';
import { probabilitiesFromVotes } from './label-probabilities.js';
import { LLM_OUTCOMES, OUTCOME_CODE } from './llm-outcome.js';
import type { LlmClassifierParams } from './params.js';
import type { LlmPrediction } from './predict-rows.js';
import type { LlmClassifierState } from './prediction-plan.js';

/** Each row's samples as predictRows collected them: labels, outcomes and logprob distributions. */
export interface SampleTable {
  readonly sampleLabels: Int32Array;
  readonly sampleOutcomes: Uint8Array;
  readonly logprobProba: Float64Array;
  readonly hasLogprobs: Uint8Array;
}

/**
 * One prediction per row from its samples: the logprob distribution when there is one (and the params
 * allow it), else the samples' vote, else one-hot; a row without any label gets the training prior.
 */
export function combineSamples(
  params: LlmClassifierParams,
  state: LlmClassifierState,
  table: SampleTable,
  answers: readonly string[],
  usage: RunSummary,
): LlmPrediction {
  const nClasses = state.classes.length;
  const rows = answers.length;
  const samples = params.samples;
  const proba = new Float64Array(rows * nClasses);
  const predicted = new Int32Array(rows);
  const outcomes = new Uint8Array(rows);
  const fallback = argmax(state.prior);
  const source = { logprobs: 0, samples: 0, oneHot: 0 };
  for (let row = 0; row < rows; row++) {
    const labels = table.sampleLabels.subarray(row * samples, (row + 1) * samples);
    const votes = probabilitiesFromVotes(labels, nClasses);
    let distribution: ArrayLike<number>;
    if (!votes) {
      outcomes[row] = worstOutcome(table.sampleOutcomes.subarray(row * samples, (row + 1) * samples));
      distribution = state.prior;
    } else if (
      table.hasLogprobs[row] &&
      params.probabilities !== 'samples' &&
      params.probabilities !== 'one-hot'
    ) {
      distribution = table.logprobProba.subarray(row * nClasses, (row + 1) * nClasses);
      source.logprobs++;
    } else if (samples > 1 && params.probabilities !== 'one-hot') {
      distribution = votes;
      source.samples++;
    } else {
      const oneHot = new Float64Array(nClasses);
      oneHot[argmax(votes)] = 1;
      distribution = oneHot;
      source.oneHot++;
    }
    for (let k = 0; k < nClasses; k++) proba[row * nClasses + k] = distribution[k];
    predicted[row] = votes ? argmax(distribution) : fallback;
  }
  return {
    predicted,
    proba: { rows, cols: nClasses, data: proba },
    outcomes,
    answers,
    sampleLabels: table.sampleLabels,
    samples,
    probabilitySource: source,
    usage,
    warnings: outcomeWarnings(params, outcomes, source),
  };
}

/** A row with no label is an `error` only if every sample failed; a refusal outranks unparseable text. */
function worstOutcome(codes: Uint8Array): number {
  if (codes.every((code) => code === OUTCOME_CODE.error)) return OUTCOME_CODE.error;
  return codes.includes(OUTCOME_CODE.refusal) ? OUTCOME_CODE.refusal : OUTCOME_CODE.unparseable;
}

function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let k = 1; k < values.length; k++) if (values[k] > values[best]) best = k;
  return best;
}

function outcomeWarnings(
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
  if (params.samples > 1 && params.temperature === 0) {
    warnings.push({
      code: 'llm_identical_samples',
      message: `samples=${params.samples} at temperature 0 are (near) identical; raise temperature for self-consistency`,
    });
  }
  return warnings;
}
