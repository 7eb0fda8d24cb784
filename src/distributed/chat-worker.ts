import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { createLlmEngine } from '../llm/engine/llm-engine.js';
import { type ChatJobResult, runChatJobs } from '../llm/engine/run-chat-jobs.js';
import type { ChatProvider } from '../llm/provider/chat-provider.js';
import { isLlmCallError } from '../llm/provider/llm-call-error.js';
import { createOpenAIProvider } from '../llm/provider/openai-provider.js';
import { CHAT_QUEUE, type ChatBatchResult, chatBatchSchema } from './chat-job.js';
import { bullConnection, type RedisTarget } from './redis-connection.js';

export interface ChatWorkerOptions {
  readonly redis: RedisTarget;
  readonly name: string;
  /** Requests in flight per endpoint from this process (the engine's AIMD ceiling); default 8. */
  readonly maxConcurrency?: number;
  readonly lockDurationMs?: number;
  readonly stalledIntervalMs?: number;
  readonly log?: (line: string) => void;
  /** The process environment the API keys are read from (tests pass their own). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Answers LLM batches with this machine's engine (one AIMD limiter per endpoint, its own retries), so
 * each machine adds its own request slots. No cache here: the coordinator looks items up before
 * dispatching and stores the answers, as the one writer of its cache.
 */
export async function startChatWorker(options: ChatWorkerOptions): Promise<{ close(): Promise<void> }> {
  const engine = createLlmEngine({ maxConcurrency: options.maxConcurrency ?? 8 });
  const env = options.env ?? process.env;
  const providers = new Map<string, ChatProvider>();
  const providerFor = (baseURL: string, apiKeyEnv: string | null) => {
    const key = `${baseURL}\u0000${apiKeyEnv ?? ''}`;
    let provider = providers.get(key);
    if (!provider) {
      provider = createOpenAIProvider({ baseURL, apiKey: apiKeyEnv ? env[apiKeyEnv] : undefined });
      providers.set(key, provider);
    }
    return provider;
  };

  const processor = async (job: Job): Promise<ChatBatchResult> => {
    const parsed = chatBatchSchema.safeParse(job.data);
    if (!parsed.success)
      throw new UnrecoverableError(`job ${job.id} is not an LLM batch this version can read`);
    const { baseURL, apiKeyEnv, items } = parsed.data;
    const results: ChatJobResult[] = new Array(items.length);
    try {
      await runChatJobs(
        engine,
        providerFor(baseURL, apiKeyEnv),
        items,
        (index, result) => {
          results[index] = result;
        },
        { total: items.length },
      );
    } catch (error) {
      if (!isLlmCallError(error)) throw error;
      return {
        worker: options.name,
        items: [],
        fatal: { reason: error.reason, message: error.message, statusCode: error.statusCode },
      };
    }
    return {
      worker: options.name,
      items: results.map((outcome) =>
        outcome.ok
          ? { ok: true, result: outcome.result }
          : {
              ok: false,
              reason: outcome.error.reason,
              message: outcome.error.message,
              statusCode: outcome.error.statusCode,
            },
      ),
    };
  };

  const worker = new Worker(CHAT_QUEUE, processor, {
    connection: bullConnection(options.redis),
    name: options.name,
    // Batches wait on the network, not the CPU: several at once share the engine's request slots.
    concurrency: 4,
    lockDuration: options.lockDurationMs ?? 10_000,
    stalledInterval: options.stalledIntervalMs ?? 5_000,
    maxStalledCount: 5,
  });
  const log = options.log ?? (() => {});
  worker.on('failed', (job, error) =>
    log(`worker ${options.name}: LLM batch ${job?.id ?? '?'} failed: ${error.message}`),
  );
  worker.on('error', (error) => log(`worker ${options.name}: ${error.message}`));
  await worker.waitUntilReady();
  return { close: () => worker.close() };
}
