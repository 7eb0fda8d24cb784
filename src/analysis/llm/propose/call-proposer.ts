import { createRng } from '../../../core/rng.js';
import { responseCacheKey } from '../../../llm/cache/cache-key.js';
import { callWithRetries, DEFAULT_RETRY_POLICY } from '../../../llm/engine/call-with-retries.js';
import { createLlmEngine } from '../../../llm/engine/llm-engine.js';
import type { ChatMessage } from '../../../llm/provider/chat-types.js';
import type { LlmClassifierParams } from '../../../models/llm-classifier/params.js';
import { type LlmRuntime, providerFor } from '../../../models/llm-classifier/runtime.js';

/** Room for a handful of instructions; the parser cuts each one anyway. */
const PROPOSER_MAX_TOKENS = 1500;

/**
 * One call to the proposer's endpoint (with the classifier's retries and timeout); its answer's text.
 * With a cache in the runtime the answer is kept there, so a rerun on the same store asks nothing.
 */
export async function callProposer(
  params: LlmClassifierParams,
  messages: readonly ChatMessage[],
  runtime: LlmRuntime,
  signal?: AbortSignal,
): Promise<string> {
  const provider = providerFor(params, runtime);
  const engine = runtime.engine ?? createLlmEngine({ maxConcurrency: 1, seed: params.random_state });
  const request = {
    model: params.model,
    messages,
    temperature: params.temperature,
    maxTokens: PROPOSER_MAX_TOKENS,
    ...(params.seed === null ? {} : { seed: params.seed }),
  };
  const cache = runtime.cache ?? undefined;
  const key = cache && responseCacheKey(provider.baseURL, request, 0);
  const hit = key === undefined ? undefined : await cache?.get(key);
  if (hit) return hit.choices[0]?.text ?? '';
  const result = await callWithRetries(request, {
    provider,
    limiter: engine.limiterFor(provider.baseURL, params.model),
    policy: { ...DEFAULT_RETRY_POLICY, timeoutMs: params.timeout_ms, maxAttempts: params.max_attempts },
    rng: createRng(params.random_state),
    signal,
  });
  if (key !== undefined) await cache?.set(key, result);
  return result.choices[0]?.text ?? '';
}
