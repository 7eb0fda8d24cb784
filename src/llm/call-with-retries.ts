import type { Rng } from '../core/rng.js';
import type { AimdLimiter } from './aimd-limiter.js';
import { backoffDelay } from './backoff.js';
import type { ChatProvider } from './chat-provider.js';
import type { ChatRequest, ChatResult } from './chat-types.js';
import { LlmCallError } from './llm-call-error.js';
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

export interface CallContext {
  readonly provider: ChatProvider;
  readonly limiter: AimdLimiter;
  readonly policy: RetryPolicy;
  readonly rng: Rng;
  readonly signal?: AbortSignal;
}

/**
 * One request through the limiter: transient failures (429, 5xx, timeouts, resets, malformed or empty
 * bodies) are retried with jittered exponential backoff, honouring Retry-After; a 429 also halves the
 * limiter. Other failures, and the last transient one, are thrown as `LlmCallError`.
 */
export async function callWithRetries(request: ChatRequest, context: CallContext): Promise<ChatResult> {
  const { policy, signal } = context;
  for (let attempt = 0; ; attempt++) {
    const outcome = await attemptOnce(request, context);
    if (outcome.ok) return outcome.result;
    const failure = outcome.error;
    const retryAfter =
      failure.retryAfterMs === undefined ? undefined : Math.min(failure.retryAfterMs, policy.maxRetryAfterMs);
    if (failure.reason === 'rate_limit') context.limiter.onRateLimit();
    if (!failure.isRetryable || attempt + 1 >= policy.maxAttempts || signal?.aborted) throw failure;
    await sleep(backoffDelay(attempt, policy, context.rng, retryAfter), signal);
  }
}

type Attempt =
  | { readonly ok: true; readonly result: ChatResult }
  | { readonly ok: false; readonly error: LlmCallError };

async function attemptOnce(request: ChatRequest, context: CallContext): Promise<Attempt> {
  const { limiter, signal } = context;
  await limiter.acquire(signal);
  try {
    const result = await context.provider.complete(request, { signal, timeoutMs: context.policy.timeoutMs });
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
