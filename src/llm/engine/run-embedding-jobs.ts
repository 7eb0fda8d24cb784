import { type EmbeddingCache, embeddingCacheKey } from '../cache/embedding-cache.js';
import type { EmbeddingRequest, EmbeddingsProvider } from '../provider/embeddings-provider.js';
import { withRetries } from './call-with-retries.js';
import type { LlmEngine } from './llm-engine.js';

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
        const result = await withRetries((callOptions) => provider.embed(request, callOptions), {
          limiter,
          policy: engine.policy,
          rng: engine.rng,
          signal,
        });
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
