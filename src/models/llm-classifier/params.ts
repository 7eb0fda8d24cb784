import { z } from 'zod';
import { ModeldebugError } from '../../core/errors.js';
import { parseParams } from '../../core/params.js';
import { OPENAI_BASE_URL } from '../../llm/provider/openai-provider.js';
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
 *   the most `similar` by TF-IDF cosine, or `bootstrapped` (DSPy's BootstrapFewShot): `fit` asks the
 *   model, zero-shot, about a seeded stratified draw of training rows and keeps as examples only the
 *   rows it answers right (a different `random_state` draws another set); a row is never its own example.
 * - `parse`: `exact`, `insensitive` (case and whitespace), `json` (`{"label": …}`; `structured_output`
 *   asks the endpoint for a JSON schema), `regex` (first group), or `auto` (insensitive, then json).
 * - `probabilities`: `logprobs` over the label tokens, `samples` (self-consistency over `samples`
 *   answers), `one-hot`, or `auto` (logprobs when the endpoint returns them, else samples when
 *   `samples` > 1, else one-hot).
 * - `cache`: `memory`, a SQLite file path, or null for none. `prices` in $ per million tokens by model;
 *   `max_cost` refuses a run whose estimate exceeds it and stops one that reaches it.
 */
export const llmClassifierParamsSchema = z.strictObject({
  model: z.string().min(1).default('gpt-4o-mini'),
  base_url: z.string().url().default(OPENAI_BASE_URL),
  api_key_env: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name')
    .default('OPENAI_API_KEY'),
  base_url_env: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name')
    .nullable()
    .default(null),
  temperature: z.number().min(0).max(2).default(0),
  top_p: z.number().gt(0).max(1).nullable().default(null),
  max_tokens: z.number().int().positive().default(20),
  seed: z.number().int().nullable().default(0),
  system: z.string().nullable().default(null),
  template: z.string().nullable().default(null),
  label_descriptions: z.record(z.string(), z.string()).default({}),
  few_shot_k: z.number().int().min(0).max(100).default(0),
  few_shot_selection: z.enum(['random', 'stratified', 'similar', 'bootstrapped']).default('stratified'),
  few_shot_pool: z.number().int().positive().default(2000),
  random_state: z.number().int().default(0),
  parse: z.enum(['auto', 'exact', 'insensitive', 'json', 'regex']).default('auto'),
  regex: z.string().nullable().default(null),
  structured_output: z.boolean().default(false),
  probabilities: z.enum(['auto', 'logprobs', 'samples', 'one-hot']).default('auto'),
  samples: z.number().int().min(1).max(64).default(1),
  top_logprobs: z.number().int().min(1).max(20).default(10),
  concurrency: z.number().int().positive().max(1024).default(8),
  timeout_ms: z.number().int().positive().default(60_000),
  max_attempts: z.number().int().positive().max(20).default(6),
  cache: z.string().min(1).nullable().default('memory'),
  max_cost: z.number().positive().nullable().default(null),
  prices: z.record(z.string(), price).default({}),
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
