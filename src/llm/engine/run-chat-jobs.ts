import { setMaxListeners } from 'node:events';
import { responseCacheKey } from '../cache/cache-key.js';
import type { ChatProvider } from '../provider/chat-provider.js';
import type { ChatResult } from '../provider/chat-types.js';
import { isLlmCallError, LlmCallError } from '../provider/llm-call-error.js';
import { callWithRetries } from './call-with-retries.js';
import type { CallGate, ChatJob, ChatJobResult, RunChatJobsOptions } from './chat-job-types.js';
import { createChatRunTally } from './chat-run-tally.js';
import type { LlmEngine } from './llm-engine.js';
import type { RunSummary } from './run-progress.js';

export type { CallGate, ChatJob, ChatJobResult, RunChatJobsOptions } from './chat-job-types.js';
export type { RunSummary } from './run-progress.js';

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
  const tally = createChatRunTally(options, onResult);
  const gated = options.callGate ? gatedProvider(provider, options.callGate) : provider;
  let fatal: unknown;
  const iterator = jobs[Symbol.iterator]();
  let nextIndex = 0;

  const runOne = async (job: ChatJob): Promise<ChatJobResult> => {
    const key = responseCacheKey(provider.baseURL, job.request, job.sampleIndex);
    const hit = await engine.cache?.get(key);
    if (hit) return { ok: true, result: hit, cached: true };
    const limiter = engine.limiterFor(provider.baseURL, job.request.model);
    const call = async () => {
      const result = await callWithRetries(job.request, {
        provider: gated,
        limiter,
        policy: engine.policy,
        rng: engine.rng,
        signal,
      });
      await engine.cache?.set(key, result);
      return result;
    };
    try {
      // With a cache, a request already in flight is joined (and counted as a cache hit, no HTTP call).
      let joined = engine.cache !== undefined;
      const result = await (engine.cache === undefined
        ? call()
        : engine.joinInFlight(key, () => {
            joined = false;
            return call();
          }));
      return { ok: true, result, cached: joined };
    } catch (error) {
      if (isLlmCallError(error) && error.isRetryable) return { ok: false, error };
      throw error;
    }
  };

  const step = async (): Promise<boolean> => {
    const next = iterator.next();
    if (next.done) return false;
    const index = nextIndex++;
    tally.record(index, next.value, await runOne(next.value));
    return true;
  };

  // Whatever throws — a fail-fast answer, the job source, a caller's callback — stops every worker.
  const worker = async (): Promise<void> => {
    try {
      while (!signal.aborted && !tally.budgetExceeded() && (await step()));
    } catch (error) {
      if (fatal === undefined && !options.signal?.aborted) fatal = error;
      stop.abort();
    }
  };

  // Twice as many workers as request slots: a job sleeping in backoff holds a worker, not a slot.
  await Promise.all(Array.from({ length: 2 * Math.max(1, engine.maxConcurrency) }, worker));
  return tally.finish(fatal);
}

/**
 * Asks the gate before each attempt, once it holds a request slot (so only calls really in flight hold a
 * reservation), and settles it with the answer — or with nothing when the attempt failed, unbilled.
 */
function gatedProvider(provider: ChatProvider, gate: CallGate): ChatProvider {
  return {
    specificationVersion: provider.specificationVersion,
    baseURL: provider.baseURL,
    async complete(request, callOptions) {
      // Not retryable: the run stops at once.
      if (!gate.admit(request))
        throw new LlmCallError('aborted', 'the caller refused the next call (its spend cap)');
      let result: ChatResult | undefined;
      try {
        result = await provider.complete(request, callOptions);
        return result;
      } finally {
        gate.settle(request, result);
      }
    },
  };
}
