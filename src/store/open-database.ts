import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ModeldebugError } from '../core/errors.js';
import { MIGRATIONS, type Migration } from './migrations.js';

export type SqliteDatabase = Database.Database;

/** The default store, relative to the working directory (git-ignored). */
export const DEFAULT_STORE_PATH = '.modeldebug/runs.db';

/**
 * Opens (creating if needed) a store in WAL mode, so a reader (`modeldebug runs`) never blocks a running
 * search and a killed writer loses at most its open transaction; then brings the schema up to date.
 */
export function openDatabase(path: string, migrations: readonly Migration[] = MIGRATIONS): SqliteDatabase {
  let db: SqliteDatabase;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
  } catch (error) {
    throw new ModeldebugError('invalid_argument', `cannot open the run store: ${(error as Error).message}`, {
      where: path,
      hint: 'give a writable path with --store PATH',
      cause: error,
    });
  }
  db.pragma('journal_mode = WAL');
  // NORMAL is durable for WAL against a process kill (only an OS crash can drop the last commits).
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db, migrations);
  return db;
}

export function migrate(db: SqliteDatabase, migrations: readonly Migration[]): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map(
      (row) => row.version,
    ),
  );
  const newest = Math.max(0, ...applied);
  const known = Math.max(0, ...migrations.map((migration) => migration.version));
  if (newest > known) {
    throw new ModeldebugError(
      'unsupported',
      `the run store has schema version ${newest}, newer than this modeldebug (${known})`,
      {
        hint: 'upgrade modeldebug, or use another --store path',
      },
    );
  }
  const ran: number[] = [];
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)',
  );
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    const foreignKeys = db.pragma('foreign_keys', { simple: true });
    if (migration.rebuildsTables) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(migration.sql);
        if (migration.rebuildsTables && (db.pragma('foreign_key_check') as unknown[]).length > 0) {
          throw new ModeldebugError('internal', `store migration ${migration.version} broke a reference`);
        }
        record.run(migration.version, migration.description, new Date().toISOString());
      })();
    } finally {
      if (migration.rebuildsTables) db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
    }
    ran.push(migration.version);
  }
  return ran;
}
