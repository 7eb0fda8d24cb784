import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { MISSING_MARKERS } from '../missing.js';
import { sqlString } from './sql-literals.js';

/**
 * One in-memory DuckDB database per load / validation / cleaning run. Nothing is shared between runs,
 * so there is no module state and concurrent callers never see each other's tables.
 */
export interface DuckSession {
  readonly connection: DuckDBConnection;
  /** Runs a statement and returns its rows as JSON-safe values (numbers, strings, null). */
  rows(sql: string): Promise<unknown[][]>;
  run(sql: string): Promise<void>;
  close(): void;
}

export interface DuckSessionOptions {
  /** DuckDB's memory cap (e.g. '1GB'); larger tables spill to a temporary directory. */
  readonly memoryLimit?: string;
}

/**
 * The package through require, not import: Node's ESM loader lexes each of its CommonJS files for their
 * named exports first, which costs 0.2 s of every validation's start-up (0.5 s on a busy machine).
 */
function loadDuckdb(): typeof import('@duckdb/node-api') {
  return createRequire(import.meta.url)('@duckdb/node-api') as typeof import('@duckdb/node-api');
}

export async function openDuckSession(options: DuckSessionOptions = {}): Promise<DuckSession> {
  const instance = await loadDuckdb().DuckDBInstance.create(':memory:', {
    memory_limit: options.memoryLimit ?? '1GB',
    // Past the memory limit DuckDB spills to disk: into the system's temporary folder, not the user's
    // working directory (its default, `.tmp`).
    temp_directory: join(tmpdir(), `modeldebug-duckdb-${process.pid}`),
  });
  const connection = await instance.connect();
  // Shared definitions of "missing" and "a number", so every query (typing, checks, cleaning) agrees.
  // Cheap test first: most cells are numbers, and CASE evaluates the string work only for the others.
  const markers = [...MISSING_MARKERS].map(sqlString).join(', ');
  await connection.run(`CREATE MACRO md_marker(c) AS list_contains([${markers}], lower(trim(c)))`);
  await connection.run('CREATE MACRO md_missing(c) AS c IS NULL OR md_marker(c)');
  // TRY_CAST rejects 'inf' and 'Infinity', which pandas reads as numbers.
  // CASE, not coalesce: DuckDB evaluates a CASE branch only for the rows that reach it.
  await connection.run(`CREATE MACRO md_infinity(c) AS CASE lower(trim(c))
      WHEN 'inf' THEN 'inf'::DOUBLE WHEN '+inf' THEN 'inf'::DOUBLE WHEN 'infinity' THEN 'inf'::DOUBLE
      WHEN '+infinity' THEN 'inf'::DOUBLE WHEN '-inf' THEN '-inf'::DOUBLE WHEN '-infinity' THEN '-inf'::DOUBLE END`);
  await connection.run(`CREATE MACRO md_number(c) AS CASE WHEN TRY_CAST(c AS DOUBLE) IS NOT NULL
      THEN TRY_CAST(c AS DOUBLE) ELSE md_infinity(c) END`);
  /** 0 a number, 1 missing, 2 anything else: one evaluation per cell for the profile. */
  await connection.run(`CREATE MACRO md_cell_kind(c) AS CASE WHEN c IS NULL THEN 1
      WHEN TRY_CAST(c AS DOUBLE) IS NOT NULL THEN 0 WHEN md_marker(c) THEN 1
      WHEN md_infinity(c) IS NOT NULL THEN 0 ELSE 2 END`);
  return {
    connection,
    async rows(sql) {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowsJson() as unknown[][];
    },
    async run(sql) {
      await connection.run(sql);
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** Opens a session, runs `work` and always closes it, so an error never leaks a native handle. */
export async function withDuckSession<T>(
  work: (session: DuckSession) => Promise<T>,
  options?: DuckSessionOptions,
): Promise<T> {
  const session = await openDuckSession(options);
  try {
    return await work(session);
  } finally {
    session.close();
  }
}
