import { randomBytes } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import { ModeldebugError } from '../core/errors.js';
import { responseCacheKey } from '../llm/cache/cache-key.js';
import { createChatRunTally } from '../llm/engine/chat-run-tally.js';
import type { LlmEngine } from '../llm/engine/llm-engine.js';
import type { ChatJob, ChatJobResult, RunChatJobsOptions, RunSummary } from '../llm/engine/run-chat-jobs.js';
import type { ChatProvider } from '../llm/provider/chat-provider.js';
import { LlmCallError, type LlmFailureReason } from '../llm/provider/llm-call-error.js';
import {
  CHAT_QUEUE,
  type ChatBatchData,
  type ChatBatchResult,
  chatBatchId,
  chatBatchResultSchema,
} from './chat-job.js';
import { JOB_OPTIONS } from './job-options.js';
import { bullConnection, connectRedis, type RedisTarget } from './redis-connection.js';

/** runChatJobs' signature: a caller swaps the local scheduler for the remote one without other changes. */
export type ChatJobRunner = (
  engine: LlmEngine,
  provider: ChatProvider,
  jobs: Iterable<ChatJob>,
  onResult: (index: number, result: ChatJobResult) => void,
  options: RunChatJobsOptions,
) => Promise<RunSummary>;

export interface RemoteChatRunnerOptions {
  readonly redis: RedisTarget;
  /** Names the run's batches (the run id: a resumed run finds batches answered meanwhile). */
  readonly runKey?: string;
  /** The environment variable workers read the endpoint's API key from; null for keyless servers. */
  readonly apiKeyEnv?: string | null;
  /** Items per job; default 25. */
  readonly batchSize?: number;
  /** Batches queued at once (more wait in the iterator, so a cost limit can stop dispatch); default 16. */
  readonly batchesInFlight?: number;
}

/**
 * LLM items as BullMQ jobs, a batch per job, answered by `modeldebug worker` processes: each worker
 * adds its own request slots and retries. The coordinator keeps the cache (looked up before dispatch,
 * written on answer), the cost meter and the budget, exactly as runChatJobs does locally.
 */
