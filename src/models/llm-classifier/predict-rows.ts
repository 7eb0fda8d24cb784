import { ModeldebugError } from '../../core/errors.js';
import type { FitWarning } from '../../core/estimator.js';
import type { Features } from '../../core/features.js';
import type { Matrix } from '../../core/matrix.js';
import type { LlmEngine } from '../../llm/engine/llm-engine.js';
import { costOf, estimateTokens } from '../../llm/engine/price-table.js';
import {
  type ChatJob,
  type ChatJobResult,
  type RunSummary,
  runChatJobs,
} from '../../llm/engine/run-chat-jobs.js';
import type { ProgressSink } from '../../llm/engine/run-progress.js';
import type { ChatProvider } from '../../llm/provider/chat-provider.js';
import { combineSamples } from './combine-samples.js';
import type { LlmItemRecord, LlmItemSink } from './item-record.js';
import { probabilitiesFromLogprobs } from './label-probabilities.js';
import { OUTCOME_CODE } from './llm-outcome.js';
import type { LlmClassifierParams } from './params.js';
import { type LlmClassifierState, type PredictionPlan, planPrediction } from './prediction-plan.js';

/** Everything a prediction run produced, row by row, with the outcome of each row. */
export interface LlmPrediction {
  /**
   * Indices into `classes`. A row whose outcome is not `label` gets the argmax of the training prior
   * (so the estimator contract holds); use `outcomes` to count it as the error it is.
   */
  readonly predicted: Int32Array;
  /** Rows sum to 1; rows without a label hold the training prior. */
  readonly proba: Matrix;
  /** Per row, an index into LLM_OUTCOMES. */
  readonly outcomes: Uint8Array;
  /** The first sample's answer per row, cut to 200 characters (untrusted text: display it, never run it). */
  readonly answers: readonly string[];
  /**
   * Per row then sample (row * samples + sample): the label index each sample answered, or -1 for a
   * sample without a label. Majority-at-k curves read the first j samples of one run from it.
   */
  readonly sampleLabels: Int32Array;
  readonly samples: number;
  /** How each row's probabilities were obtained. */
  readonly probabilitySource: {
    readonly logprobs: number;
    readonly samples: number;
    readonly oneHot: number;
  };
  readonly usage: RunSummary;
  readonly warnings: readonly FitWarning[];
}

export interface PredictRowsContext {
  readonly engine: LlmEngine;
  readonly provider: ChatProvider;
  readonly signal?: AbortSignal;
  readonly onProgress?: ProgressSink;
  /** Every finished call, as it completes (e.g. streamed into the run store). */
  readonly onItem?: LlmItemSink;
  /** Who answers the calls: runChatJobs' twin (e.g. remote workers); default runChatJobs here. */
  readonly runJobs?: typeof runChatJobs;
}

