import { CREATE_CACHE_TABLE } from '../llm/sqlite-cache.js';

/**
 * The run store's schema, one numbered step per change. A database records the steps it has applied in
 * `schema_migrations`; opening it applies the missing ones in order, each in its own transaction. Never
 * edit a released step: add the next number.
 */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
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
];
