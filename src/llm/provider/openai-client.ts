import OpenAI from 'openai';
import type { CallOptions, FetchFunction } from './chat-provider.js';
import { LlmCallError } from './llm-call-error.js';
import { toLlmCallError } from './to-llm-call-error.js';

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

export interface OpenAIClientOptions {
  readonly baseURL?: string;
  /** Read by the caller from the environment variable the params name; never stored elsewhere. */
  readonly apiKey?: string;
  readonly fetch?: FetchFunction;
}

/** What the SDK takes per request: the caller's abort signal and timeout, the SDK's retries off. */
export interface SdkRequestOptions {
  readonly signal?: AbortSignal;
  readonly timeout: number;
  readonly maxRetries: 0;
}

export interface OpenAIClient {
  readonly baseURL: string;
  /** One SDK call; whatever it throws comes out as an `LlmCallError` with the key redacted. */
  send(
    callOptions: CallOptions,
    call: (sdk: OpenAI, options: SdkRequestOptions) => Promise<unknown>,
  ): Promise<unknown>;
}

/**
 * The maintained `openai` SDK for any OpenAI-compatible endpoint, with the SDK's own retries off
 * (`maxRetries: 0`): the chat and embeddings providers make their HTTP calls through this, and `fetch`
 * is injectable.
 */
export function createOpenAIClient(options: OpenAIClientOptions): OpenAIClient {
  const baseURL = normaliseBaseURL(options.baseURL ?? OPENAI_BASE_URL);
  const apiKey = options.apiKey;
  const sdk = new OpenAI({
    baseURL,
    // Local servers take no key, but the SDK insists on one; the placeholder is not a secret.
    apiKey: apiKey ?? 'no-key',
    maxRetries: 0,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return {
    baseURL,
    async send(callOptions, call) {
      // The SDK's `timeout` stops at the response headers; an endpoint that then stalls or trickles its
      // body would hold the call forever. One deadline over headers and body aborts the request, and the
      // race ends the call even if a replaced `fetch` ignores the abort.
      const deadline = new AbortController();
      const signal =
        callOptions.signal === undefined
          ? deadline.signal
          : AbortSignal.any([callOptions.signal, deadline.signal]);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          reject(
            new LlmCallError(
              'timeout',
              `no complete answer within ${callOptions.timeoutMs} ms (headers and body)`,
            ),
          );
          deadline.abort();
        }, callOptions.timeoutMs);
      });
      try {
        return await Promise.race([
          call(sdk, { signal, timeout: callOptions.timeoutMs, maxRetries: 0 }),
          timedOut,
        ]);
      } catch (error) {
        throw toLlmCallError(error, { apiKey, aborted: callOptions.signal?.aborted ?? false });
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

export function normaliseBaseURL(url: string): string {
  return url.trim().replace(/\/+$/, '');
}
