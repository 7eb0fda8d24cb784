import type { Redis } from 'ioredis';
import { ModeldebugError } from '../core/errors.js';
import { contentHash } from './content-hash.js';

/** Blobs live a week after their last upload or use: long enough to resume a run the next day. */
const BLOB_TTL_SECONDS = 7 * 24 * 3600;

export function blobKey(hash: string): string {
  return `modeldebug:blob:${hash}`;
}

/**
 * Content-addressed bytes in Redis. `put` uploads only when the key is missing (a dataset goes over
 * the wire once, whatever the number of jobs or runs that use it) and returns the SHA-256 it is
 * stored under.
 */
export async function putBlob(redis: Redis, bytes: Buffer): Promise<string> {
  const hash = contentHash(bytes);
  const key = blobKey(hash);
  // EXPIRE answers 1 when the key exists (and refreshes its lifetime): then there is nothing to send.
  if ((await redis.expire(key, BLOB_TTL_SECONDS)) === 1) return hash;
  await redis.set(key, bytes, 'EX', BLOB_TTL_SECONDS, 'NX');
  return hash;
}

/** The blob's bytes, checked against their hash so a worker never fits on a corrupted copy. */
export async function getBlob(redis: Redis, hash: string): Promise<Buffer> {
  const bytes = await redis.getBuffer(blobKey(hash));
  if (!bytes) {
    throw new ModeldebugError('invalid_argument', `blob ${hash.slice(0, 12)} is not in Redis`, {
      hint: 'it expired or Redis was restarted: run the search again (--resume re-uploads the data)',
    });
  }
  if (contentHash(bytes) !== hash) {
    throw new ModeldebugError('internal', `blob ${hash.slice(0, 12)} in Redis does not match its hash`);
  }
  return bytes;
}
