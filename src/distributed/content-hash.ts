import { createHash } from 'node:crypto';

/** SHA-256 of the bytes, hex: the name a blob is stored and fetched under. */
export function contentHash(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