/** Calls the endpoint for every row (and sample), parses the answers and turns them into probabilities. */
export async function predictRows(
  params: LlmClassifierParams,
  state: LlmClassifierState,
  X: Features,
  context: PredictRowsContext,
): Promise<LlmPrediction> {
  const plan = planPrediction(params, state, X);
  const { samples } = plan;
  const nClasses = state.classes.length;
  const total = X.rows * samples;
  if (params.max_cost !== null) checkEstimate(params, plan, X);

  const sampleLabels = new Int32Array(total).fill(-1);
  const sampleOutcomes = new Uint8Array(total);
  const logprobProba = new Float64Array(X.rows * nClasses);
  const hasLogprobs = new Uint8Array(X.rows);
  const answers: string[] = new Array(X.rows).fill('');

  const usage = await (context.runJobs ?? runChatJobs)(
    context.engine,
    context.provider,
    jobs(plan, X),
    (index, result) => {
      const row = Math.floor(index / samples);
      if (!result.ok) {
        sampleOutcomes[index] = OUTCOME_CODE.error;
        const message = `[${result.error.reason}] ${result.error.message}`.slice(0, 200);
        if (index % samples === 0) answers[row] = message;
        context.onItem?.(itemOf(params, row, index % samples, 'error', null, message, result));
        return;
      }
      const choice = result.result.choices[0];
      const parsed = plan.parser(choice);
      sampleOutcomes[index] = OUTCOME_CODE[parsed.outcome];
      if (parsed.outcome === 'label') sampleLabels[index] = parsed.label;
      const answer = (choice.refusal ?? choice.text).slice(0, 200);
      if (context.onItem) {
        const label = parsed.outcome === 'label' ? state.classes[parsed.label] : null;
        context.onItem(itemOf(params, row, index % samples, parsed.outcome, label, answer, result));
      }
      if (index % samples !== 0) return;
      answers[row] = answer;
      const fromLogprobs = plan.wantsLogprobs
        ? probabilitiesFromLogprobs(choice.logprobs, state.classes)
        : undefined;
      if (fromLogprobs && parsed.outcome === 'label') {
        logprobProba.set(fromLogprobs, row * nClasses);
        hasLogprobs[row] = 1;
      }
    },
    {
      total,
      signal: context.signal,
      prices: params.prices,
      ...(params.max_cost === null ? {} : { maxCostUsd: params.max_cost }),
      onProgress: context.onProgress,
    },
  );
  return combineSamples(
    params,
    state,
    { sampleLabels, sampleOutcomes, logprobProba, hasLogprobs },
    answers,
    usage,
  );
}

function itemOf(
  params: LlmClassifierParams,
  row: number,
  sample: number,
  outcome: LlmItemRecord['outcome'],
  label: string | null,
  answer: string,
  result: ChatJobResult,
): LlmItemRecord {
  // Nothing paid (a failed call, a cached answer) costs $0 — or is unknown too when the model has no price.
  const free = params.prices[params.model] ? 0 : undefined;
  if (!result.ok) {
    return {
      row,
      sample,
      outcome,
      label,
      answer,
      cached: false,
      promptTokens: 0,
      completionTokens: 0,
      costUsd: free,
    };
  }
  const { usage } = result.result;
  return {
    row,
    sample,
    outcome,
    label,
    answer,
    cached: result.cached,
    promptTokens: usage.promptTokens,
    completionTokens: usage.completionTokens,
    costUsd: result.cached ? free : costOf(params.prices, params.model, usage),
  };
}

function* jobs(plan: PredictionPlan, X: Features): Generator<ChatJob> {
  for (let row = 0; row < X.rows; row++) {
    for (let sample = 0; sample < plan.samples; sample++) {
      yield { request: plan.requestFor(X, row, sample), sampleIndex: sample };
    }
  }
}

/** `max_cost`: refuse a run whose estimate (prompt ≈ chars / 4, every answer `max_tokens` long) exceeds it. */
function checkEstimate(params: LlmClassifierParams, plan: PredictionPlan, X: Features): void {
  if (!params.prices[params.model]) {
    throw new ModeldebugError('invalid_param', `max_cost needs a price for model "${params.model}"`, {
      where: 'param prices',
      hint: `add prices={"${params.model}": {"input": <$ per 1M tokens>, "output": <$ per 1M tokens>}}`,
    });
  }
  let promptTokens = 0;
  for (let row = 0; row < X.rows; row++) {
    const request = plan.requestFor(X, row, 0);
    promptTokens += request.messages.reduce((sum, message) => sum + estimateTokens(message.content) + 4, 0);
  }
  const calls = X.rows * plan.samples;
  const estimate =
    costOf(params.prices, params.model, {
      promptTokens: promptTokens * plan.samples,
      completionTokens: calls * params.max_tokens,
    }) ?? 0;
  if (estimate > params.max_cost!) {
    throw new ModeldebugError(
      'budget_exceeded',
      `the run's estimated cost $${estimate.toFixed(4)} exceeds max_cost $${params.max_cost} (${calls} calls)`,
      { hint: 'raise max_cost, predict fewer rows, or use fewer samples or few-shot examples' },
    );
  }
}
