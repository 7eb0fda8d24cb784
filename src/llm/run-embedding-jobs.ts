import type { Rng } from '../core/rng.js';
import type { AimdLimiter } from './aimd-limiter.js';
import { backoffDelay } from './backoff.js';
import type { RetryPolicy } from './call-with-retries.js';
import { type EmbeddingCache, embeddingCacheKey } from './embedding-cache.js';
import type { EmbeddingRequest, EmbeddingResult, EmbeddingsProvider } from './embeddings-provider.js';
import { LlmCallError } from './llm-call-error.js';
import type { LlmEngine } from './llm-engine.js';
import { sleep } from './sleep.js';

export interface EmbedTextsOptions {
  readonly model: string;
  readonly dimensions?: number;
  /** Inputs per request; default 64. */
  readonly batchSize?: number;
  readonly cache?: EmbeddingCache;
  readonly signal?: AbortSignal;
}

export interface EmbeddingRunSummary {
  /** HTTP requests that succeeded (each carries up to batchSize texts). */
  readonly requests: number;
  /** Distinct texts answered from the cache. */
  readonly cacheHits: number;
  readonly promptTokens: number;
}

/**
 * Embeds texts through the engine: each distinct text once, the cache first, then batches through the
 * (base URL, model) limiter with the engine's retry policy. Any failure that outlives its retries fails
 * the whole run: a feature matrix with holes is not a result.
 */
export async function embedTexts(
  engine: LlmEngine,
  provider: EmbeddingsProvider,
  texts: readonly string[],
  options: EmbedTextsOptions,
): Promise<{ vectors: Float64Array[]; summary: EmbeddingRunSummary }> {
  const distinct = [...new Set(texts)];
  const found = new Map<string, Float64Array>();
  let cacheHits = 0;
  const missing: string[] = [];
  for (const text of distinct) {
    const hit = await options.cache?.get(
      embeddingCacheKey(provider.baseURL, options.model, options.dimensions, text),
    );
    if (hit) {
      found.set(text, hit);
      cacheHits++;
    } else missing.push(text);
  }
  const batchSize = options.batchSize ?? 64;
  const batches: string[][] = [];
  for (let start = 0; start < missing.length; start += batchSize)
    batches.push(missing.slice(start, start + batchSize));
  const limiter = engine.limiterFor(provider.baseURL, options.model);
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  let requests = 0;
  let promptTokens = 0;
  let next = 0;
  let failure: unknown;
  const worker = async () => {
    try {
      while (next < batches.length && !signal.aborted) {
        const batch = batches[next++];
        const request: EmbeddingRequest = {
          model: options.model,
          inputs: batch,
          ...(options.dimensions === undefined ? {} : { dimensions: options.dimensions }),
        };
        const result = await embedWithRetries(request, provider, limiter, engine.policy, engine.rng, signal);
        requests++;
        promptTokens += result.promptTokens;
        for (const [i, text] of batch.entries()) {
          found.set(text, result.vectors[i]);
          await options.cache?.set(
            embeddingCacheKey(provider.baseURL, options.model, options.dimensions, text),
            result.vectors[i],
          );
        }
      }
    } catch (error) {
      failure ??= error;
      stop.abort();
    }
  };
  const workers = Math.max(1, Math.min(engine.maxConcurrency, batches.length));
  await Promise.all(Array.from({ length: workers }, worker));
  if (failure !== undefined) throw failure;
  options.signal?.throwIfAborted();
  return {
    vectors: texts.map((text) => found.get(text)!),
    summary: { requests, cacheHits, promptTokens },
  };
}

/**
 * One embeddings request with the chat calls' policy: transient failures (429, 5xx, timeouts, resets,
 * malformed bodies) retried with jittered backoff, honouring Retry-After; a 429 halves the limiter.
 * (call-with-retries.ts is typed to chat requests, so the loop is repeated here for this request type.)
 */
async function embedWithRetries(
  request: EmbeddingRequest,
  provider: EmbeddingsProvider,
  limiter: AimdLimiter,
  policy: RetryPolicy,
  rng: Rng,
  signal: AbortSignal,
): Promise<EmbeddingResult> {
  for (let attempt = 0; ; attempt++) {
    let failure: LlmCallError;
    await limiter.acquire(signal);
    try {
      const result = await provider.embed(request, { signal, timeoutMs: policy.timeoutMs });
      limiter.onSuccess();
      return result;
    } catch (error) {
      failure =
        error instanceof LlmCallError
          ? error
          : new LlmCallError('connection', `request failed: ${String(error)}`);
    } finally {
      limiter.release();
    }
    if (failure.reason === 'rate_limit') limiter.onRateLimit();
    if (!failure.isRetryable || attempt + 1 >= policy.maxAttempts || signal.aborted) throw failure;
    const retryAfter =
      failure.retryAfterMs === undefined ? undefined : Math.min(failure.retryAfterMs, policy.maxRetryAfterMs);
    await sleep(backoffDelay(attempt, policy, rng, retryAfter), signal);
  }
}
