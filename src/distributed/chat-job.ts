import { z } from 'zod';
import { canonicalJson } from '../llm/cache/canonical-json.js';
import type { ChatJob } from '../llm/engine/run-chat-jobs.js';
import type { ChatResult } from '../llm/provider/chat-types.js';
import { contentHash } from './content-hash.js';

/** The queue of LLM batches: a batch of chat requests per job, answered by a worker's own HTTP client. */
export const CHAT_QUEUE = 'modeldebug-chat';

const chatRequestSchema = z.object({
  model: z.string(),
  messages: z.array(z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string() })),
  temperature: z.number().optional(),
  topP: z.number().optional(),
  maxTokens: z.number().optional(),
  seed: z.number().optional(),
  topLogprobs: z.number().optional(),
  jsonSchema: z.object({ name: z.string(), schema: z.record(z.string(), z.unknown()) }).optional(),
});

/**
 * A batch of LLM items: the endpoint and each item's request. The API key is never in Redis: the job
 * names the environment variable the worker reads it from.
 */
export const chatBatchSchema = z.object({
  version: z.literal(1),
  baseURL: z.string(),
  apiKeyEnv: z.string().nullable(),
  items: z.array(z.object({ request: chatRequestSchema, sampleIndex: z.number().int() })),
});
/** What the coordinator sends (the schema's readonly twin, built from the engine's ChatJobs). */
export interface ChatBatchData {
  readonly version: 1;
  readonly baseURL: string;
  readonly apiKeyEnv: string | null;
  readonly items: readonly ChatJob[];
}

export function chatBatchId(runKey: string, data: ChatBatchData): string {
  return `${runKey.replace(/[^\w.-]/g, '_')}-${contentHash(canonicalJson(data)).slice(0, 40)}`;
}

const itemResultSchema = z.union([
  z.object({ ok: z.literal(true), result: z.custom<ChatResult>((value) => typeof value === 'object') }),
  z.object({
    ok: z.literal(false),
    reason: z.string(),
    message: z.string(),
    statusCode: z.number().optional(),
  }),
]);

/**
 * What a worker returns: every item's answer or transient failure (after the worker's retries), or the
 * fail-fast error (401, 404 …) that stopped the batch, which then stops the whole run.
 */
export const chatBatchResultSchema = z.object({
  worker: z.string(),
  items: z.array(itemResultSchema),
  fatal: z.object({ reason: z.string(), message: z.string(), statusCode: z.number().optional() }).optional(),
});
export type ChatBatchResult = z.infer<typeof chatBatchResultSchema>;
