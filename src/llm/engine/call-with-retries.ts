import type { Rng } from '../../core/rng.js';
import type { CallOptions, ChatProvider } from '../provider/chat-provider.js';
import type { ChatRequest, ChatResult } from '../provider/chat-types.js';
import { LlmCallError } from '../provider/llm-call-error.js';
import type { AimdLimiter } from './aimd-limiter.js';
import { backoffDelay } from './backoff.js';
import { sleep } from './sleep.js';

export interface RetryPolicy {
  /** Attempts per request, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly timeoutMs: number;
  /** A longer Retry-After is cut to this, so one header cannot stall a run for hours. */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 250,
  maxDelayMs: 20_000,
  timeoutMs: 60_000,
  maxRetryAfterMs: 120_000,
};

export interface RetryContext {
  readonly limiter: AimdLimiter;
  readonly policy: RetryPolicy;
  readonly rng: Rng;
  readonly signal?: AbortSignal;
}

export interface CallContext extends RetryContext {
  readonly provider: ChatProvider;
}

/**
 * One chat request through the limiter with retries (see `withRetries`); failures are thrown as
 * `LlmCallError`.
 */
export function callWithRetries(request: ChatRequest, context: CallContext): Promise<ChatResult> {
  return withRetries((callOptions) => context.provider.complete(request, callOptions), context);
}

/**
 * One request of any kind (chat, embeddings) through the limiter: transient failures (429, 5xx,
 * timeouts, resets, malformed or empty bodies) are retried with jittered exponential backoff, honouring
 * Retry-After; a 429 also halves the limiter. Other failures, and the last transient one, are thrown as
 * `LlmCallError`.
 */
export async function withRetries<T>(
  call: (options: CallOptions) => Promise<T>,
  context: RetryContext,
): Promise<T> {
  const { policy, signal } = context;
  for (let attempt = 0; ; attempt++) {
    const outcome = await attemptOnce(call, context);
    if (outcome.ok) return outcome.result;
    const failure = outcome.error;
    const retryAfter =
      failure.retryAfterMs === undefined ? undefined : Math.min(failure.retryAfterMs, policy.maxRetryAfterMs);
    if (failure.reason === 'rate_limit') context.limiter.onRateLimit();
    if (!failure.isRetryable || attempt + 1 >= policy.maxAttempts || signal?.aborted) throw failure;
    await sleep(backoffDelay(attempt, policy, context.rng, retryAfter), signal);
  }
}

type Attempt<T> =
  | { readonly ok: true; readonly result: T }
  | { readonly ok: false; readonly error: LlmCallError };

async function attemptOnce<T>(
  call: (options: CallOptions) => Promise<T>,
  context: RetryContext,
): Promise<Attempt<T>> {
  const { limiter, signal } = context;
  await limiter.acquire(signal);
  try {
    const result = await call({ signal, timeoutMs: context.policy.timeoutMs });
    limiter.onSuccess();
    return { ok: true, result };
  } catch (error) {
    const failure =
      error instanceof LlmCallError
        ? error
        : new LlmCallError('connection', `request failed: ${String(error)}`);
    return { ok: false, error: failure };
  } finally {
    limiter.release();
  }
}
