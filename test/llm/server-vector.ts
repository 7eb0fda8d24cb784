import { createHash } from 'node:crypto';

/** What the test server sends for a text: the first 8 bytes of its SHA-256 over 255, as float32. */
export function serverVector(text: string): number[] {
  const digest = createHash('sha256').update(text).digest();
  return Array.from(Float32Array.from(digest.subarray(0, 8), (b) => b / 255));
}
