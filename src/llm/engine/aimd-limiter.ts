/**
 * Additive-increase / multiplicative-decrease concurrency (TCP's congestion control): the limit halves on
 * a 429, at most once per window of answers, and grows by 1/limit per success (about +1 per window).
 * After a decrease it first regrows by 1 per success up to the level where the 429 came (CUBIC's fast
 * recovery): an isolated 429 then costs about one round trip of throughput, while a server that keeps
 * refusing keeps the limit near what it can take. Retry-After is honoured per request, by the caller's
 * retry delay (see call-with-retries.ts), as the OpenAI SDKs do.
 */
export interface AimdLimiter {
  /** Waits for a slot (and for any Retry-After pause); rejects if the signal aborts. */
  acquire(signal?: AbortSignal): Promise<void>;
  release(): void;
  onSuccess(): void;
  onRateLimit(): void;
  /** The current concurrency limit (a whole number ≥ minConcurrency). */
  readonly limit: () => number;
  readonly inFlight: () => number;
}

export interface AimdOptions {
  readonly maxConcurrency: number;
  readonly minConcurrency?: number;
  /** Where the limit starts; defaults to the maximum, so a healthy endpoint runs at full speed at once. */
  readonly initialConcurrency?: number;
}

export function createAimdLimiter(options: AimdOptions): AimdLimiter {
  const max = Math.max(1, options.maxConcurrency);
  const min = Math.max(1, Math.min(options.minConcurrency ?? 1, max));
  let limit = Math.min(max, Math.max(min, options.initialConcurrency ?? max));
  let recoverTo = limit;
  let inFlight = 0;
  let successesSinceDecrease = Number.POSITIVE_INFINITY;
  const waiters: (() => void)[] = [];

  const wake = (): void => {
    while (waiters.length > 0 && inFlight < Math.floor(limit)) {
      inFlight++;
      waiters.shift()!();
    }
  };

  const waitForSlot = (signal?: AbortSignal): Promise<void> => {
    if (inFlight < Math.floor(limit) && waiters.length === 0) {
      inFlight++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        const index = waiters.indexOf(granted);
        if (index >= 0) waiters.splice(index, 1);
        reject(signal?.reason ?? new Error('aborted'));
      };
      const granted = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      waiters.push(granted);
    });
  };

  return {
    acquire: waitForSlot,
    release() {
      inFlight--;
      wake();
    },
    onSuccess() {
      successesSinceDecrease++;
      limit = Math.min(max, limit < recoverTo ? limit + 1 : limit + 1 / limit);
      wake();
    },
    onRateLimit() {
      // Answers to requests sent before the last decrease say nothing new about the current limit.
      if (successesSinceDecrease < Math.floor(limit)) return;
      recoverTo = limit;
      limit = Math.max(min, limit / 2);
      successesSinceDecrease = 0;
    },
    limit: () => Math.floor(limit),
    inFlight: () => inFlight,
  };
}
