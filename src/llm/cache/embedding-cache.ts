import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { canonicalJson } from './canonical-json.js';
import { cacheFromSpec, createMemoryKeyedCache } from './keyed-cache.js';

/** Vectors kept between runs by `embeddingCacheKey`; a hit makes no HTTP call. */
export interface EmbeddingCache {
  get(key: string): Promise<Float64Array | undefined>;
  set(key: string, vector: Float64Array): Promise<void>;
}

export const EMBEDDING_CACHE_KEY_VERSION = 1;

/** `e1:` + SHA-256 of (baseURL, model, dimensions, the text). The API key is not an input. */
export function embeddingCacheKey(
  baseURL: string,
  model: string,
  dimensions: number | undefined,
  input: string,
): string {
  const material = canonicalJson({
    version: EMBEDDING_CACHE_KEY_VERSION,
    baseURL,
    model,
    dimensions: dimensions ?? null,
    input,
  });
  return `e${EMBEDDING_CACHE_KEY_VERSION}:${createHash('sha256').update(material).digest('hex')}`;
}

export function createMemoryEmbeddingCache(): EmbeddingCache & { readonly size: () => number } {
  return createMemoryKeyedCache<Float64Array>();
}

export const SQLITE_EMBEDDING_TABLE = 'llm_embedding_cache_v1';

/**
 * Vectors in a SQLite file (the same file a chat response cache may use: its own table), stored as
 * float64 blobs so a hit gives back exactly the numbers the endpoint sent.
 */
export function openSqliteEmbeddingCache(path: string): EmbeddingCache & { close(): void } {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec(
    `CREATE TABLE IF NOT EXISTS ${SQLITE_EMBEDDING_TABLE} (key TEXT PRIMARY KEY, vector BLOB NOT NULL) WITHOUT ROWID`,
  );
  const select = db.prepare<[string], { vector: Buffer }>(
    `SELECT vector FROM ${SQLITE_EMBEDDING_TABLE} WHERE key = ?`,
  );
  const upsert = db.prepare<[string, Buffer]>(
    `INSERT OR REPLACE INTO ${SQLITE_EMBEDDING_TABLE} (key, vector) VALUES (?, ?)`,
  );
  return {
    async get(key) {
      const row = select.get(key);
      // A blob that is not whole float64s (hand edits) is a miss, not a crash.
      if (!row || row.vector.byteLength % 8 !== 0 || row.vector.byteLength === 0) return undefined;
      const copy = new Uint8Array(row.vector);
      return new Float64Array(copy.buffer, 0, copy.byteLength / 8);
    },
    async set(key, vector) {
      upsert.run(key, Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength));
    },
    close: () => db.close(),
  };
}

/** The cache a `cache` param names: `memory`, a SQLite file path, or null / `none` for none. */
export function embeddingCacheFromParam(spec: string | null): EmbeddingCache | undefined {
  return cacheFromSpec(spec, createMemoryEmbeddingCache, openSqliteEmbeddingCache);
}
