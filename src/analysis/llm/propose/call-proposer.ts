import { createRng } from '../../../core/rng.js';
import { callWithRetries, DEFAULT_RETRY_POLICY } from '../../../llm/engine/call-with-retries.js';
import { createLlmEngine } from '../../../llm/engine/llm-engine.js';
import type { ChatMessage } from '../../../llm/provider/chat-types.js';
import type { LlmClassifierParams } from '../../../models/llm-classifier/params.js';
import { type LlmRuntime, providerFor } from '../../../models/llm-classifier/runtime.js';

/** Room for a handful of instructions; the parser cuts each one anyway. */
const PROPOSER_MAX_TOKENS = 1500;

/** One call to the proposer's endpoint (with the classifier's retries and timeout); its answer's text. */
export async function callProposer(
  params: LlmClassifierParams,
  messages: readonly ChatMessage[],
  runtime: LlmRuntime,
  signal?: AbortSignal,
): Promise<string> {
  const provider = providerFor(params, runtime);
  const engine = runtime.engine ?? createLlmEngine({ maxConcurrency: 1, seed: params.random_state });
  const result = await callWithRetries(
    {
      model: params.model,
      messages,
      temperature: params.temperature,
      maxTokens: PROPOSER_MAX_TOKENS,
      ...(params.seed === null ? {} : { seed: params.seed }),
    },
    {
      provider,
      limiter: engine.limiterFor(provider.baseURL, params.model),
      policy: { ...DEFAULT_RETRY_POLICY, timeoutMs: params.timeout_ms, maxAttempts: params.max_attempts },
      rng: createRng(params.random_state),
      signal,
    },
  );
  return result.choices[0]?.text ?? '';
}
