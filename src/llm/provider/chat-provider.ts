import type { ChatRequest, ChatResult } from './chat-types.js';

export interface CallOptions {
  readonly signal?: AbortSignal;
  /** Per-request timeout; a request still running after it fails with reason `timeout`. */
  readonly timeoutMs: number;
}

/**
 * The small versioned interface every endpoint implements (the AI SDK's provider spec). It makes one
 * HTTP attempt and throws an `LlmCallError`; retries, backoff, concurrency and caching live in the
 * scheduler, so a provider never retries on its own.
 */
export interface ChatProvider {
  readonly specificationVersion: 'v1';
  /** Normalised base URL: part of the cache key and of the concurrency-limiter key. */
  readonly baseURL: string;
  complete(request: ChatRequest, options: CallOptions): Promise<ChatResult>;
}

/** A `fetch` the caller can replace (tests, proxies, recording). */
export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
