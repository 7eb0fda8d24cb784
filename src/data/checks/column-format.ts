import type { DuckSession } from '../duck/duck-session.js';
import type { StagedColumn, StagedTable } from '../duck/stage-table.js';
import { detectValueFormat, type ValueFormat } from '../value-formats.js';

/** Enough distinct values to tell dates and formatted numbers from categories (sorted: deterministic). */
const SAMPLE_VALUES = 5000;

/** The value format of a text column of the staged table: dates, formatted numbers, or neither. */
export async function valueFormatOf(
  session: DuckSession,
  table: StagedTable,
  column: StagedColumn,
): Promise<ValueFormat> {
  if (column.kind !== 'categorical') return { kind: 'none' };
  const rows = await session.rows(
    `SELECT DISTINCT ${column.sql} FROM ${table.table} WHERE ${column.sql} IS NOT NULL ORDER BY 1 LIMIT ${SAMPLE_VALUES}`,
  );
  return detectValueFormat(rows.map(([value]) => String(value)));
}
