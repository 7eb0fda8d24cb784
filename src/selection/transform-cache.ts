import type { StepSpec } from '../catalog/model-spec.js';
import { type Features, featureBytes } from '../core/features.js';

/** A fold's rows after the fitted transform steps of a pipeline (imputer, scaler …). */
export interface PreparedFold {
  readonly train: Features;
  readonly test: Features;
}

/**
 * Candidates that differ only in the classifier's params share the transforms of each fold: fitting the
 * imputer and scaler again for every C gives the same numbers (sklearn's `Pipeline(memory=...)`). The
 * cache keeps prepared folds by transform spec and rows, least recently used first out, within a byte
 * budget. One per executor or worker thread — passed in the task data, never module state.
 */
export interface TransformCache {
  get(key: string): PreparedFold | undefined;
  set(key: string, fold: PreparedFold): void;
}

export function createTransformCache(maxBytes = 1024 ** 3): TransformCache {
  const entries = new Map<string, PreparedFold>();
  let bytes = 0;
  const size = (fold: PreparedFold) => featureBytes(fold.train) + featureBytes(fold.test);
  return {
    get(key) {
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
      }
      return hit;
    },
    set(key, fold) {
      if (size(fold) > maxBytes || entries.has(key)) return;
      entries.set(key, fold);
      bytes += size(fold);
      for (const [oldest, value] of entries) {
        if (bytes <= maxBytes) break;
        entries.delete(oldest);
        bytes -= size(value);
      }
    },
  };
}

/** The cache key: the transform steps as written, and the train and test rows (length plus two hashes). */
export function preparedFoldKey(
  transforms: readonly StepSpec[],
  train: Int32Array,
  test: Int32Array,
): string {
  return `${JSON.stringify(transforms)}|${rowsKey(train)}|${rowsKey(test)}`;
}

function rowsKey(rows: Int32Array): string {
  // Two independent 32-bit multiplicative hashes (FNV-1a and a murmur-style mix): 64 bits in all.
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < rows.length; i++) {
    a = Math.imul(a ^ rows[i], 0x01000193);
    b = Math.imul(b ^ rows[i], 0x5bd1e995);
    b ^= b >>> 15;
  }
  return `${rows.length}:${a >>> 0}:${b >>> 0}`;
}
