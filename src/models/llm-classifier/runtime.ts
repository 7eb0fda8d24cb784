import { ModeldebugError } from '../../core/errors.js';
import { type CacheFileRuntime, cacheFileFor } from '../../llm/cache/cache-file.js';
import { cacheFromSpec } from '../../llm/cache/keyed-cache.js';
import { createMemoryCache, type ResponseCache } from '../../llm/cache/response-cache.js';
import { openSqliteCache } from '../../llm/cache/sqlite-cache.js';
import { createLlmEngine, type LlmEngine } from '../../llm/engine/llm-engine.js';
import type { runChatJobs } from '../../llm/engine/run-chat-jobs.js';
import type { ProgressSink } from '../../llm/engine/run-progress.js';
import { apiKeyFromEnv } from '../../llm/provider/api-key-from-env.js';
import type { FetchFunction } from '../../llm/provider/chat-provider.js';
import { createOpenAIProvider } from '../../llm/provider/openai-provider.js';
import type { LlmItemSink } from './item-record.js';
import type { LlmClassifierParams } from './params.js';

/**
 * What an LLM classifier needs besides its params, injected rather than global: `fetch` (tests, proxies),
 * the environment the API key is read from, a shared engine (limiters per endpoint and model), a cache
 * that overrides the `cache` param (`null`: none), a progress sink, a sink for finished items and who runs
 * the calls.
 */
export interface LlmRuntime {
  readonly fetch?: FetchFunction;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly engine?: LlmEngine;
  readonly cache?: ResponseCache | null;
  readonly onProgress?: ProgressSink;
  /** Every finished call as it completes: `modeldebug eval` streams them into the run store. */
  readonly onItem?: LlmItemSink;
  /**
   * Runs the calls instead of runChatJobs (same signature): `--redis` passes the remote runner, so the
   * items go to workers while this process keeps the cache, the cost limit and `onItem`.
   */
  readonly runJobs?: typeof runChatJobs;
}

/** The cache a `cache` param names; a SQLite file opens on first use. */
export function cacheFromParam(spec: string | null): ResponseCache | undefined {
  return cacheFromSpec(spec, createMemoryCache, openSqliteCache);
}

/**
 * The LLM runtime a model runtime gives a classifier built from `rawParams`: its own, plus the runtime's
 * cache file when the params choose no cache and the runtime no cache object.
 */
export function llmRuntimeOf(
  rawParams: unknown,
  runtime: (CacheFileRuntime & { readonly llm?: LlmRuntime }) | undefined,
): LlmRuntime {
  const llm = runtime?.llm ?? {};
  const file = cacheFileFor(rawParams, runtime);
  return file === undefined || llm.cache !== undefined
    ? llm
    : { ...llm, cache: cacheFromParam(file) ?? null };
}

export function engineFor(
  params: LlmClassifierParams,
  runtime: LlmRuntime,
  cache: ResponseCache | undefined,
) {
  return (
    runtime.engine ??
    createLlmEngine({
      maxConcurrency: params.concurrency,
      policy: { timeoutMs: params.timeout_ms, maxAttempts: params.max_attempts },
      cache,
      seed: params.random_state,
    })
  );
}

/** The endpoint: the variable `base_url_env` names (which must then be set and a URL), else `base_url`. */
export function resolveBaseURL(params: LlmClassifierParams, runtime: LlmRuntime): string {
  if (params.base_url_env === null) return params.base_url;
  const env = runtime.env ?? process.env;
  const value = env[params.base_url_env];
  const hint = `export ${params.base_url_env}=http://localhost:11434/v1 (Ollama, say) or https://api.openai.com/v1`;
  if (value === undefined || value === '') {
    throw new ModeldebugError(
      'invalid_argument',
      `the environment variable ${params.base_url_env} is not set`,
      {
        where: 'param base_url_env',
        hint,
      },
    );
  }
  if (!URL.canParse(value)) {
    throw new ModeldebugError(
      'invalid_argument',
      `the environment variable ${params.base_url_env} is not a URL: "${value.slice(0, 80)}"`,
      { where: 'param base_url_env', hint },
    );
  }
  return value;
}

/**
 * Reads the key from the variable `api_key_env` names, at call time only. OpenAI's own endpoint needs
 * one; local servers (Ollama, vLLM, llama.cpp, LM Studio) usually take none.
 */
export function readApiKey(params: LlmClassifierParams, runtime: LlmRuntime): string | undefined {
  return apiKeyFromEnv(runtime.env ?? process.env, params.api_key_env, resolveBaseURL(params, runtime));
}

export function providerFor(params: LlmClassifierParams, runtime: LlmRuntime) {
  return createOpenAIProvider({
    baseURL: resolveBaseURL(params, runtime),
    apiKey: readApiKey(params, runtime),
    ...(runtime.fetch ? { fetch: runtime.fetch } : {}),
  });
}
