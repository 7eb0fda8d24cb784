export { CACHE_KEY_VERSION, responseCacheKey } from './cache/cache-key.js';
export { canonicalJson } from './cache/canonical-json.js';
export {
  createMemoryEmbeddingCache,
  type EmbeddingCache,
  embeddingCacheFromParam,
  embeddingCacheKey,
  openSqliteEmbeddingCache,
} from './cache/embedding-cache.js';
export { createMemoryCache, type ResponseCache } from './cache/response-cache.js';
export { openSqliteCache, SQLITE_CACHE_TABLE, type SqliteCache } from './cache/sqlite-cache.js';
export { type AimdLimiter, type AimdOptions, createAimdLimiter } from './engine/aimd-limiter.js';
export { type BackoffOptions, backoffDelay } from './engine/backoff.js';
export {
  type CallContext,
  callWithRetries,
  DEFAULT_RETRY_POLICY,
  type RetryContext,
  type RetryPolicy,
  withRetries,
} from './engine/call-with-retries.js';
export { describeProgress } from './engine/describe-progress.js';
export { createLlmEngine, type LlmEngine, type LlmEngineOptions } from './engine/llm-engine.js';
export { costOf, estimateTokens, type ModelPrice, type PriceTable } from './engine/price-table.js';
export {
  type CallGate,
  type ChatJob,
  type ChatJobResult,
  type RunChatJobsOptions,
  type RunSummary,
  runChatJobs,
} from './engine/run-chat-jobs.js';
export { type EmbeddingRunSummary, type EmbedTextsOptions, embedTexts } from './engine/run-embedding-jobs.js';
export type { ProgressSink, RunProgress } from './engine/run-progress.js';
export { sleep } from './engine/sleep.js';
export type { CallOptions, ChatProvider, FetchFunction } from './provider/chat-provider.js';
export type {
  ChatChoice,
  ChatMessage,
  ChatRequest,
  ChatResult,
  JsonSchemaFormat,
  TokenAlternative,
  TokenLogprob,
  TokenUsage,
} from './provider/chat-types.js';
export {
  createOpenAIEmbeddingsProvider,
  type EmbeddingRequest,
  type EmbeddingResult,
  type EmbeddingsProvider,
} from './provider/embeddings-provider.js';
export {
  isLlmCallError,
  LlmCallError,
  type LlmFailureReason,
  reasonForStatus,
} from './provider/llm-call-error.js';
export {
  createOpenAIProvider,
  normaliseBaseURL,
  OPENAI_BASE_URL,
  type OpenAIProviderOptions,
} from './provider/openai-provider.js';
export { redactSecret } from './provider/redact-secret.js';
export { parseRetryAfter } from './provider/retry-after.js';