export function createRemoteChatRunner(options: RemoteChatRunnerOptions): {
  run: ChatJobRunner;
  close(): Promise<void>;
} {
  const runKey = options.runKey ?? randomBytes(6).toString('hex');
  const batchSize = options.batchSize ?? 25;
  const inFlightLimit = options.batchesInFlight ?? 16;
  const created = new Set<string>();
  let connecting: Promise<{ queue: Queue; events: QueueEvents }> | undefined;
  const connect = () => {
    connecting ??= (async () => {
      (await connectRedis(options.redis)).disconnect();
      const connection = bullConnection(options.redis);
      const queue = new Queue(CHAT_QUEUE, { connection });
      const events = new QueueEvents(CHAT_QUEUE, { connection });
      await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
      // Every run in flight listens for its batches (front runs one per arm and fold at once).
      events.setMaxListeners(0);
      return { queue, events };
    })();
    return connecting;
  };

  const run: ChatJobRunner = async (engine, provider, jobs, onResult, runOptions) => {
    const { queue, events } = await connect();
    const tally = createChatRunTally(runOptions, onResult);
    const iterator = jobs[Symbol.iterator]();
    let nextIndex = 0;
    let exhausted = false;
    const pending = new Map<string, { indices: number[]; items: ChatJob[] }>();
    let wake: (() => void) | undefined;
    let fatal: unknown;
    let refusal: LlmCallError | undefined;

    const settling = new Set<string>();
    const settle = async (jobId: string, returned: unknown) => {
      const batch = pending.get(jobId);
      if (!batch || settling.has(jobId)) return;
      // Pending until every answer is delivered: the run must not end while deliver awaits the cache.
      settling.add(jobId);
      try {
        await settleBatch(jobId, batch, returned);
      } finally {
        pending.delete(jobId);
        settling.delete(jobId);
      }
      wake?.();
    };
    const settleBatch = async (
      jobId: string,
      batch: { indices: number[]; items: ChatJob[] },
      returned: unknown,
    ) => {
      const parsed = chatBatchResultSchema.safeParse(
        typeof returned === 'string' ? JSON.parse(returned) : returned,
      );
      if (!parsed.success || (!parsed.data.fatal && parsed.data.items.length !== batch.items.length)) {
        fatal ??= new ModeldebugError(
          'internal',
          `LLM batch ${jobId} returned a result this version cannot read`,
        );
      } else if (parsed.data.fatal) {
        fatal ??= toError(parsed.data.fatal);
      } else {
        await deliver(batch, parsed.data);
      }
    };
    const deliver = async (batch: { indices: number[]; items: ChatJob[] }, result: ChatBatchResult) => {
      for (const [k, item] of result.items.entries()) {
        const job = batch.items[k];
        const outcome: ChatJobResult = item.ok
          ? { ok: true, result: item.result, cached: false }
          : { ok: false, error: toError(item) };
        // Admitted at dispatch: the worker's answer brings its usage and the latency it measured.
        runOptions.callGate?.settle(job.request, outcome.ok ? outcome.result : undefined);
        if (outcome.ok)
          await engine.cache?.set(
            responseCacheKey(provider.baseURL, job.request, job.sampleIndex),
            outcome.result,
          );
        tally.record(batch.indices[k], job, outcome);
      }
    };
    const onCompleted = ({ jobId, returnvalue }: { jobId: string; returnvalue: unknown }) => {
      settle(jobId, returnvalue).catch((error: unknown) => {
        fatal ??= error;
        wake?.();
      });
    };
    const onFailed = ({ jobId, failedReason }: { jobId: string; failedReason: string }) => {
      if (!pending.has(jobId)) return;
      fatal ??= new ModeldebugError(
        'internal',
        `an LLM batch failed ${JOB_OPTIONS.attempts} times: ${failedReason}`,
      );
      wake?.();
    };
    events.on('completed', onCompleted);
    events.on('failed', onFailed);
    try {
      while (fatal === undefined && !runOptions.signal?.aborted) {
        while (!exhausted && !tally.budgetExceeded() && pending.size < inFlightLimit) {
          const batch = { indices: [] as number[], items: [] as ChatJob[] };
          while (batch.items.length < batchSize) {
            const next = iterator.next();
            if (next.done) {
              exhausted = true;
              break;
            }
            const index = nextIndex++;
            const key = responseCacheKey(provider.baseURL, next.value.request, next.value.sampleIndex);
            const hit = await engine.cache?.get(key);
            if (hit) tally.record(index, next.value, { ok: true, result: hit, cached: true });
            else if (runOptions.callGate && !runOptions.callGate.admit(next.value.request)) {
              // The caller's cap: what is already admitted (this batch included) goes out and is
              // awaited, so its answers are cached and settled; nothing more is dispatched.
              refusal = new LlmCallError('aborted', 'the caller refused the next call (its spend cap)');
              exhausted = true;
              break;
            } else {
              batch.indices.push(index);
              batch.items.push(next.value);
            }
          }
          if (batch.items.length === 0) continue;
          const data: ChatBatchData = {
            version: 1,
            baseURL: provider.baseURL,
            apiKeyEnv: options.apiKeyEnv ?? null,
            items: batch.items.map((item) => ({ request: item.request, sampleIndex: item.sampleIndex })),
          };
          const jobId = chatBatchId(runKey, data);
          pending.set(jobId, batch);
          created.add(jobId);
          await queue.add('llm-batch', data, { ...JOB_OPTIONS, jobId });
          // Answered before this run asked (a resumed run): no event will announce it.
          const existing = await queue.getJob(jobId);
          if (existing?.finishedOn && existing.returnvalue) await settle(jobId, existing.returnvalue);
        }
        if (pending.size === 0 && (exhausted || tally.budgetExceeded())) break;
        await new Promise<void>((resolve) => {
          wake = resolve;
          // Events can be missed across a reconnect: look at the oldest batch now and then.
          setTimeout(resolve, 5000);
        });
        wake = undefined;
        if (fatal === undefined) await sweep(queue, pending, settle);
      }
    } finally {
      events.off('completed', onCompleted);
      events.off('failed', onFailed);
    }
    return tally.finish(fatal ?? refusal);
  };

  return {
    run,
    async close() {
      const connection = await connecting?.catch(() => undefined);
      if (!connection) return;
      await Promise.all([...created].map((id) => connection.queue.remove(id).catch(() => 0)));
      await connection.events.close();
      await connection.queue.close();
    },
  };
}

async function sweep(
  queue: Queue,
  pending: ReadonlyMap<string, unknown>,
  settle: (jobId: string, returned: unknown) => Promise<void>,
): Promise<void> {
  for (const jobId of [...pending.keys()]) {
    const job = await queue.getJob(jobId);
    if (job?.finishedOn && job.returnvalue) await settle(jobId, job.returnvalue);
  }
}

function toError(failure: { reason: string; message: string; statusCode?: number }): LlmCallError {
  return new LlmCallError(failure.reason as LlmFailureReason, failure.message, {
    statusCode: failure.statusCode,
  });
}
