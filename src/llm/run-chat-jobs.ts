import { setMaxListeners } from 'node:events';
import { ModeldebugError } from '../core/errors.js';
import { responseCacheKey } from './cache-key.js';
import { callWithRetries } from './call-with-retries.js';
import type { ChatProvider } from './chat-provider.js';
import type { ChatRequest, ChatResult } from './chat-types.js';
import { isLlmCallError, LlmCallError } from './llm-call-error.js';
import type { LlmEngine } from './llm-engine.js';
import { costOf, type PriceTable } from './price-table.js';
import type { ProgressSink, RunSummary } from './run-progress.js';
import { createUsageMeter } from './usage-meter.js';

export interface ChatJob {
  readonly request: ChatRequest;
  /** Which of n self-consistency samples this is; part of the cache key. */
  readonly sampleIndex: number;
}

export type ChatJobResult =
  | { readonly ok: true; readonly result: ChatResult; readonly cached: boolean }
  | { readonly ok: false; readonly error: LlmCallError };

export type { RunSummary } from './run-progress.js';

export interface RunChatJobsOptions {
  /** How many jobs `jobs` yields (for progress and ETA). */
  readonly total: number;
  readonly signal?: AbortSignal;
  readonly prices?: PriceTable;
  /** Stop dispatching once the cost reaches this (US dollars); the run then throws `budget_exceeded`. */
  readonly maxCostUsd?: number;
  readonly onProgress?: ProgressSink;
}

/**
 * Runs jobs through the engine: cache first, then the per-endpoint limiter with retries. Results go to
 * `onResult` as they arrive, in completion order, so a caller can stream them to a store and memory stays
 * flat however many jobs `jobs` yields. A transient failure that outlives its retries is a failed job;
 * a fail-fast one (400/401/403/404) aborts the run and is thrown once, with its hint.
 */
export async function runChatJobs(
  engine: LlmEngine,
  provider: ChatProvider,
  jobs: Iterable<ChatJob>,
  onResult: (index: number, result: ChatJobResult) => void,
  options: RunChatJobsOptions,
): Promise<RunSummary> {
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  // Every in-flight request and waiting job listens to this one signal.
  setMaxListeners(0, signal);
  const meter = createUsageMeter(options.total);
  let fatal: unknown;
  let budgetExceeded = false;
  const iterator = jobs[Symbol.iterator]();
  let nextIndex = 0;

  const runOne = async (job: ChatJob): Promise<ChatJobResult> => {
    const key = responseCacheKey(provider.baseURL, job.request, job.sampleIndex);
    const hit = await engine.cache?.get(key);
    if (hit) return { ok: true, result: hit, cached: true };
    const limiter = engine.limiterFor(provider.baseURL, job.request.model);
    try {
      const result = await callWithRetries(job.request, {
        provider,
        limiter,
        policy: engine.policy,
        rng: engine.rng,
        signal,
      });
      await engine.cache?.set(key, result);
      return { ok: true, result, cached: false };
    } catch (error) {
      if (isLlmCallError(error) && error.isRetryable) return { ok: false, error };
      throw error;
    }
  };

  const step = async (): Promise<boolean> => {
    const next = iterator.next();
    if (next.done) return false;
    const index = nextIndex++;
    const outcome = await runOne(next.value);
    const cost =
      outcome.ok && !outcome.cached
        ? costOf(options.prices ?? {}, next.value.request.model, outcome.result.usage)
        : undefined;
    meter.record(outcome, cost);
    onResult(index, outcome);
    options.onProgress?.(meter.progress());
    if (options.maxCostUsd !== undefined && (meter.costUsd() ?? 0) >= options.maxCostUsd)
      budgetExceeded = true;
    return true;
  };

  // Whatever throws — a fail-fast answer, the job source, a caller's callback — stops every worker.
  const worker = async (): Promise<void> => {
    try {
      while (!signal.aborted && !budgetExceeded && (await step()));
    } catch (error) {
      if (fatal === undefined && !options.signal?.aborted) fatal = error;
      stop.abort();
    }
  };

  // Twice as many workers as request slots: a job sleeping in backoff holds a worker, not a slot.
  await Promise.all(Array.from({ length: 2 * Math.max(1, engine.maxConcurrency) }, worker));
  if (fatal !== undefined) throw fatal;
  if (options.signal?.aborted)
    throw options.signal.reason ?? new LlmCallError('aborted', 'the run was aborted');
  if (budgetExceeded) {
    throw new ModeldebugError(
      'budget_exceeded',
      `the run reached its cost limit of $${options.maxCostUsd} after ${meter.progress().done} of ${options.total} calls`,
      { hint: 'raise max_cost to finish; answers so far are cached, so a rerun pays only for the rest' },
    );
  }
  return meter.summary();
}
