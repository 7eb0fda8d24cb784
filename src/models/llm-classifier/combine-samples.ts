import type { RunSummary } from '../../llm/engine/run-chat-jobs.js';
import { probabilitiesFromVotes } from './label-probabilities.js';
import { probabilitiesFromScores } from './label-scores.js';
import { OUTCOME_CODE } from './llm-outcome.js';
import { outcomeWarnings } from './outcome-warnings.js';
import type { LlmClassifierParams } from './params.js';
import type { LlmPrediction } from './predict-rows.js';
import type { LlmClassifierState } from './prediction-plan.js';

/** Each row's samples as predictRows collected them: labels, outcomes and logprob distributions. */
export interface SampleTable {
  readonly sampleLabels: Int32Array;
  readonly sampleOutcomes: Uint8Array;
  readonly logprobProba: Float64Array;
  readonly hasLogprobs: Uint8Array;
  /** Label log-likelihoods per row (NaN without); empty when no logprobs were asked for. */
  readonly labelScores: Float64Array;
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
  const source = { logprobs: 0, samples: 0, oneHot: 0, parsed: 0 };
  const byScores = params.scoring === 'logprob';
  for (let row = 0; row < rows; row++) {
    const labels = table.sampleLabels.subarray(row * samples, (row + 1) * samples);
    const votes = probabilitiesFromVotes(labels, nClasses);
    let distribution: ArrayLike<number>;
    if (!votes) {
      outcomes[row] = worstOutcome(table.sampleOutcomes.subarray(row * samples, (row + 1) * samples));
      distribution = state.prior;
    } else if (byScores && !Number.isNaN(table.labelScores[row * nClasses])) {
      distribution = probabilitiesFromScores(
        table.labelScores.subarray(row * nClasses, (row + 1) * nClasses),
      );
      source.logprobs++;
    } else if (
      !byScores &&
      table.hasLogprobs[row] &&
      params.probabilities !== 'samples' &&
      params.probabilities !== 'one-hot'
    ) {
      distribution = table.logprobProba.subarray(row * nClasses, (row + 1) * nClasses);
      source.logprobs++;
    } else if (samples > 1 && params.probabilities !== 'one-hot') {
      distribution = votes;
      source.samples++;
      if (byScores) source.parsed++;
    } else {
      if (byScores) source.parsed++;
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
    ...(table.labelScores.length > 0 ? { labelLogprobs: table.labelScores } : {}),
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
