import { z } from 'zod';
import { ModeldebugError } from '../../core/errors.js';
import { parseParams } from '../../core/params.js';
import { ENDPOINT_PARAMS } from '../../llm/provider/endpoint-params.js';
import { rejectKeyParams } from '../../llm/provider/reject-key-params.js';

export const LLM_CLASSIFIER_KIND = 'llm';

const price = z.strictObject({ input: z.number().nonnegative(), output: z.number().nonnegative() });

/**
 * An LLM behind any OpenAI-compatible endpoint, as a classifier. The API key is not a param: the
 * classifier reads it from the environment variable `api_key_env` names, when it calls. `base_url_env`
 * names a variable that holds the endpoint (e.g. OPENAI_BASE_URL), for a config that runs anywhere; when
 * given, the variable must be set, and it wins over `base_url`.
 *
 * - `template`: the user message, `{{column}}` placeholders filled from the row (default: one
 *   `column: value` line per column); `system` may use `{{labels}}` (default: an instruction listing them).
 * - `few_shot_k` examples from the training rows only, chosen `random`ly, `stratified` across classes, or
 *   the most `similar` by TF-IDF cosine; a row is never its own example.
 * - `parse`: `exact`, `insensitive` (case and whitespace), `json` (`{"label": …}`; `structured_output`
 *   asks the endpoint for a JSON schema), `regex` (first group), or `auto` (insensitive, then json).
 * - `probabilities`: `logprobs` over the label tokens, `samples` (self-consistency over `samples`
 *   answers), `one-hot`, or `auto` (logprobs when the endpoint returns them, else samples when
 *   `samples` > 1, else one-hot).
 * - `cache`: `memory`, a SQLite file path, or null for none. `prices` in $ per million tokens by model;
 *   `max_cost` refuses a run whose estimate exceeds it and stops one that reaches it.
 */
export const llmClassifierParamsSchema = z.strictObject({
  model: z.string().min(1).default('gpt-4o-mini').describe('the model name the endpoint serves'),
  base_url: ENDPOINT_PARAMS.base_url,
  api_key_env: ENDPOINT_PARAMS.api_key_env,
  base_url_env: ENDPOINT_PARAMS.base_url_env,
  temperature: z
    .number()
    .min(0)
    .max(2)
    .default(0)
    .describe('sampling temperature, 0 to 2 (0: the most likely answer)'),
  top_p: z
    .number()
    .gt(0)
    .max(1)
    .nullable()
    .default(null)
    .describe("nucleus sampling: the probability mass sampled from; null leaves the endpoint's default"),
  max_tokens: z.number().int().positive().default(20).describe('the most tokens an answer may have'),
  seed: z
    .number()
    .int()
    .nullable()
    .default(0)
    .describe('the sampling seed sent to the endpoint; null sends none'),
  system: z
    .string()
    .nullable()
    .default(null)
    .describe('the system message; {{labels}} lists the classes (null: an instruction listing them)'),
  template: z
    .string()
    .nullable()
    .default(null)
    .describe(
      'the user message, with {{column}} placeholders filled from the row (null: one column: value line per column); @file reads it from a file',
    ),
  label_descriptions: z
    .record(z.string(), z.string())
    .default({})
    .describe('a description per class name, shown with the labels'),
  few_shot_k: z
    .number()
    .int()
    .min(0)
    .max(100)
    .default(0)
    .describe('how many training rows to show as examples (0 to 100; a row is never its own example)'),
  few_shot_selection: z
    .enum(['random', 'stratified', 'similar'])
    .default('stratified')
    .describe(
      'how examples are chosen: random, stratified across classes, or the most similar by TF-IDF cosine',
    ),
  few_shot_pool: z
    .number()
    .int()
    .positive()
    .default(2000)
    .describe('the most training rows examples are drawn from'),
  random_state: z.number().int().default(0).describe('seeds the choice of examples'),
  parse: z
    .enum(['auto', 'exact', 'insensitive', 'json', 'regex'])
    .default('auto')
    .describe(
      'how an answer becomes a label: auto (insensitive, then json), exact, insensitive (case and whitespace), json ({"label": ...}), or regex',
    ),
  regex: z
    .string()
    .nullable()
    .default(null)
    .describe('with parse regex: the pattern whose first group is the label'),
  structured_output: z
    .boolean()
    .default(false)
    .describe('ask the endpoint for a JSON schema answer (with parse json)'),
  probabilities: z
    .enum(['auto', 'logprobs', 'samples', 'one-hot'])
    .default('auto')
    .describe(
      'auto (logprobs when the endpoint returns them, else samples when samples > 1, else one-hot), logprobs over the label tokens, samples, or one-hot',
    ),
  samples: z
    .number()
    .int()
    .min(1)
    .max(64)
    .default(1)
    .describe('answers per row (1 to 64); above 1 the vote of the samples gives the probabilities'),
  top_logprobs: z
    .number()
    .int()
    .min(1)
    .max(20)
    .default(10)
    .describe('the alternative tokens asked per position for logprobs (1 to 20)'),
  concurrency: z
    .number()
    .int()
    .positive()
    .max(1024)
    .default(8)
    .describe('the most calls in flight (the limiter halves it on 429 and regrows it)'),
  timeout_ms: ENDPOINT_PARAMS.timeout_ms,
  max_attempts: ENDPOINT_PARAMS.max_attempts,
  cache: ENDPOINT_PARAMS.cache,
  max_cost: z
    .number()
    .positive()
    .nullable()
    .default(null)
    .describe(
      'US dollars: refuse a run whose estimate exceeds it and stop one that reaches it; null for no limit',
    ),
  prices: z
    .record(z.string(), price)
    .default({})
    .describe('$ per million tokens by model name, as {input, output}, for models the price table lacks'),
});

export type LlmClassifierParams = z.infer<typeof llmClassifierParamsSchema>;

export function parseLlmClassifierParams(input: unknown): LlmClassifierParams {
  rejectKeyParams(LLM_CLASSIFIER_KIND, input);
  const params = parseParams(LLM_CLASSIFIER_KIND, llmClassifierParamsSchema, input);
  if (params.parse === 'regex') checkRegex(params.regex);
  return params;
}

function checkRegex(source: string | null): void {
  const invalid = (problem: string): ModeldebugError =>
    new ModeldebugError('invalid_param', `${LLM_CLASSIFIER_KIND}: ${problem}`, {
      where: 'param regex',
      hint: 'give regex a pattern whose first group is the label, e.g. regex="Answer: (\\w+)"',
    });
  if (source === null) throw invalid("parse 'regex' needs a regex");
  try {
    new RegExp(source);
  } catch (error) {
    throw invalid(`regex does not compile: ${(error as Error).message}`);
  }
}
