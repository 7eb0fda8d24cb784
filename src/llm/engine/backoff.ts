import type { Rng } from '../../core/rng.js';

export interface BackoffOptions {
  /** The first delay (before jitter). */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/**
 * Exponential backoff with "equal jitter": half of base·2^attempt fixed, half uniform, capped. A
 * Retry-After from the server wins when it asks for longer. `attempt` counts from 0.
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions,
  rng: Rng,
  retryAfterMs?: number,
): number {
  const exponential = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt);
  const jittered = exponential / 2 + (rng.next() * exponential) / 2;
  return retryAfterMs === undefined ? jittered : Math.max(retryAfterMs, jittered);
}
