import type { DuckSession } from '../duck/duck-session.js';
import { sqlIdent, sqlString } from '../duck/sql-literals.js';
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
  /** Cells that are +∞ or −∞ (numeric columns; 0 for others). */
  readonly infinite: number;
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
 * Up to this many columns, one aggregate query with expressions per column (fastest on tall files);
 * beyond, the columns are unpivoted to (column, value) pairs and grouped: DuckDB plans a query in time
 * that grows faster than its expression count, so a query whose size is fixed keeps a 10,000-column
 * file linear in cells.
 */
export const COLUMNS_PER_QUERY = 32;

/** `items` in consecutive batches of at most `size`. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let k = 0; k < items.length; k += size) out.push(items.slice(k, k + size));
  return out;
}

/** The column name an identifier quotes, as UNPIVOT names it: `"c3"` → `c3`. */
function unquoted(identifier: string): string {
  return identifier.slice(1, -1).replaceAll('""', '"');
}

/** `SELECT name, v FROM table` in long form: one row per present cell of `columns` (all of one type). */
export function unpivotSql(table: string, columns: readonly StagedColumn[]): string {
  return `(UNPIVOT (SELECT ${columns.map((column) => column.sql).join(', ')} FROM ${table})
    ON COLUMNS(*) INTO NAME name VALUE v)`;
}

/** The aggregates of one column `c` (numeric columns add their number summaries). */
function aggregateSql(c: string, numeric: boolean, sample: string): string[] {
  const base = [`count(${c})::DOUBLE`, `approx_count_distinct(${c})::DOUBLE`];
  if (!numeric) return base;
  return [
    ...base,
    `min(${c})`,
    `max(${c})`,
    `quantile_cont(${c}, [0.01, 0.25, 0.5, 0.75, 0.99])${sample}`,
    `coalesce(bool_and(${c} = floor(${c})), false)`,
    `count(*) FILTER (WHERE isinf(${c}))::DOUBLE`,
  ];
}

/**
 * Every column's aggregates, then the most common value of the columns that could be near-constant:
 * a column whose top value covers 99 % of rows has few distinct values, so columns with many are not
 * counted (their `top` is null, `topCount` 0).
 */
export async function computeColumnStats(
  session: DuckSession,
  table: StagedTable,
  columns: readonly StagedColumn[],
  nearConstantShare: number,
): Promise<Map<string, ColumnStats>> {
  const step = Math.ceil(table.rows / QUANTILE_ROWS);
  const sample = step > 1 ? ` FILTER (WHERE rowid % ${step} = 0)` : '';
  const aggregates = new Map<StagedColumn, unknown[]>();
  if (columns.length <= COLUMNS_PER_QUERY) {
    const parts = columns.flatMap((column) => aggregateSql(column.sql, column.kind === 'numeric', sample));
    const [row] =
      parts.length > 0 ? await session.rows(`SELECT ${parts.join(', ')} FROM ${table.table}`) : [[]];
    let k = 0;
    for (const column of columns) {
      const width = column.kind === 'numeric' ? 7 : 2;
      aggregates.set(column, row.slice(k, k + width));
      k += width;
    }
  } else {
    for (const numeric of [true, false]) {
      const group = columns.filter((column) => (column.kind === 'numeric') === numeric);
      if (group.length === 0) continue;
      const byIdentifier = new Map(group.map((column) => [column.sql, column]));
      // rowid is not in the unpivoted rows: a numbered copy keeps the quantile sample systematic.
      const from =
        step > 1
          ? `(SELECT name, v, r AS rowid FROM (UNPIVOT (SELECT rowid AS r, ${group.map((c) => c.sql).join(', ')} FROM ${table.table}) ON COLUMNS(* EXCLUDE (r)) INTO NAME name VALUE v))`
          : unpivotSql(table.table, group);
      const rows = await session.rows(
        `SELECT name, ${aggregateSql('v', numeric, sample).join(', ')} FROM ${from} GROUP BY name`,
      );
      for (const [identifier, ...values] of rows) {
        const column = byIdentifier.get(sqlIdent(String(identifier)));
        if (column) aggregates.set(column, values);
      }
    }
  }
  const stats = new Map<string, ColumnStats>();
  const candidates: StagedColumn[] = [];
  for (const column of columns) {
    // A column with no present value has no row in the long form.
    const row = aggregates.get(column) ?? [0, 0, null, null, null, false, 0];
    const present = Number(row[0]);
    const approxDistinct = Number(row[1]);
    let numeric: NumericStats | undefined;
    let infinite = 0;
    if (column.kind === 'numeric') {
      // Infinite values come back as strings in DuckDB's JSON form; Number reads both.
      const [p01, q1, median, q3, p99] = ((row[4] as unknown[] | null) ?? [0, 0, 0, 0, 0]).map(Number);
      numeric = {
        min: Number(row[2]),
        max: Number(row[3]),
        p01,
        q1,
        median,
        q3,
        p99,
        integral: Boolean(row[5]),
      };
      infinite = Number(row[6]);
    }
    // approx_count_distinct errs by a few percent, hence the margin.
    if (approxDistinct <= 1.1 * (1 - nearConstantShare) * present + 10) candidates.push(column);
    stats.set(column.name, { present, infinite, approxDistinct, top: null, topCount: 0, numeric });
  }
  const tops = await mostCommonValues(session, table, candidates);
  for (const [name, [top, topCount]] of tops) stats.set(name, { ...stats.get(name)!, top, topCount });
  return stats;
}

/**
 * The most common present value of each column (ties: the smallest), in one query per type:
 * unpivoted to (column, value) so that the query's size does not grow with the columns. Numbers and
 * texts are unpivoted apart, so that values keep their type and ties their order.
 */
async function mostCommonValues(
  session: DuckSession,
  table: StagedTable,
  columns: readonly StagedColumn[],
): Promise<Map<string, [string | number, number]>> {
  const byIdentifier = new Map(columns.map((column) => [column.sql, column.name]));
  const numeric = columns.filter((column) => column.kind === 'numeric');
  const other = columns.filter((column) => column.kind !== 'numeric');
  const tops = new Map<string, [string | number, number]>();
  for (const group of [numeric, other]) {
    if (group.length === 0) continue;
    // A narrow file: one small grouping per column, without first copying the cells to long form.
    const perColumn = group
      .map(
        (column) => `(SELECT ${sqlString(unquoted(column.sql))} AS name, v, n FROM (
          SELECT ${column.sql} AS v, count(*)::DOUBLE AS n FROM ${table.table} WHERE ${column.sql} IS NOT NULL
          GROUP BY v ORDER BY n DESC, v LIMIT 1))`,
      )
      .join(' UNION ALL ');
    const rows = await session.rows(
      group.length <= COLUMNS_PER_QUERY
        ? perColumn
        : `SELECT name, v, count(*)::DOUBLE AS n FROM ${unpivotSql(table.table, group)}
      GROUP BY name, v
      QUALIFY row_number() OVER (PARTITION BY name ORDER BY count(*) DESC, v) = 1`,
    );
    for (const [identifier, value, n] of rows) {
      const name = byIdentifier.get(sqlIdent(String(identifier)));
      if (name !== undefined) tops.set(name, [value as string | number, Number(n)]);
    }
  }
  return tops;
}
