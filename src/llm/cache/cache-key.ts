import { createHash } from 'node:crypto';
import type { ChatRequest } from '../provider/chat-types.js';
import { canonicalJson } from './canonical-json.js';

/** Bump when the key's inputs or the cached value's shape change: old entries then simply miss. */
export const CACHE_KEY_VERSION = 1;

/**
 * `v1:` + SHA-256 of the canonical JSON of (baseURL, the whole request — model, messages, every param —
 * and the sample index). The API key is not an input: two keys on one endpoint share answers.
 */
export function responseCacheKey(baseURL: string, request: ChatRequest, sampleIndex: number): string {
  const material = canonicalJson({ version: CACHE_KEY_VERSION, baseURL, request, sampleIndex });
  return `v${CACHE_KEY_VERSION}:${createHash('sha256').update(material).digest('hex')}`;
}
