import type { ChatResult } from '../provider/chat-types.js';
import { createMemoryKeyedCache } from './keyed-cache.js';

/**
 * Where successful answers are kept between runs, by `responseCacheKey`. Errors are never stored, so a
 * rerun retries them; a hit makes no HTTP call.
 */
export interface ResponseCache {
  get(key: string): Promise<ChatResult | undefined>;
  set(key: string, value: ChatResult): Promise<void>;
}

/** A process-local cache (the default): answers live as long as the classifier that made them. */
export function createMemoryCache(): ResponseCache & { readonly size: () => number } {
  return createMemoryKeyedCache<ChatResult>();
}
