import Database from 'better-sqlite3';
import { z } from 'zod';
import type { ChatResult } from '../provider/chat-types.js';
import type { ResponseCache } from './response-cache.js';

/**
 * The one declaration of the cache table: a standalone `cache=` file creates it here, and the run store
 * in its migration 3 (src/store/migrations.ts) from this same text. Never change it: a new shape is a new
 * table name (and key version).
 */
export const SQLITE_CACHE_TABLE = 'llm_response_cache_v1';

export const CREATE_CACHE_TABLE = `CREATE TABLE IF NOT EXISTS ${SQLITE_CACHE_TABLE} (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  created_at INTEGER NOT NULL
) WITHOUT ROWID`;

const alternative = z.object({ token: z.string(), logprob: z.number() });
const cachedResultSchema = z.object({
  choices: z.array(
    z.object({
      text: z.string(),
      finishReason: z.string(),
      refusal: z.string().optional(),
      logprobs: z.array(alternative.extend({ top: z.array(alternative) })).optional(),
    }),
  ),
  usage: z.object({ promptTokens: z.number(), completionTokens: z.number() }),
  latencyMs: z.number().optional(),
});

export interface SqliteCache extends ResponseCache {
  readonly size: () => number;
  close(): void;
}

/**
 * A response cache in a SQLite file (created if missing), or in an open better-sqlite3 connection (the
 * run store's: then `close` leaves the connection to its owner). Each `set` commits on its own, so a
 * killed run keeps every answer it got.
 */
export function openSqliteCache(target: string | Database.Database): SqliteCache {
  const db = typeof target === 'string' ? new Database(target) : target;
  if (typeof target === 'string') {
    db.pragma('journal_mode = WAL');
    // Two runs sharing one cache file wait for each other's write instead of failing.
    db.pragma('busy_timeout = 5000');
  }
  db.exec(CREATE_CACHE_TABLE);
  const select = db.prepare<[string], { value: string }>(
    `SELECT value FROM ${SQLITE_CACHE_TABLE} WHERE key = ?`,
  );
  const upsert = db.prepare<[string, string, number]>(
    `INSERT OR REPLACE INTO ${SQLITE_CACHE_TABLE} (key, value, created_at) VALUES (?, ?, ?)`,
  );
  const count = db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM ${SQLITE_CACHE_TABLE}`);
  return {
    async get(key) {
      const row = select.get(key);
      if (!row) return undefined;
      // A row that no longer reads as a result (hand edits, a bug) is a miss, not a crash.
      const parsed = cachedResultSchema.safeParse(safeJson(row.value));
      return parsed.success ? (parsed.data as ChatResult) : undefined;
    },
    async set(key, value) {
      upsert.run(key, JSON.stringify(value), Date.now());
    },
    size: () => count.get()!.n,
    close: () => {
      if (typeof target === 'string') db.close();
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
