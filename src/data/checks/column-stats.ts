import type { DuckSession } from '../duck/duck-session.js';
import type { StagedColumn, StagedTable } from '../duck/stage-table.js';

/** Numeric summaries of one column; quantiles are exact (DuckDB's quantile_cont, numpy's "linear"). */
export interface NumericStats {
  readonly min: number;
  readonly max: number;
  readonly p01: number;
  readonly q1: number;
  readonly median: number;
  readonly q3: number;
  readonly p99: number;
  /** Every present value is a whole number. */
  readonly integral: boolean;
}

export interface ColumnStats {
  readonly present: number;
  /** HyperLogLog estimate (about 2 % error); checks that need exactness confirm with an exact count. */
  readonly approxDistinct: number;
  /** The most common value and its count (ties: the smallest value); null / 0 when not computed. */
  readonly top: string | number | null;
  readonly topCount: number;
  readonly numeric?: NumericStats;
}

/**
 * Quantiles (numpy's "linear") are exact up to this many rows; beyond, they are exact quantiles of a
 * systematic sample of about this many rows (every k-th row): deterministic, and close enough for IQR
 * fences and bins at a fraction of the cost of a full sort.
 */
const QUANTILE_ROWS = 200_000;

/**
 * One scan for all columns' aggregates, then the most common value of the columns that could be
 * near-constant: a column whose top value covers 99 % of rows has few distinct values, so columns with
 * many are not counted (their `top` is null, `topCount` 0).
 */
export async function computeColumnStats(
  session: DuckSession,
  table: StagedTable,
  columns: readonly StagedColumn[],
  nearConstantShare: number,
): Promise<Map<string, ColumnStats>> {
  const step = Math.ceil(table.rows / QUANTILE_ROWS);
  const sample = step > 1 ? ` FILTER (WHERE rowid % ${step} = 0)` : '';
  const parts = columns.flatMap((column) => {
    const c = column.sql;
    const base = [`count(${c})::DOUBLE`, `approx_count_distinct(${c})::DOUBLE`];
    if (column.kind !== 'numeric') return base;
    return [
      ...base,
      `min(${c})`,
      `max(${c})`,
      `quantile_cont(${c}, [0.01, 0.25, 0.5, 0.75, 0.99])${sample}`,
      `coalesce(bool_and(${c} = floor(${c})), false)`,
    ];
  });
  const [row] = await session.rows(`SELECT ${parts.join(', ')} FROM ${table.table}`);
  let k = 0;
  const stats = new Map<string, ColumnStats>();
  for (const column of columns) {
    const present = Number(row[k]);
    const approxDistinct = Number(row[k + 1]);
    k += 2;
    let numeric: NumericStats | undefined;
    if (column.kind === 'numeric') {
      // Infinite values come back as strings in DuckDB's JSON form; Number reads both.
      const [p01, q1, median, q3, p99] = ((row[k + 2] as unknown[] | null) ?? [0, 0, 0, 0, 0]).map(Number);
      numeric = {
        min: Number(row[k]),
        max: Number(row[k + 1]),
        p01,
        q1,
        median,
        q3,
        p99,
        integral: Boolean(row[k + 3]),
      };
      k += 4;
    }
    // approx_count_distinct errs by a few percent, hence the margin.
    const mayBeNearConstant = approxDistinct <= 1.1 * (1 - nearConstantShare) * present + 10;
    const [top, topCount] = mayBeNearConstant ? await mostCommon(session, table, column) : [null, 0];
    stats.set(column.name, { present, approxDistinct, top, topCount, numeric });
  }
  return stats;
}

async function mostCommon(
  session: DuckSession,
  table: StagedTable,
  column: StagedColumn,
): Promise<[string | number | null, number]> {
  const rows = await session.rows(`SELECT ${column.sql}, count(*)::DOUBLE FROM ${table.table}
    WHERE ${column.sql} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`);
  if (rows.length === 0) return [null, 0];
  return [rows[0][0] as string | number, Number(rows[0][1])];
}
