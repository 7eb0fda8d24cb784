export { type AimdLimiter, type AimdOptions, createAimdLimiter } from './aimd-limiter.js';
export { type BackoffOptions, backoffDelay } from './backoff.js';
export { CACHE_KEY_VERSION, responseCacheKey } from './cache-key.js';
export {
  type CallContext,
  callWithRetries,
  DEFAULT_RETRY_POLICY,
  type RetryContext,
  type RetryPolicy,
  withRetries,
} from './call-with-retries.js';
export { canonicalJson } from './canonical-json.js';
export type { CallOptions, ChatProvider, FetchFunction } from './chat-provider.js';
export type {
  ChatChoice,
  ChatMessage,
  ChatRequest,
  ChatResult,
  JsonSchemaFormat,
  TokenAlternative,
  TokenLogprob,
  TokenUsage,
} from './chat-types.js';
export { describeProgress } from './describe-progress.js';
export {
  createMemoryEmbeddingCache,
  type EmbeddingCache,
  embeddingCacheFromParam,
  embeddingCacheKey,
  openSqliteEmbeddingCache,
} from './embedding-cache.js';
export {
  createOpenAIEmbeddingsProvider,
  type EmbeddingRequest,
  type EmbeddingResult,
  type EmbeddingsProvider,
} from './embeddings-provider.js';
export { isLlmCallError, LlmCallError, type LlmFailureReason, reasonForStatus } from './llm-call-error.js';
export { createLlmEngine, type LlmEngine, type LlmEngineOptions } from './llm-engine.js';
export {
  createOpenAIProvider,
  normaliseBaseURL,
  OPENAI_BASE_URL,
  type OpenAIProviderOptions,
} from './openai-provider.js';
export { costOf, estimateTokens, type ModelPrice, type PriceTable } from './price-table.js';
export { redactSecret } from './redact-secret.js';
export { createMemoryCache, type ResponseCache } from './response-cache.js';
export { parseRetryAfter } from './retry-after.js';
export {
  type ChatJob,
  type ChatJobResult,
  type RunChatJobsOptions,
  type RunSummary,
  runChatJobs,
} from './run-chat-jobs.js';
export { type EmbeddingRunSummary, type EmbedTextsOptions, embedTexts } from './run-embedding-jobs.js';
export type { ProgressSink, RunProgress } from './run-progress.js';
export { sleep } from './sleep.js';
export { openSqliteCache, SQLITE_CACHE_TABLE, type SqliteCache } from './sqlite-cache.js';
