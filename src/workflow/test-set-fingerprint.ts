import { createHash } from 'node:crypto';
import type { Dataset } from '../data/index.js';

/**
 * A fingerprint of the test rows (their labels and feature values, in order): two runs with the same
 * fingerprint were scored on the same rows, so their errors can be paired (McNemar's test) — a changed
 * file, split, seed or column set changes it.
 */
export function testSetFingerprint(test: Dataset): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(test.labels.classes));
  hash.update(
    new Uint8Array(test.labels.codes.buffer, test.labels.codes.byteOffset, test.labels.codes.byteLength),
  );
  const { features } = test;
  hash.update(JSON.stringify(features.columns.map((column) => column.name)));
  const arrays = features.sparse
    ? [features.sparse.indptr, features.sparse.indices, features.sparse.data]
    : [features.data];
  for (const array of arrays) hash.update(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  return hash.digest('hex').slice(0, 32);
}
