import type { Features } from '../../core/features.js';
import type { ChatRequest } from '../../llm/provider/chat-types.js';
import { buildMessages, labelSchema, type PromptSpec, systemPrompt } from './build-messages.js';
import { createFewShotChooser, type FewShotPool } from './few-shot.js';
import type { LlmClassifierParams } from './params.js';
import { type AnswerParser, createAnswerParser } from './parse-answer.js';
import { compileRowTemplate } from './row-template.js';

/** What a fitted LLM classifier knows: params, classes, the training prior and the few-shot pool. */
export interface LlmClassifierState {
  readonly classes: readonly string[];
  /** Class frequencies in the training rows: the fallback distribution of rows with no label. */
  readonly prior: readonly number[];
  readonly pool: FewShotPool;
}

export interface PredictionPlan {
  readonly samples: number;
  readonly parser: AnswerParser;
  readonly wantsLogprobs: boolean;
  /** The request for row `row` of X, sample `sample`. */
  requestFor(X: Features, row: number, sample: number): ChatRequest;
}

/** Turns params and state into the per-row request builder; the template is checked against X here. */
export function planPrediction(
  params: LlmClassifierParams,
  state: LlmClassifierState,
  X: Features,
): PredictionPlan {
  const json = params.parse === 'json' || params.structured_output;
  const spec: PromptSpec = {
    system: params.system,
    classes: state.classes,
    descriptions: params.label_descriptions,
    json,
  };
  const system = systemPrompt(spec);
  const render = compileRowTemplate(params.template, X.columns);
  const choose = createFewShotChooser(state.pool, params.few_shot_k, params.few_shot_selection);
  // A JSON answer starts with `{`, whose logprobs say nothing about the label.
  const wantsLogprobs =
    !json &&
    (params.probabilities === 'auto' || params.probabilities === 'logprobs' || params.scoring === 'logprob');
  let cachedRow = -1;
  let cachedMessages: ChatRequest['messages'] = [];
  return {
    samples: params.samples,
    parser: createAnswerParser(
      state.classes,
      json && params.parse === 'auto' ? 'json' : params.parse,
      params.regex,
    ),
    wantsLogprobs,
    requestFor(features, row, sample) {
      if (row !== cachedRow) {
        const input = render(features, row);
        cachedMessages = buildMessages(system, spec, state.pool, choose(input), input);
        cachedRow = row;
      }
      return {
        model: params.model,
        messages: cachedMessages,
        temperature: params.temperature,
        maxTokens: params.max_tokens,
        ...(params.top_p === null ? {} : { topP: params.top_p }),
        ...(params.seed === null ? {} : { seed: params.seed + sample }),
        ...(wantsLogprobs ? { topLogprobs: params.top_logprobs } : {}),
        ...(params.structured_output ? { jsonSchema: labelSchema(state.classes) } : {}),
      };
    },
  };
}
