import { ModeldebugError } from '../core/errors.js';
import { COLUMNS_PER_QUERY } from './checks/column-stats.js';
import type { KindOptions } from './column-kinds.js';
import type { Dataset } from './dataset.js';
import { type DuckSession, withDuckSession } from './duck/duck-session.js';
import { readFeatures, readLabels } from './duck/read-matrix.js';
import { sqlIdent } from './duck/sql-literals.js';
import { requireFeatures, type StagedColumn, type StagedTable, stageFile } from './duck/stage-table.js';

export interface LoadOptions extends KindOptions {
  /** The label column's name. */
  readonly label: string;
  /** Columns to leave out of the features (IDs, leaks). */
  readonly drop?: readonly string[];
  /** How `source` reads in messages, when not the path itself. */
  readonly sourceName?: string;
  /**
   * Infinite numbers in a feature: an error (default: no model can fit them), or missing values, for a
   * model that imputes them.
   */
  readonly infinities?: 'error' | 'missing';
}

/**
 * Reads a CSV / TSV (optionally .gz), JSON, JSONL or Parquet file into a Dataset through DuckDB: the
 * format follows the extension; a delimited file's delimiter is detected from its header row; every
 * column is typed over all rows (numeric when every non-missing cell is a number).
 */
export async function loadDataset(path: string, options: LoadOptions): Promise<Dataset> {
  return withDuckSession(async (session) => {
    const staged = await stageFile(session, path, {
      ...options,
      table: 'data',
      required: (options.drop ?? []).map((name) => ({ name, flag: '--drop' })),
    });
    const label = staged.columns.find((column) => column.kind === 'label')!;
    if (label.missing > 0) {
      const [[row]] = await session.rows(`SELECT min(rowid) FROM data WHERE ${label.sql} IS NULL`);
      throw new ModeldebugError('missing_values', `missing label in column "${options.label}"`, {
        where: `${staged.source}:${lineOf(Number(row), staged.format)}`,
        hint: 'remove unlabelled rows (modeldebug clean --drop-missing) or fill in their labels',
      });
    }
    const featureColumns = staged.columns.filter(
      (column) => column.kind !== 'label' && !options.drop?.includes(column.name),
    );
    requireFeatures(staged, featureColumns);
    await settleInfinities(session, staged, featureColumns, options.infinities ?? 'error');
    const features = await readFeatures(session, staged, featureColumns);
    const labels = await readLabels(session, staged, label);
    return { source: staged.source, labelColumn: options.label, features, labels };
  });
}

/** Infinite cells become missing values when asked; otherwise the first one is an error. */
async function settleInfinities(
  session: DuckSession,
  staged: StagedTable,
  columns: readonly StagedColumn[],
  infinities: 'error' | 'missing',
): Promise<void> {
  const numeric = columns.filter((column) => column.kind === 'numeric');
  const firstRows = await firstInfiniteRows(session, staged.table, numeric);
  for (const column of numeric) {
    const row = firstRows.get(column.sql);
    if (row === undefined) continue;
    if (infinities === 'missing') {
      await session.run(`UPDATE ${staged.table} SET ${column.sql} = NULL WHERE isinf(${column.sql})`);
      continue;
    }
    throw new ModeldebugError(
      'non_finite_values',
      `column "${column.name}" holds an infinite value, which no model can fit`,
      {
        where: `${staged.source}:${lineOf(row, staged.format)}`,
        hint: 'replace it with a finite number or leave the cell empty; or read infinities as missing values and impute them',
      },
    );
  }
}

/** The first row holding an infinity, by column identifier; unpivoted on a wide file (see column-stats). */
async function firstInfiniteRows(
  session: DuckSession,
  table: string,
  columns: readonly StagedColumn[],
): Promise<Map<string, number>> {
  if (columns.length === 0) return new Map();
  if (columns.length <= COLUMNS_PER_QUERY) {
    const [first] = await session.rows(
      `SELECT ${columns.map((column) => `min(rowid) FILTER (WHERE isinf(${column.sql}))`).join(', ')} FROM ${table}`,
    );
    return new Map(
      columns.flatMap((column, k) => (first[k] === null ? [] : [[column.sql, Number(first[k])]])),
    );
  }
  const rows = await session.rows(`SELECT name, min(r) FROM (UNPIVOT
      (SELECT rowid AS r, ${columns.map((column) => column.sql).join(', ')} FROM ${table})
      ON COLUMNS(* EXCLUDE (r)) INTO NAME name VALUE v) WHERE isinf(v) GROUP BY name`);
  return new Map(rows.map(([name, row]) => [sqlIdent(String(name)), Number(row)]));
}

/**
 * The file line of a 0-based data row: CSV has its header on line 1 (exact unless quoted fields span
 * lines); JSONL has one record per line; other formats have no lines, so the 1-based row is given.
 */
export function lineOf(row: number, format: string): string {
  if (format === 'csv' || format === 'tsv') return String(row + 2);
  if (format === 'jsonl') return String(row + 1);
  return `row ${row + 1}`;
}
