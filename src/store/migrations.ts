import { CREATE_CACHE_TABLE } from '../llm/cache/sqlite-cache.js';

/**
 * The run store's schema, one numbered step per change. A database records the steps it has applied in
 * `schema_migrations`; opening it applies the missing ones in order, each in its own transaction. Never
 * edit a released step: add the next number.
 */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
  /**
   * The step rebuilds a table that others reference (SQLite cannot alter a CHECK in place): it runs with
   * foreign keys off, so dropping the old table cascades nowhere, and is checked with foreign_key_check
   * before it commits (SQLite's documented procedure for schema changes ALTER TABLE cannot make).
   */
  readonly rebuildsTables?: boolean;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'runs and trials',
    sql: `
      CREATE TABLE runs (
        id          TEXT PRIMARY KEY,
        kind        TEXT NOT NULL,
        status      TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed')),
        config      TEXT NOT NULL,
        summary     TEXT,
        error       TEXT,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      );
      CREATE TABLE trials (
        run_id         TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        trial_index    INTEGER NOT NULL,
        params         TEXT NOT NULL,
        status         TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
        test_scores    TEXT NOT NULL,
        train_scores   TEXT,
        mean_score     REAL,
        std_score      REAL,
        fit_seconds    TEXT NOT NULL,
        score_seconds  TEXT NOT NULL,
        error          TEXT,
        resource       INTEGER,
        iteration      INTEGER,
        completed_at   TEXT NOT NULL,
        PRIMARY KEY (run_id, trial_index)
      );
    `,
  },
  {
    version: 2,
    description: 'the debugging report of a `run`: its JSON document and the self-contained HTML',
    sql: `
      CREATE TABLE reports (
        run_id      TEXT PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
        json        TEXT NOT NULL,
        html        TEXT NOT NULL,
        created_at  TEXT NOT NULL
      );
    `,
  },
  {
    version: 3,
    description: 'LLM answers: the response cache and each run item as it completes',
    // IF NOT EXISTS: a store used as a `cache=` file before this step already has the cache table, same shape.
    sql: `
      ${CREATE_CACHE_TABLE};
      CREATE TABLE llm_results (
        run_id             TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        seq                INTEGER NOT NULL,
        row_index          INTEGER NOT NULL,
        sample_index       INTEGER NOT NULL,
        outcome            TEXT NOT NULL CHECK (outcome IN ('label', 'unparseable', 'refusal', 'error')),
        label              TEXT,
        answer             TEXT NOT NULL,
        cached             INTEGER NOT NULL,
        prompt_tokens      INTEGER NOT NULL,
        completion_tokens  INTEGER NOT NULL,
        cost_usd           REAL,
        completed_at       INTEGER NOT NULL,
        PRIMARY KEY (run_id, seq)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 4,
    description:
      'who runs a run: its process, host and heartbeat, so a killed run reads as interrupted and one resume holds it',
    rebuildsTables: true,
    sql: `
      CREATE TABLE runs_v4 (
        id            TEXT PRIMARY KEY,
        kind          TEXT NOT NULL,
        status        TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed', 'interrupted')),
        config        TEXT NOT NULL,
        summary       TEXT,
        error         TEXT,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        owner_pid     INTEGER,
        owner_host    TEXT,
        heartbeat_at  TEXT
      );
      INSERT INTO runs_v4 (id, kind, status, config, summary, error, created_at, updated_at)
        SELECT id, kind, status, config, summary, error, created_at, updated_at FROM runs;
      DROP TABLE runs;
      ALTER TABLE runs_v4 RENAME TO runs;
    `,
  },
];
