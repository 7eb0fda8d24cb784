import type { DuckDBVector } from '@duckdb/node-api';
import type { ColumnInfo, Features } from '../../core/features.js';
import { encodeLabels, type Labels, sortLabelValues } from '../../core/labels.js';
import type { DuckSession } from './duck-session.js';
import { sqlStringList } from './sql-literals.js';
import type { StagedColumn, StagedTable } from './stage-table.js';

/**
 * Fills the dense row-major matrix straight from DuckDB's result chunks (2048 rows each): one typed
 * array, no per-row objects. Categorical and text cells become the index of their value in `levels`,
 * levels in order of first appearance.
 */
export async function readFeatures(
  session: DuckSession,
  staged: StagedTable,
  featureColumns: readonly StagedColumn[],
): Promise<Features> {
  const rows = staged.rows;
  const cols = featureColumns.length;
  const columns: ColumnInfo[] = [];
  const selects: string[] = [];
  const joins: string[] = [];
  for (const [j, column] of featureColumns.entries()) {
    if (column.kind === 'numeric') {
      columns.push({ name: column.name, kind: 'numeric' });
      selects.push(`t.${column.sql}`);
      continue;
    }
    const levelTable = `levels_${j}`;
    await session.run(`CREATE TEMP TABLE ${levelTable} AS
      SELECT v, (row_number() OVER (ORDER BY first) - 1)::DOUBLE AS code
      FROM (SELECT ${column.sql} AS v, min(rowid) AS first FROM ${staged.table}
            WHERE ${column.sql} IS NOT NULL GROUP BY ${column.sql})`);
    const levels = await session.rows(`SELECT v FROM ${levelTable} ORDER BY code`);
    const kind = column.kind === 'text' ? 'text' : 'categorical';
    columns.push({ name: column.name, kind, levels: levels.map((row) => String(row[0])) });
    selects.push(`${levelTable}.code`);
    joins.push(`LEFT JOIN ${levelTable} ON t.${column.sql} = ${levelTable}.v`);
  }
  const data = new Float64Array(rows * cols);
  if (cols > 0) {
    // Joins do not keep row order, so sort by rowid when there are any.
    const order = joins.length > 0 ? 'ORDER BY t.rowid' : '';
    await fillRowMajor(
      session,
      `SELECT ${selects.join(', ')} FROM ${staged.table} t ${joins.join(' ')} ${order}`,
      data,
      cols,
    );
  }
  return { rows, cols, data, columns };
}

async function fillRowMajor(
  session: DuckSession,
  sql: string,
  data: Float64Array,
  cols: number,
): Promise<void> {
  const result = await session.connection.stream(sql);
  let offset = 0;
  for (
    let chunk = await result.fetchChunk();
    chunk && chunk.rowCount > 0;
    chunk = await result.fetchChunk()
  ) {
    const n = chunk.rowCount;
    for (let j = 0; j < cols; j++) {
      const vector: DuckDBVector = chunk.getColumnVector(j);
      for (let i = 0; i < n; i++) {
        const value = vector.getItem(i);
        data[(offset + i) * cols + j] = typeof value === 'number' ? value : Number.NaN;
      }
    }
    offset += n;
  }
}

/** Classes sorted as numpy sorts them (numbers by value), codes read in one column scan. */
export async function readLabels(
  session: DuckSession,
  staged: StagedTable,
  label: StagedColumn,
): Promise<Labels> {
  const distinct = await session.rows(
    `SELECT DISTINCT ${label.sql} FROM ${staged.table} WHERE ${label.sql} IS NOT NULL`,
  );
  const classes = sortLabelValues(distinct.map((row) => String(row[0])));
  if (classes.length > 1000) {
    // list_position is linear in the classes; past a few hundred, encode in JS instead (rare: labels).
    const values = await session.rows(`SELECT ${label.sql} FROM ${staged.table}`);
    return encodeLabels(
      values.map((row) => String(row[0])),
      classes,
    );
  }
  const codes = new Int32Array(staged.rows);
  const result = await session.connection.stream(
    `SELECT (list_position(${sqlStringList(classes)}, ${label.sql}) - 1)::INTEGER FROM ${staged.table}`,
  );
  let offset = 0;
  for (
    let chunk = await result.fetchChunk();
    chunk && chunk.rowCount > 0;
    chunk = await result.fetchChunk()
  ) {
    const vector: DuckDBVector = chunk.getColumnVector(0);
    for (let i = 0; i < chunk.rowCount; i++) codes[offset + i] = Number(vector.getItem(i));
    offset += chunk.rowCount;
  }
  return { classes, codes };
}
