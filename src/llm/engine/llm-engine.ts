import { createRng, type Rng } from '../../core/rng.js';
import type { ResponseCache } from '../cache/response-cache.js';
import { type AimdLimiter, createAimdLimiter } from './aimd-limiter.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './call-with-retries.js';

export interface LlmEngineOptions {
  /** The most requests in flight per (base URL, model); AIMD adapts below it. */
  readonly maxConcurrency?: number;
  readonly policy?: Partial<RetryPolicy>;
  /** Omit for no caching (`--no-cache`). */
  readonly cache?: ResponseCache;
  /** Seeds the backoff jitter. */
  readonly seed?: number;
}

/**
 * The context every LLM call runs in: one AIMD limiter per (base URL, model) — so two classifiers on one
 * endpoint share its rate limit — the retry policy, the response cache and the jitter RNG. It is passed
 * around, never a module global.
 */
export interface LlmEngine {
  readonly policy: RetryPolicy;
  readonly cache: ResponseCache | undefined;
  readonly rng: Rng;
  readonly maxConcurrency: number;
  limiterFor(baseURL: string, model: string): AimdLimiter;
  /**
   * `call`'s promise, or the one already in flight under `key`: concurrent folds asking the same row
   * (same cache key) make one HTTP call, as they would one after another with the cache.
   */
  joinInFlight<T>(key: string, call: () => Promise<T>): Promise<T>;
}

export function createLlmEngine(options: LlmEngineOptions = {}): LlmEngine {
  const maxConcurrency = options.maxConcurrency ?? 8;
  const limiters = new Map<string, AimdLimiter>();
  const inFlight = new Map<string, Promise<unknown>>();
  return {
    policy: { ...DEFAULT_RETRY_POLICY, ...options.policy },
    cache: options.cache,
    rng: createRng(options.seed ?? 0),
    maxConcurrency,
    limiterFor(baseURL, model) {
      const key = `${baseURL}\u0000${model}`;
      let limiter = limiters.get(key);
      if (!limiter) {
        limiter = createAimdLimiter({ maxConcurrency });
        limiters.set(key, limiter);
      }
      return limiter;
    },
    joinInFlight<T>(key: string, call: () => Promise<T>): Promise<T> {
      const pending = inFlight.get(key);
      if (pending !== undefined) return pending as Promise<T>;
      const started = call().finally(() => inFlight.delete(key));
      inFlight.set(key, started);
      return started;
    },
  };
}
